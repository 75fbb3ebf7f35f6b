import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { Role } from './users.ts';

// The request of the chat form: written once for the API and the browser's pre-check.
export { PostMessageRequest } from './forms/messages.ts';

export const ChatMessage = z
  .object({
    id: z.string(),
    consultationId: z.string(),
    authorId: z.string(),
    authorRole: Role,
    authorName: z.string(),
    text: z.string(),
    createdAt: z.string(),
  })
  .meta({ id: 'ChatMessage' });
export type ChatMessage = z.infer<typeof ChatMessage>;

export const ChatMessageList = z
  .object({
    items: z.array(ChatMessage).meta({ description: 'Oldest first within the page; the first page holds the latest messages' }),
    nextCursor: NextCursor.meta({ description: 'The cursor of the page of earlier messages; `null` when there are none' }),
  })
  .meta({ id: 'ChatMessageList' });

export const ChatMessageListQuery = pageQuery('messages');
export type ChatMessageList = z.infer<typeof ChatMessageList>;
