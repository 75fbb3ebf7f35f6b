/**
 * `@oz/widgets`, the npm package's main module: the page API, and each element's code loaded when
 * its tag appears on the page, as the script-tag bundle does (without its hand-over to a plain
 * `oz.js` address, which a bundler's file names do not need).
 */
import { autoloadPageElements } from '../autoload-page.ts';
import { startPage } from '../page-api.ts';

export type { ConfigureOptions } from '../internal/page-config.ts';
export type { OzSession, SessionStatus, SessionChangeEvent } from '../session/session.ts';
export type { Lang } from '../i18n/lang.ts';
export type * from '../events/index.ts';
export type { OzGlobal } from '../page-api.ts';
export { ApiError, NetworkError } from '../api/errors.ts';
export { configure, session } from '../page-api.ts';
// Types only (no code): every tag this module may load, in HTMLElementTagNameMap for TypeScript.
export type { OzRegister } from '../elements/oz-register/oz-register.ts';
export type { OzDoctorDesk } from '../elements/oz-doctor-desk/oz-doctor-desk.ts';
export type { OzDocuments } from '../elements/oz-documents/oz-documents.ts';
export type { OzApply } from '../elements/oz-apply/oz-apply.ts';
export type { OzConsultations } from '../elements/oz-consultations/oz-consultations.ts';
export type { OzNotifications } from '../elements/oz-notifications/oz-notifications.ts';
export type { OzDutySchedule } from '../elements/oz-duty-schedule/oz-duty-schedule.ts';
export type { OzChat } from '../elements/oz-chat/oz-chat.ts';
export type { OzReferralImport } from '../elements/oz-referral-import/oz-referral-import.ts';
export type { OzVideoRoom } from '../elements/oz-video-room/oz-video-room.ts';
export type { OzAuditTrail } from '../elements/oz-audit-trail/oz-audit-trail.ts';
export type { OzStaff } from '../elements/oz-staff/oz-staff.ts';

startPage(import.meta.url);
autoloadPageElements();
