import type { Conclusion, Consultation, WriteConclusionRequest } from '@oz/contracts';
import { DuplicateKeyError, type ConsultationPageRequest, type ConsultationRecord, type Page, type Store, type UserRecord } from '../ports/store.ts';
import { conflict, forbidden, notFound } from './domain-error.ts';
import type { NotificationService } from './notifications.ts';
import { moscowTime } from './moscow-time.ts';

type ConclusionInput = Required<WriteConclusionRequest>;

/** Ends a consultation's video call for everyone in it, wherever their sockets are (VideoProvider.end). */
export type EndCall = (consultationId: string) => Promise<void>;

/** A consultation as its patient and its doctor see it: list, cancel, conclude. */
export class ConsultationService {
  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly now: () => Date = () => new Date(),
    private readonly endCall: EndCall = async () => undefined,
  ) {}

  async list(viewer: UserRecord, query: ConsultationPageRequest): Promise<Page<Consultation>> {
    // Any ISO time with an offset, as the store compares them: UTC with milliseconds.
    const utc = (time: string | undefined) => (time === undefined ? undefined : new Date(time).toISOString());
    const page = { ...query, from: utc(query.from), to: utc(query.to) };
    const records =
      viewer.role === 'patient'
        ? await this.store.consultations.pageByPatient(viewer.id, page)
        : viewer.role === 'doctor'
          ? await this.store.consultations.pageByDoctor(viewer.id, page)
          : forbiddenList();
    return { items: await this.views(records.items, viewer.id), nextCursor: records.nextCursor };
  }

  async get(viewer: UserRecord, id: string): Promise<Consultation> {
    return this.view(await this.participantOnly(viewer, id), viewer.id);
  }

  async cancel(viewer: UserRecord, id: string, reason: string | undefined): Promise<Consultation> {
    const consultation = await this.participantOnly(viewer, id);
    const side = viewer.id === consultation.patientId ? 'patient' : 'doctor';
    const at = this.now().toISOString();
    const updated = await this.store.transaction(async (tx) => {
      const current = await tx.consultations.findById(id);
      if (current?.status !== 'scheduled') throw conflict('not_cancellable', 'Only a scheduled consultation can be cancelled');
      const cancelled = await tx.consultations.update(id, { status: 'cancelled', cancelledBy: side, cancelReason: reason ?? null, updatedAt: at });
      if (current.slotId) {
        // A cancelled duty consultation gives its time back to the free list.
        await tx.dutySlots.update(current.slotId, { consultationId: null });
      }
      if (current.applicationId) {
        // A doctor's cancellation puts the application back in the center's queue, unless the
        // patient has filed a newer one there meanwhile (one waits per center); a patient's withdraws it.
        const waitingAlready = side === 'doctor' && (await tx.applications.findWaiting(current.patientId, current.centerId));
        await tx.applications.update(current.applicationId, side === 'doctor' && !waitingAlready
          ? { status: 'submitted', consultationId: null, updatedAt: at }
          : { status: 'cancelled', updatedAt: at });
      }
      return cancelled;
    });
    await this.#endCallQuietly(id);
    const otherSide = await this.store.users.findById(side === 'patient' ? consultation.doctorId : consultation.patientId);
    if (otherSide) {
      const who = side === 'patient' ? 'Пациент отменил' : 'Врач отменил';
      await this.notifications.notify(otherSide, {
        kind: 'consultation_cancelled',
        text: `Облако здоровья: ${who} онлайн-консультацию ${moscowTime(consultation.startsAt)}.${reason ? ` Причина: ${reason}` : ''}`,
        data: { consultationId: id, startsAt: consultation.startsAt, ...(reason ? { reason } : {}) },
        ...(otherSide.role === 'patient'
          ? { sms: `Облако здоровья: ${who} онлайн-консультацию ${moscowTime(consultation.startsAt)}. Подробности в личном кабинете.` }
          : {}),
      });
    }
    return this.view(updated, viewer.id);
  }

  /** Any time the consultation is not cancelled: a doctor may conclude from the documents alone. */
  async conclude(doctor: UserRecord, id: string, input: ConclusionInput): Promise<Conclusion> {
    const consultation = await this.participantOnly(doctor, id);
    if (consultation.doctorId !== doctor.id) throw forbidden('Only the consultation\'s doctor writes the conclusion');
    const at = this.now().toISOString();
    await this.store.transaction(async (tx) => {
      const current = await tx.consultations.findById(id);
      if (current?.status === 'cancelled') throw conflict('consultation_cancelled', 'The consultation was cancelled');
      try {
        await tx.conclusions.insert({ consultationId: id, doctorId: doctor.id, ...input, createdAt: at });
      } catch (error) {
        if (error instanceof DuplicateKeyError) throw conflict('conclusion_written', 'The conclusion has already been written');
        throw error;
      }
      await tx.consultations.update(id, { status: 'completed', updatedAt: at });
    });
    await this.#endCallQuietly(id);
    const patient = await this.store.users.findById(consultation.patientId);
    if (patient) {
      const what = input.outcome === 'in_person' ? 'приглашение на очную консультацию' : 'заключение врача';
      await this.notifications.notify(patient, {
        kind: 'conclusion_ready',
        text: `Облако здоровья: готово ${what} по онлайн-консультации. Прочитайте его в личном кабинете, раздел «Консультации».`,
        data: { consultationId: id },
        sms: `Облако здоровья: готово ${what} по онлайн-консультации. Прочитайте его в личном кабинете, раздел «Консультации».`,
      });
    }
    return this.conclusion(doctor, id);
  }

  /**
   * A cancelled or concluded consultation has no call: whoever is still in its room is told and
   * disconnected. The change has committed; a video server that cannot be reached now leaves a
   * room nobody can join again (joining checks the status), so it is logged, not an error.
   */
  async #endCallQuietly(id: string): Promise<void> {
    try {
      await this.endCall(id);
    } catch (error) {
      console.error(JSON.stringify({ at: this.now().toISOString(), error: `ending the call of a closed consultation: ${error instanceof Error ? error.message : String(error)}` }));
    }
  }

  async conclusion(viewer: UserRecord, id: string): Promise<Conclusion> {
    await this.participantOnly(viewer, id);
    const conclusion = await this.store.conclusions.findByConsultation(id);
    if (!conclusion) throw notFound('The conclusion');
    const doctor = await this.store.users.findById(conclusion.doctorId);
    return { ...conclusion, doctorName: doctor?.fullName ?? '' };
  }

  /** Whose consultation it is, for the audit trail (after a call that checked who may see it). */
  async patientIdOf(id: string): Promise<string> {
    const consultation = await this.store.consultations.findById(id);
    if (!consultation) throw notFound('The consultation');
    return consultation.patientId;
  }

  /** Only the consultation's patient and doctor; anyone else is told it does not exist. */
  private async participantOnly(viewer: UserRecord, id: string): Promise<ConsultationRecord> {
    const consultation = await this.store.consultations.findById(id);
    if (!consultation || (consultation.patientId !== viewer.id && consultation.doctorId !== viewer.id)) {
      throw notFound('The consultation');
    }
    return consultation;
  }

  /** `viewerId`: whose unread messages to count (none for a consultation just made, which has no chat yet). */
  async view(record: ConsultationRecord, viewerId?: string): Promise<Consultation> {
    return (await this.views([record], viewerId))[0]!;
  }

  /** A page of consultations with their people's names, conclusion marks and the viewer's unread messages: three lookups, not three a record. */
  private async views(records: ConsultationRecord[], viewerId?: string): Promise<Consultation[]> {
    if (records.length === 0) return [];
    const ids = records.map((record) => record.id);
    const [people, conclusions, unread] = await Promise.all([
      this.store.users.findByIds(records.flatMap((record) => [record.patientId, record.doctorId])),
      this.store.conclusions.findByConsultations(ids),
      viewerId ? this.store.chatUnread.findByUser(viewerId, ids) : [],
    ]);
    const unreadOf = new Map(unread.map((entry) => [entry.consultationId, entry.count]));
    const nameOf = new Map(people.map((person) => [person.id, person.fullName]));
    const concluded = new Set(conclusions.map((conclusion) => conclusion.consultationId));
    return records.map((record) => {
      const { updatedAt: _internal, ...rest } = record;
      return {
        ...rest,
        // Records written before these fields existed.
        topic: record.topic ?? null,
        channel: record.channel ?? 'video',
        patientName: nameOf.get(record.patientId) ?? '',
        doctorName: nameOf.get(record.doctorId) ?? '',
        endsAt: new Date(Date.parse(record.startsAt) + record.durationMinutes * 60_000).toISOString(),
        hasConclusion: concluded.has(record.id),
        callEndedAt: record.callEndedAt ?? null,
        unreadMessages: unreadOf.get(record.id) ?? 0,
      };
    });
  }
}

function forbiddenList(): never {
  throw forbidden('Consultations are for patients and doctors');
}
