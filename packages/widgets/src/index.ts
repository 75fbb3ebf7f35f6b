/**
 * The module for bundlers and tests: every element class, defined at once. Pages loading the
 * script tag get `oz.ts` instead, which loads each element only when its tag appears.
 */
import { OzRegister } from './elements/oz-register/oz-register.ts';
import { OzDoctorDesk } from './elements/oz-doctor-desk/oz-doctor-desk.ts';
import { OzDocuments } from './elements/oz-documents/oz-documents.ts';
import { OzApply } from './elements/oz-apply/oz-apply.ts';
import { OzConsultations } from './elements/oz-consultations/oz-consultations.ts';
import { OzNotifications } from './elements/oz-notifications/oz-notifications.ts';
import { OzDutySchedule } from './elements/oz-duty-schedule/oz-duty-schedule.ts';
import { OzChat } from './elements/oz-chat/oz-chat.ts';
import { OzReferralImport } from './elements/oz-referral-import/oz-referral-import.ts';
import { OzVideoRoom } from './elements/oz-video-room/oz-video-room.ts';
import { OzAuditTrail } from './elements/oz-audit-trail/oz-audit-trail.ts';
import { OzStaff } from './elements/oz-staff/oz-staff.ts';
import { startPage } from './page-api.ts';

export type { ConfigureOptions } from './internal/page-config.ts';
export type { OzSession, SessionStatus, SessionChangeEvent } from './session/session.ts';
export type { Lang } from './i18n/index.ts';
export type * from './events/index.ts';
export type { OzGlobal } from './page-api.ts';
export { ApiError, NetworkError } from './api/errors.ts';
export { configure, session } from './page-api.ts';
export {
  OzRegister,
  OzDoctorDesk,
  OzDocuments,
  OzApply,
  OzConsultations,
  OzNotifications,
  OzDutySchedule,
  OzChat,
  OzReferralImport,
  OzVideoRoom,
  OzAuditTrail,
  OzStaff,
};

startPage(import.meta.url);

OzRegister.define('oz-register');
OzDoctorDesk.define('oz-doctor-desk');
OzDocuments.define('oz-documents');
OzApply.define('oz-apply');
OzConsultations.define('oz-consultations');
OzNotifications.define('oz-notifications');
OzDutySchedule.define('oz-duty-schedule');
OzChat.define('oz-chat');
OzReferralImport.define('oz-referral-import');
OzVideoRoom.define('oz-video-room');
OzAuditTrail.define('oz-audit-trail');
OzStaff.define('oz-staff');
