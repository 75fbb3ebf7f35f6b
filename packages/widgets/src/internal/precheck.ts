import type { FieldError } from '@oz/contracts/forms';
import type { ContractChecks } from './contracts.ts';

/** The part of a zod schema a pre-check needs; keeps zod itself out of the widgets' imports. */
export interface CheckableSchema {
  safeParse(input: unknown): {
    success: boolean;
    error?: { issues: Parameters<ContractChecks['fieldErrorsFromIssues']>[0] };
  };
}

/**
 * Checks form input with the same contract schema the API validates with, so the browser and
 * the server report the same field errors with the same codes.
 */
export function precheck(checks: ContractChecks, schema: CheckableSchema, input: unknown): FieldError[] {
  const result = schema.safeParse(input);
  return result.success || !result.error ? [] : checks.fieldErrorsFromIssues(result.error.issues);
}
