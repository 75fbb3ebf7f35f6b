import type { Context } from 'hono';
import { dropResponseHeaders, setResponseHeaders } from './node-headers.ts';
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

/**
 * Of those, the ones only a document acts on: framing, the opener and agent cluster of a browsing
 * context, DNS prefetching from its links, old Internet Explorer's download prompt and XSS filter,
 * Adobe readers' cross-domain policy files. The bundle's scripts, source maps and manifest are no
 * documents; kept, the seven cost each of their answers 215 bytes, on a slow rural link about 70 ms
 * before the portal's elements show (`npm run bench:slow3g`). Pages and API answers keep them all.
 */
export const DOCUMENT_ONLY_HEADERS: readonly string[] = [
  'Cross-Origin-Opener-Policy',
  'Origin-Agent-Cluster',
  'X-DNS-Prefetch-Control',
  'X-Download-Options',
  'X-Frame-Options',
  'X-Permitted-Cross-Domain-Policies',
  'X-XSS-Protection',
];

/** For an answer that is not a document: what stays is what a script acts on (nosniff, CORP, Referrer-Policy, HSTS). */
export function leaveOutDocumentHeaders(c: Context): void {
  dropResponseHeaders(c, DOCUMENT_ONLY_HEADERS);
}
