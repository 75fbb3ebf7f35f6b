import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { CenterId } from './centers.ts';

// The requests of the duty forms: written once for the API and the browser's pre-check.
export { BookDutySlotRequest, DutyChannel, PublishDutySlotsRequest } from './forms/duty.ts';

export const DutySlot = z
  .object({
    id: z.string(),
    centerId: CenterId,
    doctorId: z.string(),
    doctorName: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    durationMinutes: z.number().int(),
    /** Free slots are the only ones the public list shows; a doctor's own list shows both. */
    status: z.enum(['free', 'booked']),
    consultationId: z.string().nullable(),
  })
  .meta({ id: 'DutySlot' });
export type DutySlot = z.infer<typeof DutySlot>;

export const DutySlotList = z.object({ items: z.array(DutySlot), nextCursor: NextCursor }).meta({ id: 'DutySlotList' });
export type DutySlotList = z.infer<typeof DutySlotList>;

export const DutySlotQuery = pageQuery('dutySlots').extend({
  centerId: CenterId.optional(),
  from: z.iso.datetime({ offset: true }).optional().meta({ description: 'Default: now' }),
  to: z.iso.datetime({ offset: true }).optional().meta({ description: 'Default: 14 days after `from`' }),
});
