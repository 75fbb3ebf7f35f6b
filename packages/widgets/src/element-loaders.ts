import type { ElementLoader } from './internal/autoloader.ts';
import { defineVideoRoom } from './elements/oz-video-room/video-room-loader.ts';

/** Each element's code, loaded when its tag appears on the page; the module defines the tag. */
export const ELEMENT_LOADERS: Readonly<Record<string, ElementLoader>> = {
  'oz-register': () => import('./elements/oz-register/oz-register.ts').then((m) => m.OzRegister.define('oz-register')),
  'oz-documents': () => import('./elements/oz-documents/oz-documents.ts').then((m) => m.OzDocuments.define('oz-documents')),
  'oz-apply': () => import('./elements/oz-apply/oz-apply.ts').then((m) => m.OzApply.define('oz-apply')),
  'oz-duty-schedule': () =>
    import('./elements/oz-duty-schedule/oz-duty-schedule.ts').then((m) => m.OzDutySchedule.define('oz-duty-schedule')),
  'oz-consultations': () =>
    import('./elements/oz-consultations/oz-consultations.ts').then((m) => m.OzConsultations.define('oz-consultations')),
  'oz-video-room': defineVideoRoom,
  'oz-notifications': () =>
    import('./elements/oz-notifications/oz-notifications.ts').then((m) => m.OzNotifications.define('oz-notifications')),
  'oz-doctor-desk': () => import('./elements/oz-doctor-desk/oz-doctor-desk.ts').then((m) => m.OzDoctorDesk.define('oz-doctor-desk')),
  'oz-referral-import': () =>
    import('./elements/oz-referral-import/oz-referral-import.ts').then((m) => m.OzReferralImport.define('oz-referral-import')),
  'oz-chat': () => import('./elements/oz-chat/oz-chat.ts').then((m) => m.OzChat.define('oz-chat')),
  'oz-audit-trail': () => import('./elements/oz-audit-trail/oz-audit-trail.ts').then((m) => m.OzAuditTrail.define('oz-audit-trail')),
  'oz-staff': () => import('./elements/oz-staff/oz-staff.ts').then((m) => m.OzStaff.define('oz-staff')),
};

/**
 * Each element's English strings, fetched together with its code when the element speaks English
 * (its `strings.ts` would ask for them only once it runs: a round trip later on a slow link).
 */
export const ENGLISH_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  shared: () => import('./internal/shared-strings-en.ts'),
  'oz-register': () => import('./elements/oz-register/strings-en.ts'),
  'oz-documents': () => import('./elements/oz-documents/strings-en.ts'),
  'oz-apply': () => import('./elements/oz-apply/strings-en.ts'),
  'oz-duty-schedule': () => import('./elements/oz-duty-schedule/strings-en.ts'),
  'oz-consultations': () => import('./elements/oz-consultations/strings-en.ts'),
  'oz-video-room': () => import('./elements/oz-video-room/strings-en.ts'),
  'oz-notifications': () => import('./elements/oz-notifications/strings-en.ts'),
  'oz-doctor-desk': () => import('./elements/oz-doctor-desk/strings-en.ts'),
  'oz-referral-import': () => import('./elements/oz-referral-import/strings-en.ts'),
  'oz-chat': () => import('./elements/oz-chat/strings-en.ts'),
  'oz-audit-trail': () => import('./elements/oz-audit-trail/strings-en.ts'),
  'oz-staff': () => import('./elements/oz-staff/strings-en.ts'),
};

/**
 * What each element shows only to someone signed in, in a chunk of its own (see SignedInPart):
 * fetched together with the element's code when the page has a stored session, so a signed-in
 * resident waits no round trip longer than before the split.
 */
export const SIGNED_IN_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'oz-apply': () => import('./elements/oz-apply/apply-signed-in.ts'),
  'oz-consultations': () => import('./elements/oz-consultations/consultations-signed-in.ts'),
  'oz-documents': () => import('./elements/oz-documents/documents-signed-in.ts'),
  'oz-notifications': () => import('./elements/oz-notifications/notifications-signed-in.ts'),
  'oz-register': () => import('./elements/oz-register/register-signed-in.ts'),
};

/**
 * What each element shows only to someone not signed in, in a chunk of its own (see SignedOutPart):
 * fetched together with the element's code when the page has no stored session.
 */
export const SIGNED_OUT_LOADERS: Readonly<Record<string, () => Promise<unknown>>> = {
  'oz-register': () => import('./elements/oz-register/register-signed-out.ts'),
};
