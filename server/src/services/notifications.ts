import { randomBytes } from 'node:crypto';
import type { Notification, NotificationList } from '@oz/contracts';
import type { NotificationRecord, PageRequest, Store, UserRecord } from '../ports/store.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import { notFound, unauthenticated } from '../http/api-error.ts';
import type { LiveEvent, LiveEventBus } from './event-bus.ts';
import { newId } from './tokens.ts';

const TICKET_TTL_MS = 60_000;

export interface NewNotification {
  kind: Notification['kind'];
  text: string;
  data: Notification['data'];
  /**
   * The SMS copy, for what the patient must not miss (a date set, a refusal, a conclusion). Fixed
   * words only: a doctor's free text (a reason, which may name a diagnosis) stays in the cabinet,
   * never with an SMS gateway.
   */
  sms?: string;
}

/** In-cabinet notifications, live delivery to open streams, and the SMS copy. */
export class NotificationService {
  private readonly tickets = new Map<string, { userId: string; tokenId: string; expiresAt: number }>();

  constructor(
    private readonly store: Store,
    private readonly bus: LiveEventBus,
    private readonly sms: SmsSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async notify(user: UserRecord, notification: NewNotification): Promise<void> {
    const record: NotificationRecord = {
      id: newId(),
      userId: user.id,
      kind: notification.kind,
      text: notification.text,
      data: notification.data,
      createdAt: this.now().toISOString(),
      readAt: null,
    };
    await this.store.notifications.insert(record);
    this.bus.publish(user.id, { type: 'notification', data: toPublicNotification(record) });
    if (notification.sms) this.sendSms(user.phone, notification.sms);
  }

  /**
   * In the background: what the SMS tells is already saved and in the cabinet, so a gateway that
   * is down or slow must neither fail nor hold up the request that caused it.
   */
  private sendSms(to: string, text: string): void {
    this.sms.send({ to, text }).catch((error: unknown) => {
      // No phone or text in the log: both are personal data.
      console.error(JSON.stringify({ at: new Date().toISOString(), error: `SMS not sent: ${error instanceof Error ? error.message : String(error)}` }));
    });
  }

  async list(userId: string, page: PageRequest): Promise<NotificationList> {
    const [found, unread] = await Promise.all([
      this.store.notifications.pageByUser(userId, page),
      this.store.notifications.countUnread(userId),
    ]);
    return { items: found.items.map(toPublicNotification), unread, nextCursor: found.nextCursor };
  }

  async markRead(userId: string, id: string): Promise<Notification> {
    const record = await this.store.notifications.markRead(id, userId, this.now().toISOString());
    if (!record) throw notFound('The notification');
    return toPublicNotification(record);
  }

  /** A one-use ticket valid for a minute: EventSource cannot send headers, and a URL must not carry the real token. */
  issueStreamTicket(userId: string, tokenId: string): { ticket: string; expiresAt: string } {
    const now = this.now().getTime();
    for (const [ticket, entry] of this.tickets) if (entry.expiresAt <= now) this.tickets.delete(ticket);
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { userId, tokenId, expiresAt: now + TICKET_TTL_MS });
    return { ticket, expiresAt: new Date(now + TICKET_TTL_MS).toISOString() };
  }

  /** The user, and the session the stream lives by: it ends when that session ends. */
  redeemStreamTicket(ticket: string): { userId: string; tokenId: string } {
    const entry = this.tickets.get(ticket);
    this.tickets.delete(ticket);
    if (!entry || entry.expiresAt <= this.now().getTime()) throw unauthenticated('The stream ticket is unknown or expired');
    return { userId: entry.userId, tokenId: entry.tokenId };
  }

  /** Live events of one user: notifications and chat messages. */
  subscribe(userId: string, listener: (event: LiveEvent) => void): () => void {
    return this.bus.subscribe(userId, listener);
  }
}

export function toPublicNotification(record: NotificationRecord): Notification {
  const { userId: _owner, ...rest } = record;
  return rest;
}
