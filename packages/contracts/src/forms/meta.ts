import { z } from 'zod';

/**
 * What classic zod's `.meta(data)` does (registers a copy of the schema with `data` in the global
 * registry, which the OpenAPI document is read from), with calls that zod/mini has too.
 */
export function withMeta<T extends z.ZodType>(schema: T, meta: z.GlobalMeta): T {
  const copy = schema.clone();
  z.globalRegistry.add(copy as z.ZodType, meta);
  return copy;
}
