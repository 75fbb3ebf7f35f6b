import type { z } from '@hono/zod-openapi';

/** `{content: {'application/json': {schema}}}`, the shape createRoute wants for JSON bodies. */
export const json = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } } });
