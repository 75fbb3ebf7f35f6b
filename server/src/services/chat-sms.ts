import type { ChatUnreadRecord, Store } from '../ports/store.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import { moscowTime } from './moscow-time.ts';
import type { PresenceService } from './presence.ts';

/** At most one SMS about one consultation's chat to one person in this time. */
export const CHAT_SMS_INTERVAL_MS = 60 * 60_000;
/** Unread chats older than this are not swept any more (the person was told, or will see the bell). */
const LOOK_BACK_MS = 24 * 3600_000;
/** How many chats one sweep looks at; the next sweep takes the rest. */
const SWEEP_BATCH = 200;
/** How often main.ts runs the sweep. */
export const CHAT_SMS_SWEEP_EVERY_MS = 60_000;

/**
 * The SMS that says «you have a new message» — never the message itself (a doctor's words may name
 * a diagnosis and must not pass through an SMS gateway). It goes when the recipient has not been
 * online for 10 minutes: checked when a message is posted, and by a sweep every minute for those who
 * were online then and left without reading. One an hour per chat and person, claimed in the store
 * so that of several instances only one sends it.
 */
export class ChatSmsService {
  constructor(
    private readonly store: Store,
    private readonly presence: PresenceService,
    private readonly sms: SmsSender,
    private readonly settings: { signInUrl: string },
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Right after a message to `recipientId`: an SMS now if they are away. Whether one was sent. */
  afterMessage(consultationId: string, recipientId: string): Promise<boolean> {
    return this.#tell({ consultationId, userId: recipientId });
  }

  /** The periodic pass over unread chats; returns how many SMS went out. */
  async sweep(): Promise<number> {
    const now = this.now().getTime();
    const due = await this.store.chatUnread.listSmsDue(iso(now - LOOK_BACK_MS), iso(now - CHAT_SMS_INTERVAL_MS), SWEEP_BATCH);
    let sent = 0;
    for (const chat of due) if (await this.#tell(chat)) sent += 1;
    return sent;
  }

  async #tell(chat: Pick<ChatUnreadRecord, 'consultationId' | 'userId'>): Promise<boolean> {
    if (await this.presence.isOnline(chat.userId)) return false;
    const [consultation, recipient] = await Promise.all([this.store.consultations.findById(chat.consultationId), this.store.users.findById(chat.userId)]);
    if (!consultation || !recipient || recipient.erasedAt) return false;
    const at = this.now().getTime();
    if (!(await this.store.chatUnread.claimSms(chat.consultationId, chat.userId, iso(at), iso(at - CHAT_SMS_INTERVAL_MS)))) return false;
    const fromDoctor = recipient.id === consultation.patientId;
    const text = fromDoctor
      ? `Облако здоровья: новое сообщение от врача по консультации ${moscowTime(consultation.startsAt)}. Откройте личный кабинет: ${this.settings.signInUrl}`
      : `Облако здоровья: новое сообщение от пациента по консультации ${moscowTime(consultation.startsAt)}. Откройте рабочее место врача.`;
    // In the background: the message is saved and in the cabinet whatever the gateway does.
    this.sms.send({ to: recipient.phone, text }).catch((error: unknown) => {
      console.error(JSON.stringify({ at: new Date().toISOString(), error: `chat SMS not sent: ${error instanceof Error ? error.message : String(error)}` }));
    });
    return true;
  }
}

const iso = (ms: number) => new Date(ms).toISOString();
