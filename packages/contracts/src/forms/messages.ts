import { z } from 'zod';
import { MESSAGE_MAX } from '../constants.ts';
import { withMeta } from './meta.ts';

export const PostMessageRequest = withMeta(
  z.object({ text: z.string().check(z.trim(), z.minLength(1), z.maxLength(MESSAGE_MAX)) }),
  { id: 'PostMessageRequest' },
);
export type PostMessageRequest = z.infer<typeof PostMessageRequest>;
