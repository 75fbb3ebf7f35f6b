/**
 * The contract of a chat message, for its length limit and the pre-check. Only ever imported
 * lazily (see load-chat-checks.ts): zod and the schemas weigh more than the rest of the bundle.
 */
import { MESSAGE_MAX, PostMessageRequest, fieldErrorsFromIssues, type FieldError } from '@oz/contracts';

export { MESSAGE_MAX };

/** The same field errors, with the same codes, the API would answer for this message. */
export function checkMessage(text: string): FieldError[] {
  const result = PostMessageRequest.safeParse({ text });
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
