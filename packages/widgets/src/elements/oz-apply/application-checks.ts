/**
 * The contract schema of a new application, for the form's pre-check. Only ever imported lazily
 * (see `applicationChecks` in oz-apply.ts): zod/mini and the schemas stay out of the first load.
 * From '@oz/contracts/forms' only: the package's index holds schemas zod/mini cannot build.
 */
import { CreateApplicationRequest, fieldErrorsFromIssues, type FieldError } from '@oz/contracts/forms';

/** The same field errors, with the same codes, the API would answer for this input. */
export function checkApplication(input: unknown): FieldError[] {
  const result = CreateApplicationRequest.safeParse(input);
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
