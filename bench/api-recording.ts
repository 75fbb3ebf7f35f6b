// What the bare server of `npm run bench:api` replays: the real server's answers, recorded once.

/** One request of the benchmark and the real server's answer to it. */
export interface BenchRequest {
  name: string;
  method: 'GET' | 'POST';
  /** Path and query, e.g. `/api/v1/centers`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** The status every answer must have; anything else fails the benchmark. */
  status: number;
}

export interface RecordedAnswer {
  method: string;
  path: string;
  status: number;
  headers: Record<string, string>;
  /** base64 */
  body: string;
}

/** Hop-by-hop and per-answer headers node:http sets by itself. */
const OWN_HEADERS = new Set(['connection', 'keep-alive', 'date', 'transfer-encoding']);

/** Asks the real server once and keeps its answer as it came: the same status, headers and bytes. */
export async function recordAnswer(origin: string, request: BenchRequest): Promise<RecordedAnswer> {
  // As the load asks (autocannon sends no Accept-Encoding): fetch would ask for gzip by itself and
  // hand back the body decompressed under the compressed length.
  const headers = { ...request.headers, 'Accept-Encoding': 'identity' };
  const response = await fetch(origin + request.path, { method: request.method, headers, body: request.body });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== request.status) throw new Error(`${request.name}: HTTP ${response.status} ${body.toString()}`);
  const answered: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!OWN_HEADERS.has(name)) answered[name] = value;
  });
  return { method: request.method, path: request.path, status: response.status, headers: answered, body: body.toString('base64') };
}
