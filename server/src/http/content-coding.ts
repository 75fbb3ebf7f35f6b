import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/** The codings the API answers in; on equal q brotli wins (smaller JSON, every browser since 2017 takes it). */
export type ContentCoding = 'br' | 'gzip';

/**
 * The coding to answer in, by the request's Accept-Encoding (RFC 9110 §12.5.3): the higher q of
 * br and gzip (`*` stands for a coding it does not name); none when the header is absent or
 * refuses both (`identity`, `gzip;q=0, br;q=0`), and the answer goes as it is.
 */
export function preferredCoding(acceptEncoding: string | undefined): ContentCoding | undefined {
  if (acceptEncoding === undefined) return undefined;
  let coding = chosen.get(acceptEncoding);
  if (coding === undefined) {
    coding = negotiate(acceptEncoding);
    // Browsers send a handful of distinct values; a client making up new ones cannot grow this.
    if (chosen.size < 100) chosen.set(acceptEncoding, coding);
  }
  return coding === null ? undefined : coding;
}

const chosen = new Map<string, ContentCoding | null>();

function negotiate(header: string): ContentCoding | null {
  let br: number | undefined;
  let gzip: number | undefined;
  let any: number | undefined;
  for (const item of header.split(',')) {
    const [rawName = '', ...params] = item.split(';');
    const name = rawName.trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const [key, value] = param.split('=');
      if (key?.trim().toLowerCase() === 'q') q = qValue(value);
    }
    if (name === 'br') br = q;
    else if (name === 'gzip' || name === 'x-gzip') gzip = q;
    else if (name === '*') any = q;
  }
  const brQ = br ?? any ?? 0;
  const gzipQ = gzip ?? any ?? 0;
  if (brQ > 0 && brQ >= gzipQ) return 'br';
  return gzipQ > 0 ? 'gzip' : null;
}

/** A q-value as RFC 9110 writes it (0 to 1, three decimals at most); anything else refuses the coding. */
function qValue(text: string | undefined): number {
  const value = text?.trim() ?? '';
  return /^(?:0(?:\.\d{0,3})?|1(?:\.0{0,3})?)$/.test(value) ? Number(value) : 0;
}

/**
 * How hard to compress. `answer`: made for one request, so cheap (brotli 5, gzip 6: about 0.1 ms
 * for 3 kB of JSON, a few times the rest of its cost, against seconds saved on a 400 kbit/s link).
 * `fixed`: made once for the life of the process, so as small as it gets.
 */
export type Effort = 'answer' | 'fixed';

export function encodeBody(body: Uint8Array, coding: ContentCoding, effort: Effort): Buffer {
  if (coding === 'gzip') return gzipSync(body, { level: effort === 'fixed' ? 9 : 6 });
  return brotliCompressSync(body, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: effort === 'fixed' ? constants.BROTLI_MAX_QUALITY : 5,
      [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
      // Smaller tables for a small input: the encoder's set-up is most of the cost of a small answer.
      [constants.BROTLI_PARAM_SIZE_HINT]: body.byteLength,
    },
  });
}

/**
 * Below this a compressed answer saves less than its Content-Encoding and Vary cost, and small
 * answers barely shrink. (Measured: an error body of 73 B goes to 72 B in brotli, 91 B in gzip.)
 */
export const MIN_COMPRESSED_BYTES = 1024;
