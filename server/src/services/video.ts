import { ROOM_CLOSES_MINUTES_AFTER, ROOM_OPENS_MINUTES_BEFORE, type IceServer, type VideoJoin } from '@oz/contracts';
import type { ConsultationRecord, Store, UserRecord } from '../ports/store.ts';
import type { VideoProvider } from '../ports/video-provider.ts';
import { DomainError, forbidden, notFound } from './domain-error.ts';
import { moscowTime } from './moscow-time.ts';
import type { NotificationService } from './notifications.ts';

const MINUTE = 60_000;

/** When a consultation's room is open: from 15 minutes before the start to 60 minutes after the planned end. */
export function roomWindow(consultation: Pick<ConsultationRecord, 'startsAt' | 'durationMinutes'>) {
  const start = Date.parse(consultation.startsAt);
  return {
    opensAt: new Date(start - ROOM_OPENS_MINUTES_BEFORE * MINUTE).toISOString(),
    closesAt: new Date(start + (consultation.durationMinutes + ROOM_CLOSES_MINUTES_AFTER) * MINUTE).toISOString(),
  };
}

/** The video call of a consultation: only its two participants, only while its room is open. */
export class VideoService {
  constructor(
    private readonly store: Store,
    private readonly provider: VideoProvider,
    private readonly iceServers: IceServer[],
    private readonly now: () => Date = () => new Date(),
    /** Tells the patient live that the doctor ended the call; none in tests that need no notice. */
    private readonly notifications?: NotificationService,
  ) {}

  async join(user: UserRecord, tokenId: string, consultationId: string, origin: string): Promise<VideoJoin> {
    const consultation = await this.participantOnly(user, consultationId);
    const isDoctor = user.id === consultation.doctorId;
    this.assertRoomOpen(consultation);
    if (!isDoctor) this.assertCallNotEnded(consultation);
    const join = await this.provider.join(
      { consultationId, userId: user.id, tokenId, role: user.id === consultation.doctorId ? 'doctor' : 'patient', displayName: user.fullName },
      { origin, iceServers: this.iceServers },
    );
    // Checked again in the transaction: the video server answers over the network, and a cancel or
    // a conclusion written meanwhile must not be turned back into a running consultation.
    await this.store.transaction(async (tx) => {
      const current = await tx.consultations.findById(consultationId);
      if (!current) throw notFound('The consultation');
      this.assertRoomOpen(current);
      if (!isDoctor) this.assertCallNotEnded(current);
      // The doctor's join reopens a call he ended (a dropped call): the patient may join again.
      const reopen = isDoctor && (current.callEndedAt ?? null) !== null;
      if (current.status === 'scheduled' || reopen) {
        await tx.consultations.update(consultationId, {
          ...(current.status === 'scheduled' ? { status: 'in_progress' as const } : {}),
          ...(reopen ? { callEndedAt: null } : {}),
          updatedAt: this.now().toISOString(),
        });
      }
    });
    return join;
  }

  /** The doctor ends the call for both; the conclusion may follow later. */
  async end(doctor: UserRecord, consultationId: string): Promise<void> {
    const consultation = await this.participantOnly(doctor, consultationId);
    if (consultation.doctorId !== doctor.id) throw forbidden('Only the doctor ends the consultation');
    await this.provider.end(consultationId);
    const at = this.now().toISOString();
    const ended = await this.store.transaction(async (tx) => {
      const current = await tx.consultations.findById(consultationId);
      // A cancelled or concluded consultation has no call to mark; an ended one keeps its first time.
      if (!current || current.status === 'cancelled' || current.status === 'completed' || current.callEndedAt) return false;
      await tx.consultations.update(consultationId, { callEndedAt: at, updatedAt: at });
      return true;
    });
    if (!ended || !this.notifications) return;
    // The patient's cards and video room reload on any live notification: they show the call ended.
    const patient = await this.store.users.findById(consultation.patientId);
    if (patient) {
      await this.notifications.notify(patient, {
        kind: 'call_ended',
        text: `Облако здоровья: врач завершил онлайн-консультацию ${moscowTime(consultation.startsAt)} и пишет заключение.`,
        data: { consultationId, startsAt: consultation.startsAt },
      });
    }
  }

  /** After the doctor's end the patient waits for the conclusion, not for a doctor who has left. */
  private assertCallNotEnded(consultation: ConsultationRecord): void {
    if (consultation.callEndedAt) {
      throw new DomainError('call_ended', 'The doctor has ended the call; the conclusion follows');
    }
  }

  private assertRoomOpen(consultation: ConsultationRecord): void {
    if (consultation.status === 'cancelled' || consultation.status === 'completed') {
      throw new DomainError('room_closed', `The consultation is ${consultation.status}; its video room is closed`, roomWindow(consultation));
    }
    const { opensAt, closesAt } = roomWindow(consultation);
    const now = this.now().toISOString();
    if (now < opensAt) {
      throw new DomainError('room_closed', `The video room opens at ${moscowTime(opensAt)}, 15 minutes before the start`, { opensAt, closesAt });
    }
    if (now > closesAt) {
      throw new DomainError('room_closed', `The video room closed at ${moscowTime(closesAt)}`, { opensAt, closesAt });
    }
  }

  private async participantOnly(user: UserRecord, id: string): Promise<ConsultationRecord> {
    const consultation = await this.store.consultations.findById(id);
    if (!consultation || (consultation.patientId !== user.id && consultation.doctorId !== user.id)) throw notFound('The consultation');
    return consultation;
  }
}
