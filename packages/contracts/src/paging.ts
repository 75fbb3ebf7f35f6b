import { z } from 'zod';

/** Page sizes of the lists that grow with the program: the default when `limit` is absent, and the most one page holds. */
export const PAGE_LIMITS = {
  applications: { default: 50, max: 200 },
  consultations: { default: 100, max: 200 },
  notifications: { default: 50, max: 200 },
  dutySlots: { default: 200, max: 500 },
  messages: { default: 100, max: 200 },
} as const;

export type PagedList = keyof typeof PAGE_LIMITS;

/** `?limit&cursor` of a paged list; `cursor` is the previous page's `nextCursor`. */
export function pageQuery(list: PagedList) {
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
