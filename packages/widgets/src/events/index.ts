export type { OzSignedInEvent } from './oz-signed-in.ts';
export type { OzSignedOutEvent } from './oz-signed-out.ts';
export type { OzPasswordChangedEvent } from './oz-password-changed.ts';
export type { OzNotificationEvent } from './oz-notification.ts';
export type { OzNotificationOpenEvent } from './oz-notification-open.ts';
export type { OzConclusionWrittenEvent } from './oz-conclusion-written.ts';
export type { OzApplicationDeclinedEvent } from './oz-application-declined.ts';
export type { OzApplicationScheduledEvent } from './oz-application-scheduled.ts';
export type { OzConsultationCancelledEvent } from './oz-consultation-cancelled.ts';
export type { OzApplicationCancelledEvent } from './oz-application-cancelled.ts';
export type { OzApplicationSubmittedEvent } from './oz-application-submitted.ts';
export type { OzDocumentDeletedEvent } from './oz-document-deleted.ts';
export type { OzDocumentUploadedEvent } from './oz-document-uploaded.ts';
export type { OzBookedEvent } from './oz-booked.ts';
export type { OzCallJoinedEvent } from './oz-call-joined.ts';
export type { OzCallLeftEvent } from './oz-call-left.ts';
export type { OzCallEndedEvent } from './oz-call-ended.ts';
export type { OzMessageSentEvent } from './oz-message-sent.ts';
export type { OzSlotsPublishedEvent } from './oz-slots-published.ts';
export type { OzReferralsImportedEvent } from './oz-referrals-imported.ts';
export type { OzCredentialsSentEvent } from './oz-credentials-sent.ts';
export type { OzStaffChangedEvent, StaffChange } from './oz-staff-changed.ts';

/** Every `oz-…` event name, taken from the declarations in GlobalEventHandlersEventMap. */
export type OzEventName = Extract<keyof GlobalEventHandlersEventMap, `oz-${string}`>;

/** The `detail` type of an `oz-…` event. */
export type OzEventDetail<K extends OzEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;
