/**
 * The contract of a chat message, for the pre-check. Only ever imported lazily (see
 * load-chat-checks.ts): zod/mini and the schemas stay out of the first load. The length
 * limit is not here: it comes from '@oz/contracts/constants', so it never waits for this chunk.
 */
import { PostMessageRequest, fieldErrorsFromIssues, type FieldError } from '@oz/contracts/forms';

/** The same field errors, with the same codes, the API would answer for this message. */
export function checkMessage(text: string): FieldError[] {
  const result = PostMessageRequest.safeParse({ text });
  return result.success ? [] : fieldErrorsFromIssues(result.error.issues);
}
