import type { ChatMessage, ChatMessageList } from '@oz/contracts';
import type { MessageRecord, PageRequest, Store, UserRecord } from '../ports/store.ts';
import { conflict, notFound } from './domain-error.ts';
import type { LiveEvents } from '../ports/live-events.ts';
import { publishQuietly } from './live-delivery.ts';
import { newId } from './tokens.ts';

/** The chat of a consultation: its patient and its doctor only, delivered live to both. */
export class MessageService {
  constructor(
    private readonly store: Store,
    private readonly live: LiveEvents,
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
    await this.store.messages.insert(record);
    const message = view(record, author);
    await Promise.all([...new Set([consultation.patientId, consultation.doctorId])].map((userId) => publishQuietly(this.live, userId, { type: 'message', data: message })));
    return message;
  }

  private async participantOnly(viewer: UserRecord, id: string) {
    const consultation = await this.store.consultations.findById(id);
    if (!consultation || (consultation.patientId !== viewer.id && consultation.doctorId !== viewer.id)) throw notFound('The consultation');
    return consultation;
  }
}

function view(message: MessageRecord, author: UserRecord | undefined): ChatMessage {
  return {
    ...message,
    authorRole: author?.role ?? 'patient',
    authorName: author?.fullName ?? '',
  };
}
