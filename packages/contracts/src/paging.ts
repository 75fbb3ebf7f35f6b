import { z } from 'zod';
import { PAGE_LIMITS, type PagedListName } from './constants.ts';

/** `?limit&cursor` of a paged list; `cursor` is the previous page's `nextCursor`. */
export function pageQuery(list: PagedListName) {
  const { default: fallback, max } = PAGE_LIMITS[list];
  return z.object({
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .max(max)
      .default(fallback)
      .meta({ description: `Items on one page: default ${fallback}, at most ${max}` }),
    cursor: z.string().min(1).max(200).optional().meta({ description: 'The `nextCursor` of the previous page; absent for the first page' }),
  });
}

export const NextCursor = z
  .string()
  .nullable()
  .meta({ description: 'Pass it as `cursor` to get the next page; `null` on the last page' });
