import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Hono } from 'hono';
import { apiFrameOf, type ApiFrame } from './request-frame.ts';
import { authorize, authorizeKnownSession, authRuleOf, type AuthRule } from './authenticate.ts';
import { answerKey, cacheRuleOf, type CacheRule } from './cached-answer.ts';
import { fixedAnswerOf, type FixedAnswer } from './fixed-answer.ts';
import { setHeaderBeforeAnswer } from './headers-before-answer.ts';

type NodeListener = (incoming: IncomingMessage, outgoing: ServerResponse) => unknown;

/** A path whose kept (or fixed) answers Node can give by itself, and what Hono would run before giving one. */
interface Lane {
  frame: ApiFrame;
  auth: AuthRule | undefined;
  /** A kept answer's rule (http/cached-answer.ts); undefined on a path with a fixed answer. */
  cache: CacheRule | undefined;
  /** The fixed answer itself (http/fixed-answer.ts); undefined on a path with kept answers. */
  fixed: FixedAnswer | undefined;
  /** The part of the request log's line its answers share: method, route pattern, status (http/request-log.ts). */
  logMiddle: Buffer;
}

/**
 * Kept answers (http/cached-answer.ts: the duty slots, a person's consultations) and fixed ones
 * (http/fixed-answer.ts: the centers, the OpenAPI document) given straight from Node's request to Node's response, before Hono makes a Request, a context and a Response
 * and runs its chain for them: on a read answered from memory those were most of the cost
 * (`npm run bench:api`). Everything else goes to Hono (`hono`), untouched.
 *
 * The lane does what Hono would do, with the same code: the request frame's headers
 * (http/request-frame.ts), the route's token check (http/authenticate.ts), the same answer key, the
 * same log line. A path gets a lane only when the handlers Hono runs for it are the frame, at most
 * the token check, then the kept (or fixed) answer: a middleware added in between turns the lane off. What
 * the lane cannot answer by itself (no token or a bad one, an answer not kept) goes to Hono,
 * which answers as if the lane were not there, errors and all.
 */
export function withCachedReads(app: Hono<never> | Hono<any>, hono: NodeListener): NodeListener {
  let lanes: Map<string, Lane> | undefined;
  return (incoming, outgoing) => {
    if (incoming.method !== 'GET') return hono(incoming, outgoing);
    // Built at the first request, when every route is registered (as Hono builds its matcher).
    lanes ??= cachedReadLanes(app);
    const target = incoming.url ?? '';
    const queryAt = target.indexOf('?');
    const lane = lanes.get(queryAt < 0 ? target : target.slice(0, queryAt));
    if (!lane) return hono(incoming, outgoing);
    const started = lane.frame.log.start();
    const give = (personId: string | undefined) => {
      try {
        return answer(lane, personId, incoming, outgoing, target, started) || hono(incoming, outgoing);
      } catch (error) {
        // Not expected; Hono answers what nothing was written to yet (its error handler logs), and
        // a half-sent answer ends with its connection rather than the process.
        if (!outgoing.headersSent) return hono(incoming, outgoing);
        outgoing.destroy(error instanceof Error ? error : undefined);
      }
    };
    if (!lane.auth) return give(undefined);
    const { authorization } = incoming.headers;
    // A session checked lately needs no wait: the answer then goes out in this very turn.
    const known = authorizeKnownSession(lane.frame.services, authorization, lane.auth);
    if (known) return give(known.user.id);
    return authorize(lane.frame.services, authorization, lane.auth).then(
      (principal) => give(principal.user.id),
      () => hono(incoming, outgoing), // Hono checks again and answers with the error
    );
  };
}

/** The paths that get a lane, by the handlers Hono would run for a GET of each (exported for its test). */
export function cachedReadLanes(app: Hono<never> | Hono<any>): Map<string, Lane> {
  const lanes = new Map<string, Lane>();
  const paths = new Set(app.routes.filter((route) => route.method === 'GET' && !/[:*]/.test(route.path)).map((route) => route.path));
  for (const path of paths) {
    // [[handler, route], params][]: the same list Hono's dispatch composes, in its order.
    const matched = (app.router.match('GET', path)[0] as unknown as [[unknown, { path: string }], unknown][]).map(([found]) => found);
    const frame = apiFrameOf(matched[0]?.[0]);
    if (!frame) continue;
    const auth = authRuleOf(matched[1]?.[0]);
    const kept = matched[auth ? 2 : 1];
    const cache = cacheRuleOf(kept?.[0]);
    // A fixed answer is the route's handler itself. It never calls on, so what Hono lists after it
    // (the sample pages' handlers for every path, in main.ts's app) never runs for this path.
    const fixed = fixedAnswerOf(kept?.[0]);
    if (!kept || !(cache || fixed) || (cache?.personal && !auth)) continue;
    lanes.set(path, { frame, auth, cache, fixed, logMiddle: frame.log.middle('GET', kept[1].path, 200) });
  }
  return lanes;
}

/**
 * Gives the lane's answer (to `personId` on a personal route, whose token was checked) and says
 * true; false, having written nothing, when Hono is to answer (the answer is not kept).
 */
function answer(lane: Lane, personId: string | undefined, incoming: IncomingMessage, outgoing: ServerResponse, target: string, started: number): boolean {
  const { frame, fixed } = lane;
  // What fixedJson's handler chooses; else the kept answer, or none.
  const chosen = fixed ? fixed.bodyFor(incoming.method, incoming.headers['accept-encoding']) : undefined;
  const body = chosen?.body ?? frame.services.answers.get(answerKey(lane.cache!, personId, target));
  if (!body) return false;
  const requestId = frame.headOnNode(incoming, outgoing);
  // A fixed answer's own headers after the frame's, as its handler sets them (http/fixed-answer.ts).
  for (const [name, value] of fixed?.headers ?? []) setHeaderBeforeAnswer(outgoing, name, value);
  if (chosen?.coding !== undefined) setHeaderBeforeAnswer(outgoing, 'Content-Encoding', chosen.coding);
  // What @hono/node-server writes for the c.body of either (http/cached-answer.ts, http/fixed-answer.ts).
  outgoing.writeHead(200, ['Content-Type', 'application/json', 'Content-Length', String(body.byteLength)]);
  outgoing.end(body);
  frame.log.lineWith(requestId, lane.logMiddle, started);
  return true;
}
