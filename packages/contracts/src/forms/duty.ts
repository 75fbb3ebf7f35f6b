import { z } from 'zod';
import { DURATION_MINUTES, TOPIC_MAX } from '../constants.ts';
import { withMeta } from './meta.ts';

export const PublishDutySlotsRequest = withMeta(
  z.object({
    startsAt: z.iso.datetime({ offset: true }),
    endsAt: z.iso.datetime({ offset: true }),
    durationMinutes: z._default(z.number().check(z.int(), z.gte(DURATION_MINUTES.min), z.lte(DURATION_MINUTES.max)), 20),
  }),
  { id: 'PublishDutySlotsRequest' },
);
export type PublishDutySlotsRequest = z.input<typeof PublishDutySlotsRequest>;

export const DutyChannel = z.enum(['video']);
export type DutyChannel = z.infer<typeof DutyChannel>;

export const BookDutySlotRequest = withMeta(
  z.object({
    channel: z._default(DutyChannel, 'video'),
    topic: z.optional(z.string().check(z.trim(), z.maxLength(TOPIC_MAX))),
  }),
  { id: 'BookDutySlotRequest' },
);
export type BookDutySlotRequest = z.input<typeof BookDutySlotRequest>;
