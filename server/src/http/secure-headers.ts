import type { Context } from 'hono';
import { setResponseHeaders } from './node-headers.ts';
import { headerBlock } from './headers-before-answer.ts';

/**
 * What hono/secure-headers sends with `crossOriginResourcePolicy: 'cross-origin'` (the bundle is
 * embedded by other sites) and `referrerPolicy: 'strict-origin-when-cross-origin'`; a test holds
 * this list to the library's. Set once per request before the handler (http/node-headers.ts)
 * instead of on the finished answer.
 */
export const SECURE_HEADERS: readonly (readonly [string, string])[] = [
  ['Cross-Origin-Opener-Policy', 'same-origin'],
  ['Cross-Origin-Resource-Policy', 'cross-origin'],
  ['Origin-Agent-Cluster', '?1'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Strict-Transport-Security', 'max-age=15552000; includeSubDomains'],
  ['X-Content-Type-Options', 'nosniff'],
  ['X-DNS-Prefetch-Control', 'off'],
  ['X-Download-Options', 'noopen'],
  ['X-Frame-Options', 'SAMEORIGIN'],
  ['X-Permitted-Cross-Domain-Policies', 'none'],
  ['X-XSS-Protection', '0'],
];

export const SECURE_BLOCK = headerBlock(SECURE_HEADERS);

export function setSecureHeaders(c: Context): void {
  setResponseHeaders(c, SECURE_BLOCK);
}
