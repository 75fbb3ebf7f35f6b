import { MAX_SLOTS_PER_PUBLISH, type DutySlot } from '@oz/contracts';
import { DuplicateKeyError, type ConsultationRecord, type DutySlotRecord, type Page, type PageRequest, type Store, type UserRecord } from '../ports/store.ts';
import { DomainError, conflict, forbidden, notFound, validationFailed } from './domain-error.ts';
import type { NotificationService } from './notifications.ts';
import { assertProgramOpen, type ProgramPeriod } from './program-period.ts';
import { moscowTime } from './moscow-time.ts';
import { newId } from './tokens.ts';

const MINUTE = 60_000;
const DEFAULT_RANGE_MS = 14 * 24 * 60 * MINUTE;
const MAX_RANGE_MS = 62 * 24 * 60 * MINUTE;

export type FreeSlotQuery = { centerId?: DutySlot['centerId']; from?: string; to?: string };

export interface DutyRules {
  programPeriod: ProgramPeriod;
  /** How many future duty consultations one patient may hold at once. */
  maxBookingsPerPatient: number;
}

/** Path 2 of the program: duty doctors publish free slots; anyone signed up books one. */
export class DutyService {
  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly rules: DutyRules,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async publish(doctor: UserRecord, startsAt: string, endsAt: string, durationMinutes: number): Promise<DutySlot[]> {
    if (doctor.role !== 'doctor' || !doctor.isDutyDoctor || !doctor.centerId) throw forbidden('Only duty doctors publish slots');
    const start = Date.parse(startsAt);
    const end = Date.parse(endsAt);
    if (start <= this.now().getTime()) {
      throw validationFailed([{ field: 'startsAt', code: 'date_in_past', message: 'Slots must start in the future' }]);
    }
    const count = Math.floor((end - start) / (durationMinutes * MINUTE));
    if (count < 1) {
      throw validationFailed([{ field: 'endsAt', code: 'invalid', message: 'The period must hold at least one slot' }]);
    }
    if (count > MAX_SLOTS_PER_PUBLISH) {
      throw validationFailed([{ field: 'endsAt', code: 'too_long', message: `At most ${MAX_SLOTS_PER_PUBLISH} slots at once`, limit: MAX_SLOTS_PER_PUBLISH }]);
    }
    const createdAt = this.now().toISOString();
    const slots: DutySlotRecord[] = Array.from({ length: count }, (_, index) => ({
      id: newId(),
      doctorId: doctor.id,
      centerId: doctor.centerId!,
      startsAt: new Date(start + index * durationMinutes * MINUTE).toISOString(),
      durationMinutes,
      consultationId: null,
      createdAt,
    }));
    const periodEnd = start + count * durationMinutes * MINUTE;
    const [periodStartIso, periodEndIso] = [new Date(start).toISOString(), new Date(periodEnd).toISOString()];
    await this.store.transaction(async (tx) => {
      const clash = await tx.dutySlots.findOverlapping(doctor.id, periodStartIso, periodEndIso);
      if (clash) {
        throw conflict('doctor_busy', `You already have a slot at ${moscowTime(clash.startsAt)} in this period`, { slotId: clash.id });
      }
      const busy = await tx.consultations.findScheduledOverlapping(doctor.id, periodStartIso, periodEndIso);
      if (busy) throw conflict('doctor_busy', `You have a consultation at ${moscowTime(busy.startsAt)} in this period`, { consultationId: busy.id });
      try {
        for (const slot of slots) await tx.dutySlots.insert(slot);
      } catch (error) {
        // The store's own rule, for a twin request that got past the checks at the same moment.
        if (error instanceof DuplicateKeyError) throw conflict('doctor_busy', 'You already have a slot in this period');
        throw error;
      }
    });
    return slots.map((slot) => view(slot, doctor));
  }

  /**
   * Free future slots, for anyone (no sign-in needed to look), and until when (epoch ms) the same
   * query gives the same list if no slot changes: until its first slot starts (it then leaves the
   * list), and at most a minute, as the end of a range measured from now moves on.
   */
  async listFree(query: FreeSlotQuery, page: PageRequest): Promise<{ page: Page<DutySlot>; until: number }> {
    const now = this.now().getTime();
    const from = Math.max(query.from ? Date.parse(query.from) : now, now);
    const to = Math.min(query.to ? Date.parse(query.to) : from + DEFAULT_RANGE_MS, from + MAX_RANGE_MS);
    const slots = await this.store.dutySlots.pageFree({ from: new Date(from).toISOString(), to: new Date(to).toISOString() }, query.centerId, page);
    const first = slots.items[0];
    const until = Math.min(first ? Date.parse(first.startsAt) : Infinity, now + MINUTE);
    return { page: { items: await this.withDoctors(slots.items), nextCursor: slots.nextCursor }, until };
  }

