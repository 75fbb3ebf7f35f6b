import type { Translation } from './ru.ts';
import { sharedEn } from './en/shared.ts';
import { registerEn } from './en/register.ts';
import { domainEn } from './en/domain.ts';
import { documentsEn } from './en/documents.ts';
import { applyEn } from './en/apply.ts';
import { consultationsEn } from './en/consultations.ts';
import { notificationsEn } from './en/notifications.ts';
import { doctorDeskEn } from './en/doctor-desk.ts';
import { dutyScheduleEn } from './en/duty-schedule.ts';
import { videoRoomEn } from './en/video-room.ts';
import { videoJoinEn } from './en/video-join.ts';
import { chatEn } from './en/chat.ts';
import { referralImportEn } from './en/referral-import.ts';
import { pagingEn } from './en/paging.ts';
import { auditEn } from './en/audit.ts';
import { auditTrailEn } from './en/audit-trail.ts';
import { staffEn } from './en/staff.ts';
import { accountErasureEn } from './en/account-erasure.ts';

/** English, the whole catalogue (types and tests); typed as the Russian source so a missing key is a compile error. */
export const en: Translation = {
  ...sharedEn,
  register: registerEn,
  domain: domainEn,
  paging: pagingEn,
  documents: documentsEn,
  apply: applyEn,
  consultations: consultationsEn,
  notifications: notificationsEn,
  doctorDesk: doctorDeskEn,
  dutySchedule: dutyScheduleEn,
  videoRoom: videoRoomEn,
  videoJoin: videoJoinEn,
  chat: chatEn,
  referralImport: referralImportEn,
  audit: auditEn,
  auditTrail: auditTrailEn,
  staff: staffEn,
  accountErasure: accountErasureEn,
};
