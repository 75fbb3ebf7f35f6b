import { ServerResponse } from 'node:http';
import type { Context } from 'hono';
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/compress';
import { lower, writeHeadNow, writeHeadThrough, type HeaderList } from './headers-before-answer.ts';
import { MIN_COMPRESSED_BYTES, encodeBody, preferredCoding, type ContentCoding } from './content-coding.ts';
import { nodeResponseOf, requestHeader } from './node-headers.ts';

/**
 * Compresses the API's answer on Node when the request accepts br or gzip (http/content-coding.ts).
 * The decision waits for the head: @hono/node-server gives an answer made whole (JSON, an error)
 * its Content-Length, then ends the response with the body in one call. Only such an answer is
 * compressed, and only when its type is text-like (hono/compress's list: not an event stream, a
 * PDF, a JPEG, a ZIP) and it is big enough to gain; streams and files go out untouched.
 * Without the header nothing is held and nothing else is done, the cost of one header lookup.
 *
 * BREACH does not apply: it needs a secret and attacker-chosen text in one compressed answer,
 * sent with credentials the browser adds by itself; the API's credential is a bearer token the
 * widget sends, which a page of an attacker cannot make a browser add.
 */
export function compressAnswer(c: Context): void {
  const outgoing = nodeResponseOf(c);
  // app.request in tests: no transport to compress for
  if (outgoing) compressNodeAnswer(outgoing, c.req.method, requestHeader(c, 'accept-encoding'));
}

/** compressAnswer on Node's response itself (http/cached-read-lane.ts). */
export function compressNodeAnswer(outgoing: ServerResponse, method: string | undefined, acceptEncoding: string | undefined): void {
  const coding = preferredCoding(acceptEncoding);
  if (coding === undefined || method === 'HEAD') return;
  (outgoing as Holding)[CODING] = coding;
  writeHeadThrough(outgoing, holdHead);
}

/**
 * Compressed forms of the answers the answer cache keeps (http/cached-answer.ts: the duty slots,
 * a person's consultations), made once per kept answer and coding. A changed answer is a new
 * buffer, so a stale form is never sent, and the forms go with their buffer.
 */
const keptForms = new WeakMap<Uint8Array, Partial<Record<ContentCoding, Buffer>>>();

export function keepCompressedForms(body: Uint8Array): void {
  keptForms.set(body, {});
}

/** Bigger answers go as they are: compressing them in one go would stall every other request for a while. */
const MAX_COMPRESSED_BYTES = 1024 * 1024;

const CODING = Symbol('oz.answerCoding');
const HELD = Symbol('oz.heldHead');

interface HeldHead {
  status: number;
  message: string | undefined;
  headers: HeaderList;
  /** Where Content-Length's value is in `headers`. */
  lengthAt: number;
  length: number;
}
type Holding = ServerResponse & { [CODING]?: ContentCoding; [HELD]?: HeldHead };

const nodeEnd = ServerResponse.prototype.end as (this: ServerResponse, chunk?: unknown, callback?: Callback) => ServerResponse;
const nodeWrite = ServerResponse.prototype.write;
const nodeFlushHeaders = ServerResponse.prototype.flushHeaders;

/** Writes the head at once, or keeps it for the body that `end` brings when the answer is worth compressing. */
function holdHead(response: ServerResponse, status: number, message: string | undefined, headers: HeaderList): ServerResponse {
  const lengthAt = compressibleLengthAt(status, headers);
  if (lengthAt < 0) return writeHeadNow(response, status, message, headers);
  (response as Holding)[HELD] = { status, message, headers, lengthAt, length: Number(headers[lengthAt]) };
  // Shared functions, not closures: a held answer costs three assignments.
  response.end = endCompressed as ServerResponse['end'];
  response.write = writeReleased as ServerResponse['write'];
  response.flushHeaders = flushReleased;
  return response;
}

/** Index of Content-Length's value when the answer may be compressed, else -1. */
function compressibleLengthAt(status: number, headers: HeaderList): number {
  if (status < 200 || status === 204 || status === 206 || status === 304) return -1;
  let lengthAt = -1;
  let typeFits = false;
  for (let index = 0; index < headers.length; index += 2) {
    const value = headers[index + 1]!;
    switch (lower(String(headers[index]))) {
      case 'content-length': {
        const length = Number(value);
        if (!(length >= MIN_COMPRESSED_BYTES && length <= MAX_COMPRESSED_BYTES)) return -1;
        lengthAt = index + 1;
        break;
      }
      case 'content-type':
        typeFits = COMPRESSIBLE_CONTENT_TYPE_REGEX.test(String(value));
        break;
      // Already compressed, or sent in chunks as it is made (an event stream): never again.
      case 'content-encoding':
      case 'transfer-encoding':
        return -1;
      case 'cache-control':
        if (/\bno-transform\b/i.test(String(value))) return -1;
        break;
    }
  }
  return typeFits ? lengthAt : -1;
}

type Callback = (error?: Error | null) => void;

/** The body arrives whole: compressed when it gains, else as it is, under the head held for it. */
function endCompressed(this: Holding, chunk?: unknown, encoding?: unknown, callback?: unknown): ServerResponse {
  const held = release(this)!;
  if (typeof chunk === 'function') [chunk, callback] = [undefined, chunk];
  else if (typeof encoding === 'function') [encoding, callback] = [undefined, encoding];
  const done = callback as Callback | undefined;
  const body = typeof chunk === 'string' ? Buffer.from(chunk, (encoding as BufferEncoding | undefined) ?? 'utf8') : (chunk as Uint8Array | null | undefined);
  const coding = this[CODING]!;
  // A body of another length than announced is the handler's mistake: passed on as it came.
  const encoded = body?.byteLength === held.length ? encodedOrKept(body, coding) : undefined;
  if (!encoded || encoded.byteLength >= held.length) {
    writeHeadNow(this, held.status, held.message, held.headers);
    return nodeEnd.call(this, body, done);
  }
  const headers = held.headers.slice();
  headers[held.lengthAt] = String(encoded.byteLength);
  headers.push('Content-Encoding', coding);
  writeHeadNow(this, held.status, held.message, headers);
  return nodeEnd.call(this, encoded, done);
}

function encodedOrKept(body: Uint8Array, coding: ContentCoding): Buffer | undefined {
  const forms = keptForms.get(body);
  const kept = forms?.[coding];
  if (kept) return kept;
  try {
    const encoded = encodeBody(body, coding, 'answer');
    if (forms) forms[coding] = encoded;
    return encoded;
  } catch {
    return undefined; // out of memory for zlib's state, say: the answer still goes, as it is
  }
}

/** A body written in parts is not one this can compress: the head goes as it was. */
function writeReleased(this: Holding, ...args: unknown[]): boolean {
  const held = release(this)!;
  writeHeadNow(this, held.status, held.message, held.headers);
  return (nodeWrite as (...rest: unknown[]) => boolean).apply(this, args);
}

function flushReleased(this: Holding): void {
  const held = release(this)!;
  writeHeadNow(this, held.status, held.message, held.headers);
  nodeFlushHeaders.call(this);
}

function release(response: Holding): HeldHead | undefined {
  const held = response[HELD];
  response[HELD] = undefined;
  response.end = nodeEnd as ServerResponse['end'];
  response.write = nodeWrite;
  response.flushHeaders = nodeFlushHeaders;
  return held;
}
