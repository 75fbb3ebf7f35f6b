import { PAGE_LIMITS, type PagedListName } from '@oz/contracts/constants';

/**
 * `?limit&cursor` of a list that grows (`pageQuery` in @oz/contracts): without them the API sends
 * the first page in its default size (PAGE_LIMITS). The answer is `{ items, nextCursor }`.
 */
export interface PageOptions {
  /** The previous page's `nextCursor`; absent for the first page. */
  cursor?: string | undefined;
  /** Items on one page, up to the list's maximum; absent: the API's default. */
  limit?: number | undefined;
  signal?: AbortSignal | undefined;
}

/** `?a=1&b=x` of the values that are set (empty strings and undefined are left out), or ''. */
export function searchOf(params: Readonly<Record<string, string | number | undefined | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  // Not search.size: older phone browsers still in use lack it.
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** A page size as the list allows it: a webmaster's page-size="1000" asks for the most, not for an error. */
export function pageLimit(list: PagedListName, limit: number | undefined): number | undefined {
  if (limit === undefined || !Number.isFinite(limit)) return undefined;
  return Math.min(PAGE_LIMITS[list].max, Math.max(1, Math.floor(limit)));
}
