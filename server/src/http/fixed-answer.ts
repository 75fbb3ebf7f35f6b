import type { Context } from 'hono';
import { MIN_COMPRESSED_BYTES, encodeBody, preferredCoding, type ContentCoding } from './content-coding.ts';
import { requestHeader, setResponseHeader } from './node-headers.ts';

/** The same answer for everyone: its bytes in the coding a request accepts, and its own headers. */
export interface FixedAnswer {
  /** Headers of this answer beyond the API's (Cache-Control of a public one, say). */
  readonly headers: readonly (readonly [string, string])[];
  /** The body for a request of `method` accepting `acceptEncoding`, and its coding when compressed. */
  bodyFor(method: string | undefined, acceptEncoding: string | undefined): { body: Buffer; coding: ContentCoding | undefined };
}

const answers = new WeakMap<object, FixedAnswer>();

/** The answer of a handler made by fixedJson, for the cached-read lane (http/cached-read-lane.ts). */
export const fixedAnswerOf = (handler: unknown): FixedAnswer | undefined => answers.get(handler as object);

/**
 * An answer that is the same for everyone while the process runs (the catalog of centers, the
 * OpenAPI document): its JSON made on first use, and each compressed form made once too, as small
 * as it gets, instead of again for every request. An answer already compressed is left alone by
 * http/compress-answer.ts. `headers`: its own, set before it goes.
 */
export function fixedJson(makeJson: () => string, headers: Readonly<Record<string, string>> = {}): (c: Context) => Response {
  let identity: Buffer | undefined;
  const encoded = new Map<ContentCoding, Buffer>();
  const answer: FixedAnswer = {
    headers: Object.entries(headers),
    bodyFor(method, acceptEncoding) {
      identity ??= Buffer.from(makeJson());
      const coding = identity.byteLength >= MIN_COMPRESSED_BYTES && method !== 'HEAD' ? preferredCoding(acceptEncoding) : undefined;
      if (coding === undefined) return { body: identity, coding };
      let body = encoded.get(coding);
      if (body === undefined) encoded.set(coding, (body = encodeBody(identity, coding, 'fixed')));
      return { body, coding };
    },
  };
  const handler = (c: Context) => {
    for (const [name, value] of answer.headers) setResponseHeader(c, name, value);
    const { body, coding } = answer.bodyFor(c.req.method, requestHeader(c, 'accept-encoding'));
    // Set ahead, as the frame's headers are (http/node-headers.ts): with two headers of its own the
    // answer would build a Headers object (about 10 µs of the catalog's 35, measured with autocannon).
    if (coding !== undefined) setResponseHeader(c, 'Content-Encoding', coding);
    return c.body(body as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/json' });
  };
  answers.set(handler, answer);
  return handler;
}
