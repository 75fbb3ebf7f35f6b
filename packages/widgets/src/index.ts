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
import { detectScriptApiOrigin } from './internal/api-origin.ts';
import { pageConfig, type ConfigureOptions } from './internal/page-config.ts';
import { session } from './session/session.ts';

export type { ConfigureOptions } from './internal/page-config.ts';
export type { OzSession, SessionStatus, SessionChangeEvent } from './session/session.ts';
export type { Lang } from './i18n/index.ts';
export type * from './events/index.ts';
export { ApiError, NetworkError } from './api/errors.ts';
export { OzRegister, session };

/** Sets the API origin and the language for every element that does not set its own. */
export function configure(options: ConfigureOptions): void {
  pageConfig.configure(options);
  void session.use(pageConfig.apiOrigin);
}

// The first copy of the bundle on the page decides the default API (its script tag's data-api).
pageConfig.detectedApi ??= detectScriptApiOrigin(import.meta.url);
void session.use(pageConfig.apiOrigin);

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

/** For pages without modules: `OZ.configure({...})`, `OZ.session.setToken(token)`. */
export interface OzGlobal {
  configure: typeof configure;
  session: typeof session;
}

declare global {
  interface Window {
    OZ?: OzGlobal;
  }
}

// A second copy of the bundle keeps the first one's object: both drive the same shared state.
window.OZ ??= { configure, session };
