import type { Context } from 'hono';
import type { HttpBindings } from '@hono/node-server';
import { dropHeaderBeforeAnswer, setHeaderBeforeAnswer, setHeaderBlockBeforeAnswer, type HeaderBlock } from './headers-before-answer.ts';

/**
 * Headers without Headers objects. Behind @hono/node-server every request carries Node's own
 * request and response (`c.env`); reading and setting headers there spares building a `Headers`
 * for the request and another for the answer, which cost more than the rest of Hono's work on a
 * small answer. Without them (`app.request` in tests) the same calls go through Hono.
 */
const nodeOf = (c: Context): Partial<HttpBindings> | undefined => c.env as Partial<HttpBindings> | undefined;

/** Node's response to this request; none in `app.request`. */
export const nodeResponseOf = (c: Context): HttpBindings['outgoing'] | undefined => nodeOf(c)?.outgoing;

/** A request header by its lowercase name, repeated ones joined by ", " as `Headers.get` does. */
export function requestHeader(c: Context, name: Lowercase<string>): string | undefined {
  const incoming = nodeOf(c)?.incoming;
  if (!incoming) return c.req.header(name);
  const value = incoming.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/**
 * Sets a header of the answer before the handler runs. On Node it is kept with the response
 * itself (http/headers-before-answer.ts), so it is in every answer, whatever the handler returns;
 * a header of the same name that the handler sets replaces it.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  const outgoing = nodeOf(c)?.outgoing;
  if (outgoing) setHeaderBeforeAnswer(outgoing, name, value);
  else c.header(name, value);
}

/** Headers known at start, set together (http/headers-before-answer.ts `headerBlock`). */
export function setResponseHeaders(c: Context, block: HeaderBlock): void {
  const outgoing = nodeOf(c)?.outgoing;
  if (outgoing) setHeaderBlockBeforeAnswer(outgoing, block);
  else for (let index = 0; index < block.names.length; index += 1) c.header(block.names[index]!, block.values[index]!);
}

/** Leaves out headers set before the handler ran (`setResponseHeader`); call it after `next()`. */
export function dropResponseHeaders(c: Context, names: readonly string[]): void {
  const outgoing = nodeOf(c)?.outgoing;
  for (const name of names) {
    if (outgoing) dropHeaderBeforeAnswer(outgoing, name);
    else c.header(name, undefined);
  }
}
