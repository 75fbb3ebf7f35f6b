import type { Context } from 'hono';
import { MIN_COMPRESSED_BYTES, encodeBody, preferredCoding, type ContentCoding } from './content-coding.ts';
import { requestHeader, setResponseHeader } from './node-headers.ts';

/**
 * An answer that is the same for everyone while the process runs (the catalog of centers, the
 * OpenAPI document): its JSON made on first use, and each compressed form made once too, as small
 * as it gets, instead of again for every request. An answer already compressed is left alone by
 * http/compress-answer.ts.
 */
export function fixedJson(makeJson: () => string): (c: Context) => Response {
  let identity: Buffer | undefined;
  const encoded = new Map<ContentCoding, Buffer>();
  return (c) => {
    identity ??= Buffer.from(makeJson());
    const coding = identity.byteLength >= MIN_COMPRESSED_BYTES && c.req.method !== 'HEAD' ? preferredCoding(requestHeader(c, 'accept-encoding')) : undefined;
    if (coding === undefined) return c.body(identity as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
    let body = encoded.get(coding);
    if (body === undefined) encoded.set(coding, (body = encodeBody(identity, coding, 'fixed')));
    // Set ahead, as the frame's headers are (http/node-headers.ts): with two headers of its own the
    // answer would build a Headers object (about 10 µs of the catalog's 35, measured with autocannon).
    setResponseHeader(c, 'Content-Encoding', coding);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
  };
}
