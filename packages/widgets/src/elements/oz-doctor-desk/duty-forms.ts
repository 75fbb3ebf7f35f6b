import type { DutySlot, FieldError } from '@oz/contracts';
import { PAGE_LIMITS } from '@oz/contracts/constants';
import type { ApiClient } from '../../api/client.ts';
import { mySlots, publishSlots, removeSlot } from '../../api/duty-slots.ts';
import { ApiError } from '../../api/errors.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import { requiredError, type DeskFormDeps, type OnSent } from './desk-forms.ts';
import { conflictReason } from './desk-problems.ts';
import { localToIsoWithOffset } from './desk-time.ts';

/** The two forms of the duty section: opening time for booking, and removing a free slot. */

export interface PublishInput {
  /** ISO with offset; empty when the date or the time is missing. */
  startsAt: string;
  /** ISO with offset, on the same date; empty when missing. */
  endsAt: string;
  durationMinutes: number;
}

/** What went wrong with a duty action, beyond what a field error says. */
export type DutyProblemKind = 'overlapSlot' | 'overlapConsultation' | 'overlap' | 'notDutyDoctor' | 'slotTakenMeanwhile' | 'slotGone';

/** A refusal explained: which of the possible conflicts, and the time it is about. */
export class DutyProblem extends Error {
  override readonly name = 'DutyProblem';
  constructor(
    readonly kind: DutyProblemKind,
    readonly period?: { startsAt: string; endsAt: string },
    options?: { cause?: unknown },
  ) {
    super(kind, options);
  }
}

export function publishForm({ host, client, checks }: DeskFormDeps, onSuccess: OnSent<DutySlot[], PublishInput>) {
  return new FormSubmit<PublishInput, DutySlot[]>(host, {
    fields: ['startsAt', 'endsAt', 'durationMinutes'],
    precheck: (input) => {
      // Three inputs make two values: say which one is missing before the schema calls it malformed.
      const missing: FieldError[] = [];
      if (!input.startsAt) missing.push(requiredError('startsAt'));
      if (!input.endsAt) missing.push(requiredError('endsAt'));
      if (missing.length > 0) return missing;
      if (Date.parse(input.endsAt) <= Date.parse(input.startsAt)) {
        return [{ field: 'endsAt', code: 'invalid', message: 'The end must be later than the start' }];
      }
      const { startsAt, endsAt, durationMinutes } = input;
      return checks.check((c) => c.checkPublish({ startsAt, endsAt, durationMinutes }));
    },
    send: async (input, signal) => {
      try {
        return (await publishSlots(client(), input, signal)).items;
      } catch (error) {
        if (conflictReason(error) === 'doctor_busy') throw await explainOverlap(client(), error as ApiError, signal);
        if (error instanceof ApiError && error.status === 403) throw new DutyProblem('notDutyDoctor', undefined, { cause: error });
        throw error;
      }
    },
    onSuccess,
  });
}

export function removeSlotForm({ host, client }: Omit<DeskFormDeps, 'checks'>, onSuccess: OnSent<DutySlot, DutySlot>) {
  return new FormSubmit<DutySlot, DutySlot>(host, {
    fields: [],
    precheck: () => [],
    send: async (slot, signal) => {
      try {
        await removeSlot(client(), slot.id, signal);
        return slot;
      } catch (error) {
        if (conflictReason(error) === 'slot_booked') throw new DutyProblem('slotTakenMeanwhile', slot, { cause: error });
        if (error instanceof ApiError && error.status === 404) throw new DutyProblem('slotGone', slot, { cause: error });
        throw error;
      }
    },
    onSuccess,
  });
}

/** The local date and times typed into the publish form, as the API wants them. */
export function readPublish(form: HTMLFormElement): PublishInput & { date: string; start: string; end: string } {
  const data = new FormData(form);
  const text = (name: string) => String(data.get(name) ?? '');
  const [date, start, end] = [text('date'), text('start'), text('end')];
  return {
    date,
    start,
    end,
    startsAt: localToIsoWithOffset(date, start) ?? '',
    endsAt: localToIsoWithOffset(date, end) ?? '',
    durationMinutes: Number(text('durationMinutes')),
  };
}

/** How many whole consultations fit in the period: the server publishes exactly these. */
export function slotCount({ startsAt, endsAt, durationMinutes }: PublishInput): number {
  if (!startsAt || !endsAt || !(durationMinutes > 0)) return 0;
  return Math.max(0, Math.floor((Date.parse(endsAt) - Date.parse(startsAt)) / (durationMinutes * 60_000)));
}

/**
 * doctor_busy on publishing names what is in the way: the doctor's own slot (`slotId`) or a
 * consultation (`consultationId`); neither when two publishes met at once. Its time is only in the
 * English message (never shown or parsed), so it is read to say in the reader's words which it is.
 */
async function explainOverlap(client: ApiClient, error: ApiError, signal: AbortSignal): Promise<Error> {
  const { slotId, consultationId } = error.details;
  try {
    if (typeof slotId === 'string') {
      const slot = await ownSlot(client, slotId, signal);
      if (slot) return new DutyProblem('overlapSlot', slot, { cause: error });
    }
    if (typeof consultationId === 'string') {
      const consultation = await client.consultation(consultationId, signal);
      return new DutyProblem('overlapConsultation', consultation, { cause: error });
    }
  } catch {
    // Without its time, the plain explanation still says what to do.
  }
  return new DutyProblem('overlap', undefined, { cause: error });
}

/** The doctor's own slot with this id, reading their slots (from a day ago on) page by page. */
async function ownSlot(client: ApiClient, id: string, signal: AbortSignal): Promise<DutySlot | undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await mySlots(client, { limit: PAGE_LIMITS.dutySlots.max, cursor, signal });
    const found = page.items.find((slot) => slot.id === id);
    if (found || !page.nextCursor) return found;
    cursor = page.nextCursor;
  }
}
