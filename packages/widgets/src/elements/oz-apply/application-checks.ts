/**
 * The contract schema of a new application, for the form's pre-check. Only ever imported lazily
 * (see `applicationChecks` in oz-apply.ts): zod and the schemas weigh more than the rest of the bundle.
 */
import { CreateApplicationRequest, fieldErrorsFromIssues, type FieldError } from '@oz/contracts';

/** The same field errors, with the same codes, the API would answer for this input. */
export function checkApplication(input: unknown): FieldError[] {
  const result = CreateApplicationRequest.safeParse(input);
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
