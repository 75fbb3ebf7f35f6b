import type { PgBroadcast } from '../coordination/postgres/broadcast.ts';
import type { Delivery, Mailbox, SignalPost } from './signaling-backend.ts';

export const SIGNAL_CHANNEL = 'oz_signal';

/**
 * Deliveries over NOTIFY/LISTEN, addressed by connection id: the instance holding the socket
 * hands it on, the others skip it unread (an SDP of up to 70 kB travels through a table row).
 */
export class PostgresSignalPost implements SignalPost {
  constructor(private readonly broadcast: PgBroadcast) {}

  ready(): Promise<void> {
    return this.broadcast.listening();
  }

  listen(mailbox: Mailbox): void {
    this.broadcast.on(SIGNAL_CHANNEL, {
      wants: (connectionId) => mailbox.has(connectionId),
      receive: (connectionId, delivery) => mailbox.deliver(connectionId, delivery as Delivery),
      // Sockets stay open: a call in progress needs no signaling (media flows between the browsers),
      // a negotiation that lost a message fails and the doctor's widget offers again, and lost
      // seats are found by the heartbeat.
      interrupted: () => undefined,
    });
  }

  deliver(connectionId: string, delivery: Delivery): Promise<void> {
    return this.broadcast.send(SIGNAL_CHANNEL, connectionId, delivery);
  }
}
