import { createRoute, z } from '@hono/zod-openapi';
import { streamSSE } from 'hono/streaming';
import { Notification, NotificationList, NotificationListQuery, StreamTicket } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import { createRouter } from '../http/router.ts';
import { requireAuth } from '../http/authenticate.ts';
import { bearerSecurity, errorResponses as e } from '../http/openapi-responses.ts';
import { json } from '../http/json.ts';
import { TOPICS } from '../services/store-changes.ts';
import type { LiveEvent } from '../ports/live-events.ts';

const HEARTBEAT_MS = 25_000; // below common proxy idle timeouts (30-60 s)

const list = createRoute({
  method: 'get',
  path: '/',
  tags: ['Notifications'],
  summary: 'My notifications, newest first, a page at a time, and the unread count',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { query: NotificationListQuery },
  responses: { 200: { description: 'Notifications, newest first', ...json(NotificationList) }, 401: e[401], 422: e[422] },
});

const markRead = createRoute({
  method: 'post',
  path: '/{id}/read',
  tags: ['Notifications'],
  summary: 'Mark one as read',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 200: { description: 'Marked', ...json(Notification) }, 401: e[401], 404: e[404] },
});

const ticket = createRoute({
  method: 'post',
  path: '/stream-ticket',
  tags: ['Notifications'],
  summary: 'A one-use, one-minute ticket for the live stream (EventSource cannot send the bearer token)',
  security: bearerSecurity,
  middleware: [requireAuth] as const,
  responses: { 201: { description: 'The ticket', ...json(StreamTicket) }, 401: e[401] },
});

const stream = createRoute({
  method: 'get',
  path: '/stream',
  tags: ['Notifications'],
  summary:
    'Server-sent events, `ready` first: `notification` (a Notification; the same id again when it changes: a `message_received` entry counting one more message, or read) and `message` (a ChatMessage of your consultations) as they happen. An open stream counts as being online (no chat SMS then)',
  request: { query: z.object({ ticket: z.string().min(1).max(100) }) },
  responses: { 200: { description: 'An event stream', content: { 'text/event-stream': { schema: z.string() } } }, 401: e[401] },
});

export const notificationRoutes = createRouter()
  .openapi(list, async (c) => c.json(await c.var.services.notifications.list(c.var.principal.user.id, c.req.valid('query')), 200))
  .openapi(markRead, async (c) =>
    c.json(await c.var.services.notifications.markRead(c.var.principal.user.id, c.req.valid('param').id), 200),
  )
  .openapi(ticket, async (c) => c.json(await c.var.services.notifications.issueStreamTicket(c.var.principal.user.id, c.var.principal.tokenId), 201))
  .openapi(stream, async (c) => {
    const { notifications, accounts, presence, changes } = c.var.services;
    const { userId, tokenId } = await notifications.redeemStreamTicket(c.req.valid('query').ticket);
    const pending: LiveEvent[] = [];
    let interrupted = false;
    let wake: (() => void) | undefined;
    // Subscribed before the response starts: `ready` promises that what happens next arrives, and
    // a database that cannot carry events yet is a 503 the browser retries, not a silent stream.
    const unsubscribe = await notifications.subscribe(userId, {
      event: (event) => {
        pending.push(event);
        wake?.();
      },
      interrupted: () => {
        interrupted = true;
        wake?.();
      },
    });
    c.header('Cache-Control', 'no-store');
    c.header('X-Accel-Buffering', 'no'); // nginx must not buffer the stream
    // Signed out, a new password, the account disabled: the stream checks its session at once,
    // whichever instance the session ended on (the store's change notices).
    let checkSession = false;
    const unwatch = changes.watch([TOPICS.session(tokenId), TOPICS.sessions(userId)], () => {
      checkSession = true;
      wake?.();
    });
    return streamSSE(c, async (sse) => {
      sse.onAbort(() => {
        unsubscribe();
        unwatch();
        wake?.();
      });
      try {
        await sse.writeSSE({ event: 'ready', data: '{}' });
        // Interrupted: events may have been missed; ending the stream makes the browser resume and reload.
        while (!sse.aborted && !sse.closed && !interrupted) {
          // Signed out, password changed or expired: nothing more reaches this stream.
          checkSession = false;
          if (!(await accounts.isSessionActive(tokenId))) break;
          // Someone with the cabinet open is online: no SMS about a chat message they can see come.
          await presence.seen(userId);
          const next = pending.shift();
          if (next) {
            await sse.writeSSE({ event: next.type, id: next.data.id, data: JSON.stringify(next.data) });
            continue;
          }
          if (checkSession) continue; // a session change heard while this loop was busy
          await new Promise<void>((resolve) => {
            wake = resolve;
            setTimeout(resolve, HEARTBEAT_MS);
          });
          wake = undefined;
          if (pending.length === 0 && !sse.aborted && !interrupted) await sse.write(': keep-alive\n\n');
        }
      } finally {
        // Whatever ended it (the client left, the session ended, the database went away): no subscriber stays behind.
        unsubscribe();
        unwatch();
      }
    }) as never;
  });
