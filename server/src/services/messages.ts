import type { ChatMessage, ChatMessageList } from '@oz/contracts';
import type { ConsultationRecord, MessageRecord, PageRequest, Store, UserRecord } from '../ports/store.ts';
import { conflict, notFound } from './domain-error.ts';
import type { LiveEvents } from '../ports/live-events.ts';
import { publishQuietly } from './live-delivery.ts';
import type { NotificationService } from './notifications.ts';
import type { ChatSmsService } from './chat-sms.ts';
import { newId } from './tokens.ts';

/**
 * The chat of a consultation: its patient and its doctor only, delivered live to both. What the
 * other side has not read is counted on the server (`unreadMessages` of the consultation), told
 * by one bell entry per consultation, and by SMS when they are away (ChatSmsService).
 */
export class MessageService {
  constructor(
    private readonly store: Store,
    private readonly live: LiveEvents,
    private readonly notifications: NotificationService,
    private readonly chatSms: ChatSmsService,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The latest page first, its messages oldest first as a chat reads; `nextCursor` goes back in time. */
  async list(viewer: UserRecord, consultationId: string, page: PageRequest): Promise<ChatMessageList> {
    const consultation = await this.participantOnly(viewer, consultationId);
    const [found, participants] = await Promise.all([
      this.store.messages.pageByConsultation(consultationId, page),
      this.store.users.findByIds([consultation.patientId, consultation.doctorId]),
    ]);
    const people = new Map(participants.map((user) => [user.id, user]));
    return { items: found.items.reverse().map((message) => view(message, people.get(message.authorId))), nextCursor: found.nextCursor };
  }

  async post(author: UserRecord, consultationId: string, text: string): Promise<ChatMessage> {
    const consultation = await this.participantOnly(author, consultationId);
    if (consultation.status === 'cancelled') throw conflict('consultation_cancelled', 'The consultation was cancelled; its chat is closed');
    const record: MessageRecord = { id: newId(), consultationId, authorId: author.id, text, createdAt: this.now().toISOString() };
    const recipientId = otherSide(consultation, author.id);
    await this.store.transaction(async (tx) => {
      await tx.messages.insert(record);
      if (recipientId) await tx.chatUnread.addUnread(consultationId, recipientId, record.createdAt);
    });
    const message = view(record, author);
    // The bell entry before the live message: a reader whose open chat marks it read on arrival
    // must find the entry there to mark.
    const recipient = recipientId ? await this.store.users.findById(recipientId) : undefined;
    if (recipient) await this.notifications.notifyChatMessage(recipient, consultation);
    await Promise.all([...new Set([consultation.patientId, consultation.doctorId])].map((userId) => publishQuietly(this.live, userId, { type: 'message', data: message })));
    if (recipient) await this.chatSms.afterMessage(consultationId, recipient.id);
    return message;
  }

  /**
   * The viewer has read the chat (their page shows it): nothing unread for them, and its bell
   * entry read.
   */
  async markRead(viewer: UserRecord, consultationId: string): Promise<void> {
    await this.participantOnly(viewer, consultationId);
    const at = this.now().toISOString();
    // Together: the count on the consultation and the bell entry never disagree.
    const marked = await this.store.transaction(async (tx) => {
      await tx.chatUnread.markChatRead(consultationId, viewer.id);
      return tx.notifications.markReadAbout(viewer.id, 'message_received', consultationId, at);
    });
    await this.notifications.publishChanged(viewer.id, marked);
  }

  private async participantOnly(viewer: UserRecord, id: string) {
    const consultation = await this.store.consultations.findById(id);
    if (!consultation || (consultation.patientId !== viewer.id && consultation.doctorId !== viewer.id)) throw notFound('The consultation');
    return consultation;
  }
}

/** Who reads what `authorId` wrote; none when one person is both (never in practice). */
function otherSide(consultation: ConsultationRecord, authorId: string): string | undefined {
  const other = authorId === consultation.patientId ? consultation.doctorId : consultation.patientId;
  return other === authorId ? undefined : other;
}

function view(message: MessageRecord, author: UserRecord | undefined): ChatMessage {
  return {
    ...message,
    authorRole: author?.role ?? 'patient',
    authorName: author?.fullName ?? '',
  };
}
