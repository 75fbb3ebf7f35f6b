import { sharedRu } from './ru/shared.ts';
import { registerRu } from './ru/register.ts';
import { domainRu } from './ru/domain.ts';
import { documentsRu } from './ru/documents.ts';
import { applyRu } from './ru/apply.ts';
import { consultationsRu } from './ru/consultations.ts';
import { notificationsRu } from './ru/notifications.ts';
import { doctorDeskRu } from './ru/doctor-desk.ts';
import { dutyScheduleRu } from './ru/duty-schedule.ts';
import { videoRoomRu } from './ru/video-room.ts';
import { videoJoinRu } from './ru/video-join.ts';
import { chatRu } from './ru/chat.ts';
import { referralImportRu } from './ru/referral-import.ts';
import { pagingRu } from './ru/paging.ts';
import { auditRu } from './ru/audit.ts';
import { auditTrailRu } from './ru/audit-trail.ts';
import { staffRu } from './ru/staff.ts';
import { accountErasureRu } from './ru/account-erasure.ts';

/**
 * Russian: the source of every string. Plain words for elderly users and the program's own
 * words (личный кабинет, Зарегистрироваться) so the widget matches the announcements people saw.
 *
 * The whole catalogue, for types and tests: no element imports it. Each element's chunk carries
 * only its own sections (see catalog.ts and the elements' `strings.ts`).
 */
export const ru = {
  ...sharedRu,
  register: registerRu,
  domain: domainRu,
  paging: pagingRu,
  documents: documentsRu,
  apply: applyRu,
  consultations: consultationsRu,
  notifications: notificationsRu,
  doctorDesk: doctorDeskRu,
  dutySchedule: dutyScheduleRu,
  videoRoom: videoRoomRu,
  videoJoin: videoJoinRu,
  chat: chatRu,
  referralImport: referralImportRu,
  audit: auditRu,
  auditTrail: auditTrailRu,
  staff: staffRu,
  accountErasure: accountErasureRu,
};

/** The shape every locale must have; `en` is typed with it so a missing key does not compile. */
export type Translation = typeof ru;
