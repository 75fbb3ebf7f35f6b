import { z } from '@hono/zod-openapi';

/** `{id}` in a path: our ids are short random strings. */
export const IdParam = z.object({ id: z.string().min(1).max(64) });
