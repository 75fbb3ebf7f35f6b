import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';
import { DURATION_MINUTES, MAX_SLOTS_PER_PUBLISH, TOPIC_MAX } from './constants.ts';
import { CenterId } from './centers.ts';


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

export const PublishDutySlotsRequest = z
  .object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z.number().int().min(DURATION_MINUTES.min).max(DURATION_MINUTES.max).default(20),
  })
  .meta({ id: 'PublishDutySlotsRequest' });
export type PublishDutySlotsRequest = z.input<typeof PublishDutySlotsRequest>;

export const DutyChannel = z.enum(['video']);
export type DutyChannel = z.infer<typeof DutyChannel>;


export const BookDutySlotRequest = z
  .object({
    channel: DutyChannel.default('video'),
    topic: z.string().trim().max(TOPIC_MAX).optional(),
  })
  .meta({ id: 'BookDutySlotRequest' });
export type BookDutySlotRequest = z.input<typeof BookDutySlotRequest>;
