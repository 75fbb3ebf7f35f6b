import { z } from 'zod';
import { NextCursor, pageQuery } from './paging.ts';

export const NotificationKind = z.enum([
  'application_submitted',
  'application_scheduled',
  'application_declined',
  'consultation_cancelled',
  'call_ended',
  'conclusion_ready',
  'duty_booked',
  /** The other side wrote in a consultation's chat: one entry per consultation while unread, `data.messages` counts them. */
  'message_received',
]);
export type NotificationKind = z.infer<typeof NotificationKind>;

export const Notification = z
  .object({
    id: z.string(),
    kind: NotificationKind,
    /** Russian text as sent by SMS; the widgets build their own text from kind and data in the page's language. */
    text: z.string(),
    data: z.object({
      applicationId: z.string().optional(),
      consultationId: z.string().optional(),
      startsAt: z.string().optional(),
      reason: z.string().optional(),
      /** `message_received`: how many messages this entry tells of (it is updated while unread). */
      messages: z.number().int().optional(),
    }),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .meta({ id: 'Notification' });
export type Notification = z.infer<typeof Notification>;

export const NotificationList = z
  .object({ items: z.array(Notification), unread: z.number().int(), nextCursor: NextCursor })
  .meta({ id: 'NotificationList' });
export type NotificationList = z.infer<typeof NotificationList>;

export const NotificationListQuery = pageQuery('notifications');

/** Short-lived ticket for the SSE stream, so the long-lived bearer token never goes into a URL. */
export const StreamTicket = z.object({ ticket: z.string(), expiresAt: z.string() }).meta({ id: 'StreamTicket' });
export type StreamTicket = z.infer<typeof StreamTicket>;
