import type { Hono } from 'hono';
import type { UpgradeWebSocket } from 'hono/ws';
import { SignalClose } from '@oz/contracts';
import type { AppEnv } from '../http/env.ts';
import type { RoomConnection, SignalSocket } from '../ports/signaling.ts';
import { TOPICS } from '../services/store-changes.ts';

/**
 * The embedded provider's signaling room. Authenticated by the one-use ticket from
 * POST /consultations/:id/video, never by the long-lived bearer token (it would sit in a URL).
 * The other participant's socket may be on another instance: the rooms carry messages there.
 */
export function mountSignaling(app: Hono<AppEnv>, upgradeWebSocket: UpgradeWebSocket): void {
  app.get(
    '/api/v1/video/rooms/:id',
    upgradeWebSocket(async (c) => {
      const rooms = c.var.services.signaling;
      // Hono asks for these events before it looks for an upgrade: a plain GET (a link preview, a
      // proxy's probe) must not use the one-use ticket up.
      const upgrading = c.req.header('upgrade')?.toLowerCase() === 'websocket';
      const redeemed = upgrading ? await rooms.redeemTicket(c.req.query('ticket') ?? '', c.req.param('id') ?? '') : undefined;
      // A ticket taken before its session ended (signed out, a new password) opens nothing.
      const ticket = redeemed && (await c.var.services.accounts.isSessionActive(redeemed.tokenId)) ? redeemed : undefined;
      let room: RoomConnection | undefined;
      let unwatch: (() => void) | undefined;
      return {
        onOpen: (_event, ws) => {
          if (!ticket) {
            ws.close(SignalClose.unauthorized, 'unknown or used ticket');
            return;
          }
          const socket: SignalSocket = { send: (text) => ws.send(text), close: (code, reason) => ws.close(code, reason) };
          room = rooms.join(ticket, socket);
          // Signed out, a new password, the account disabled: the socket closes at once, whichever
          // instance the session ended on (the store's change notices). Its close frees the seat.
          const { accounts, changes } = c.var.services;
          unwatch = changes.watch([TOPICS.session(ticket.tokenId), TOPICS.sessions(ticket.userId)], () => {
            void accounts.isSessionActive(ticket.tokenId).then(
              (active: boolean) => active || ws.close(SignalClose.unauthorized, 'the session has ended'),
              () => ws.close(SignalClose.unauthorized, 'the session could not be checked'),
            );
          });
        },
        onMessage: (event) => {
          if (typeof event.data === 'string') room?.onMessage(event.data);
        },
        onClose: () => {
          unwatch?.();
          room?.onClose();
        },
      };
    }),
  );
}