  /** The duty doctor's own slots, free and booked, from a day ago on. */
  async listMine(doctor: UserRecord, page: PageRequest): Promise<Page<DutySlot>> {
    if (doctor.role !== 'doctor') throw forbidden('Only doctors have duty slots');
    const since = new Date(this.now().getTime() - 24 * 60 * MINUTE).toISOString();
    const own = await this.store.dutySlots.pageByDoctor(doctor.id, { from: since }, page);
    return { items: own.items.map((slot) => view(slot, doctor)), nextCursor: own.nextCursor };
  }

  async remove(doctor: UserRecord, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      const slot = await tx.dutySlots.findById(id);
      if (!slot || slot.doctorId !== doctor.id) throw notFound('The slot');
      if (slot.consultationId) throw conflict('slot_booked', 'The slot is booked; cancel the consultation instead');
      await tx.dutySlots.delete(id);
    });
  }

  /** Books a free slot. The check and the booking are one transaction: a slot is never booked twice. */
  async book(patient: UserRecord, id: string, topic: string | undefined): Promise<ConsultationRecord> {
    if (patient.role !== 'patient') throw forbidden('Only patients book consultations');
    assertProgramOpen(this.rules.programPeriod, this.now());
    const at = this.now().toISOString();
    const consultation = await this.store.transaction(async (tx) => {
      // Held: a second booking of this slot waits for the first, then finds it taken.
      const slot = await tx.dutySlots.findByIdForUpdate(id);
      if (!slot) throw notFound('The slot');
      if (slot.consultationId) throw new DomainError('slot_taken', 'Someone has just booked this time; choose another');
      if (Date.parse(slot.startsAt) <= this.now().getTime()) throw new DomainError('slot_taken', 'This time has already started; choose another');
      const upcoming = await tx.consultations.countUpcomingDuty(patient.id, at);
      if (upcoming >= this.rules.maxBookingsPerPatient) {
        throw new DomainError('booking_limit', `You already have ${upcoming} upcoming consultations with duty doctors; cancel one to book another`, {
          limit: this.rules.maxBookingsPerPatient,
        });
      }
      const record: ConsultationRecord = {
        id: newId(),
        kind: 'duty',
        status: 'scheduled',
        centerId: slot.centerId,
        patientId: patient.id,
        doctorId: slot.doctorId,
        applicationId: null,
        slotId: slot.id,
        topic: topic || null,
        channel: 'video',
        startsAt: slot.startsAt,
        durationMinutes: slot.durationMinutes,
        cancelledBy: null,
        cancelReason: null,
        callEndedAt: null,
        createdAt: at,
        updatedAt: at,
      };
      try {
        await tx.consultations.insert(record);
      } catch (error) {
        // The store's own guard: never two live consultations on one slot, nor two at one time for the doctor.
        if (error instanceof DuplicateKeyError) throw new DomainError('slot_taken', 'Someone has just booked this time; choose another');
        throw error;
      }
      await tx.dutySlots.update(slot.id, { consultationId: record.id });
      return record;
    });
    const doctor = await this.store.users.findById(consultation.doctorId);
    if (doctor) {
      await this.notifications.notify(doctor, {
        kind: 'duty_booked',
        text: `Облако здоровья: ${patient.fullName} записался на консультацию ${moscowTime(consultation.startsAt)}.`,
        data: { consultationId: consultation.id, startsAt: consultation.startsAt },
      });
    }
    return consultation;
  }

  private async withDoctors(slots: DutySlotRecord[]): Promise<DutySlot[]> {
    const doctors = new Map((await this.store.users.findByIds(slots.map((slot) => slot.doctorId))).map((doctor) => [doctor.id, doctor]));
    return slots.map((slot) => view(slot, doctors.get(slot.doctorId)));
  }
}

const slotEnd = (slot: DutySlotRecord) => Date.parse(slot.startsAt) + slot.durationMinutes * MINUTE;

/**
 * A slot's end as an ISO time. The public list shows each slot over and over, and the date
 * arithmetic was most of the list's cost: each start and length is worked out once.
 */
const knownEnds = new Map<string, string>();
function endsAtOf(slot: DutySlotRecord): string {
  const key = `${slot.startsAt} ${slot.durationMinutes}`;
  let end = knownEnds.get(key);
  if (end === undefined) {
    if (knownEnds.size >= 50_000) knownEnds.clear(); // a bound; they are cheap to work out again
    end = new Date(slotEnd(slot)).toISOString();
    knownEnds.set(key, end);
  }
  return end;
}

function view(slot: DutySlotRecord, doctor: UserRecord | undefined): DutySlot {
  return {
    id: slot.id,
    centerId: slot.centerId,
    doctorId: slot.doctorId,
    doctorName: doctor?.fullName ?? '',
    startsAt: slot.startsAt,
    endsAt: endsAtOf(slot),
    durationMinutes: slot.durationMinutes,
    status: slot.consultationId ? 'booked' : 'free',
    consultationId: slot.consultationId,
  };
}
