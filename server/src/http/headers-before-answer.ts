import { ServerResponse, type OutgoingHttpHeader, type OutgoingHttpHeaders } from 'node:http';

/**
 * Headers set before the handler answers (the request id, the security headers, CORS), kept on
 * Node's response and handed to its `writeHead` together with the handler's own, in one list.
 * Node takes such a list in one pass; the same headers set one by one with `setHeader` are
 * checked, lower-cased and stored each on their own first, which cost a small answer about a
 * seventh of its CPU time (`npm run bench:api`).
 */
const PENDING = Symbol('oz.headersBeforeAnswer');

type Pending = { names: string[]; lowerNames: string[]; values: string[]; writeHead?: HeadWriter };
type WithPending = ServerResponse & { [PENDING]?: Pending };
/** [name, value, name, value, …], as Node's `writeHead` takes them. */
export type HeaderList = (string | OutgoingHttpHeader)[];

/** What writes the head once the pending headers are in: Node's `writeHead`, or one that holds it back (http/compress-answer.ts). */
export type HeadWriter = (response: ServerResponse, status: number, message: string | undefined, headers: HeaderList) => ServerResponse;

/** Headers known at start (the security headers): their lower-case names made once. */
export interface HeaderBlock {
  readonly names: readonly string[];
  readonly lowerNames: readonly string[];
  readonly values: readonly string[];
}

export function headerBlock(headers: readonly (readonly [string, string])[]): HeaderBlock {
  return { names: headers.map(([name]) => name), lowerNames: headers.map(([name]) => name.toLowerCase()), values: headers.map(([, value]) => value) };
}

/** Lower-case names of the few header names the server sets, made once each. */
const lowerCased = new Map<string, string>();
export function lower(name: string): string {
  let result = lowerCased.get(name);
  if (result === undefined) {
    result = name.toLowerCase();
    if (lowerCased.size < 200) lowerCased.set(name, result);
  }
  return result;
}

function pendingOf(outgoing: ServerResponse): Pending {
  const response = outgoing as WithPending;
  let pending = response[PENDING];
  if (pending === undefined) {
    pending = response[PENDING] = { names: [], lowerNames: [], values: [] };
    // One function for every response (made once): it finds the headers on the response itself.
    response.writeHead = writeHeadWithPending as ServerResponse['writeHead'];
  }
  return pending;
}

/** Sets `name` for the answer; a later call for the same name, or the handler's own header, replaces it. */
export function setHeaderBeforeAnswer(outgoing: ServerResponse, name: string, value: string): void {
  const pending = pendingOf(outgoing);
  const lowerName = lower(name);
  const index = pending.lowerNames.indexOf(lowerName);
  if (index >= 0) {
    pending.values[index] = value;
  } else {
    pending.names.push(name);
    pending.lowerNames.push(lowerName);
    pending.values.push(value);
  }
}

/** Leaves `name` out of the headers set before the answer; a header of that name the handler sets itself stays. */
export function dropHeaderBeforeAnswer(outgoing: ServerResponse, name: string): void {
  const pending = (outgoing as WithPending)[PENDING];
  const index = pending ? pending.lowerNames.indexOf(lower(name)) : -1;
  if (index < 0) return;
  pending!.names.splice(index, 1);
  pending!.lowerNames.splice(index, 1);
  pending!.values.splice(index, 1);
}

/** A block of headers for a response that has none pending yet (the first ones set). */
export function setHeaderBlockBeforeAnswer(outgoing: ServerResponse, block: HeaderBlock): void {
  const pending = pendingOf(outgoing);
  if (pending.names.length > 0) {
    for (let index = 0; index < block.names.length; index += 1) setHeaderBeforeAnswer(outgoing, block.names[index]!, block.values[index]!);
    return;
  }
  pending.names.push(...block.names);
  pending.lowerNames.push(...block.lowerNames);
  pending.values.push(...block.values);
}

/** Hands the head, pending headers and all, to `writer` instead of Node's `writeHead` (http/compress-answer.ts). */
export function writeHeadThrough(outgoing: ServerResponse, writer: HeadWriter): void {
  pendingOf(outgoing).writeHead = writer;
}

const nodeWriteHead = ServerResponse.prototype.writeHead as (this: ServerResponse, status: number, ...rest: unknown[]) => ServerResponse;

/** Node's own `writeHead`, past any pending headers. */
export const writeHeadNow: HeadWriter = (response, status, message, headers) =>
  message === undefined ? nodeWriteHead.call(response, status, headers) : nodeWriteHead.call(response, status, message, headers);

/** Node's `writeHead` with the pending headers first, leaving out those the answer sets itself (either way). */
function writeHeadWithPending(this: WithPending, status: number, ...rest: unknown[]): ServerResponse {
  const pending = this[PENDING]!;
  const message = typeof rest[0] === 'string' ? rest[0] : undefined;
  const own = flatten((message === undefined ? rest[0] : rest[1]) as OutgoingHttpHeaders | HeaderList | undefined);
  // What the answer sets wins, in the call or set on the response the progressive way (lower-case names).
  const ownNames = this.getHeaderNames();
  for (let index = 0; index < own.length; index += 2) ownNames.push(lower(String(own[index])));
  const list: HeaderList = [];
  // Except Vary, a list of what the answer depends on: the answer's own adds to the pending one (CORS's Origin).
  let pendingVary: string | undefined;
  for (let index = 0; index < pending.names.length; index += 1) {
    const lowerName = pending.lowerNames[index]!;
    if (!ownNames.includes(lowerName)) list.push(pending.names[index]!, pending.values[index]!);
    else if (lowerName === 'vary') pendingVary = pending.values[index];
  }
  for (let index = 0; index < own.length; index += 2) {
    const name = own[index]!;
    const value = own[index + 1]!;
    list.push(name, pendingVary !== undefined && lower(String(name)) === 'vary' ? mergeVary(pendingVary, value) : value);
  }
  return (pending.writeHead ?? writeHeadNow)(this, status, message, list);
}

/** Both lists of Vary, each name once; `*` (varies on anything) says it all. */
function mergeVary(pendingVary: string, own: OutgoingHttpHeader): string {
  const names = [pendingVary, ...(Array.isArray(own) ? own : [String(own)])].flatMap((value) => value.split(',')).map((name) => name.trim()).filter(Boolean);
  if (names.includes('*')) return '*';
  const seen = new Set<string>();
  return names.filter((name) => !seen.has(name.toLowerCase()) && seen.add(name.toLowerCase())).join(', ');
}

/** The answer's headers as [name, value, name, value, …], whichever of Node's shapes they came in. */
function flatten(headers: OutgoingHttpHeaders | HeaderList | undefined): HeaderList {
  if (headers === undefined || headers === null) return [];
  if (Array.isArray(headers)) return Array.isArray(headers[0]) ? (headers as unknown as OutgoingHttpHeader[][]).flat() : headers;
  const list: HeaderList = [];
  for (const name in headers) {
    const value = headers[name];
    if (value !== undefined) list.push(name, value);
  }
  return list;
}
