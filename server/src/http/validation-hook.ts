import { fieldErrorsFromIssues } from '@oz/contracts';
import type { Hook } from '@hono/zod-openapi';
import type { AppEnv } from './env.ts';
import { validationFailed } from '../services/domain-error.ts';

/** Every route's validation failure becomes 422 `validation_failed` naming each field. */
export const validationHook: Hook<unknown, AppEnv, string, unknown> = (result) => {
  if (!result.success) throw validationFailed(fieldErrorsFromIssues(result.error.issues));
};
