import type { Notification, NotificationList } from '@oz/contracts';
import type { ConsultationRecord, NotificationRecord, PageRequest, Store, UserRecord } from '../ports/store.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import type { LiveEvents, LiveSubscriber } from '../ports/live-events.ts';
import type { Tickets } from '../ports/coordination.ts';
import { notFound, unauthenticated } from './domain-error.ts';
import { moscowTime } from './moscow-time.ts';
import { publishQuietly } from './live-delivery.ts';
import { newId } from './tokens.ts';

const TICKET_KIND = 'stream';
const TICKET_TTL_MS = 60_000;

interface StreamTicketPayload {
  userId: string;
  tokenId: string;
}

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
  constructor(
    private readonly store: Store,
    private readonly live: LiveEvents,
    private readonly tickets: Tickets,
    private readonly sms: SmsSender,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async notify(user: UserRecord, notification: NewNotification): Promise<void> {
    // An erased account has no one to tell, and its phone is a tombstone (services/account-erasure.ts).
    if (user.erasedAt) return;
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
    await publishQuietly(this.live, user.id, { type: 'notification', data: toPublicNotification(record) });
    if (notification.sms) this.sendSms(user.phone, notification.sms);
  }

  /**
   * The other side wrote in the consultation's chat: ONE unread entry per consultation, which the
   * next messages update (their count, and it comes to the top) rather than adding more. Both
   * instances of a race land on one entry: the transaction runs as if alone. No SMS here: that
   * waits until the reader has been away 10 minutes (ChatSmsService).
   */
  async notifyChatMessage(user: UserRecord, consultation: ConsultationRecord): Promise<void> {
    if (user.erasedAt) return;
    const at = this.now().toISOString();
    const fromWhom = user.id === consultation.patientId ? 'врача' : 'пациента';
    const record = await this.store.transaction(async (tx) => {
      const open = await tx.notifications.findUnreadAbout(user.id, 'message_received', consultation.id);
      const messages = (open?.data.messages ?? 0) + 1;
      const text = `Облако здоровья: ${messages === 1 ? 'новое сообщение' : `новые сообщения (${messages})`} от ${fromWhom} по консультации ${moscowTime(consultation.startsAt)}.`;
      const data = { consultationId: consultation.id, startsAt: consultation.startsAt, messages };
      if (open) return tx.notifications.update(open.id, { text, data, createdAt: at });
      const fresh: NotificationRecord = { id: newId(), userId: user.id, kind: 'message_received', text, data, createdAt: at, readAt: null };
      await tx.notifications.insert(fresh);
      return fresh;
    });
    await publishQuietly(this.live, user.id, { type: 'notification', data: toPublicNotification(record) });
  }

  /** Entries changed elsewhere (read with their chat): every open page of the user shows them so. */
  async publishChanged(userId: string, records: readonly NotificationRecord[]): Promise<void> {
    for (const record of records) await publishQuietly(this.live, userId, { type: 'notification', data: toPublicNotification(record) });
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
  async issueStreamTicket(userId: string, tokenId: string): Promise<{ ticket: string; expiresAt: string }> {
    const now = this.now().getTime();
    const ticket = await this.tickets.issue(TICKET_KIND, { userId, tokenId } satisfies StreamTicketPayload, TICKET_TTL_MS, now);
    return { ticket, expiresAt: new Date(now + TICKET_TTL_MS).toISOString() };
  }

  /** The user, and the session the stream lives by: it ends when that session ends. Once, on any instance. */
  async redeemStreamTicket(ticket: string): Promise<StreamTicketPayload> {
    const entry = await this.tickets.redeem<StreamTicketPayload>(TICKET_KIND, ticket, this.now().getTime());
    if (!entry) throw unauthenticated('The stream ticket is unknown or expired');
    return { userId: entry.userId, tokenId: entry.tokenId };
  }

  /** Live events of one user (notifications and chat messages), published on any instance. */
  subscribe(userId: string, subscriber: LiveSubscriber): Promise<() => void> {
    return this.live.subscribe(userId, subscriber);
  }
}

export function toPublicNotification(record: NotificationRecord): Notification {
  const { userId: _owner, ...rest } = record;
  return rest;
}
