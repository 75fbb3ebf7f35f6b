import type { Config } from '../config.ts';
import type { Store } from '../ports/store.ts';
import type { Ports } from '../ports/index.ts';
import type { SignalingRooms } from '../ports/signaling.ts';
import { VideoService } from './video.ts';
import { ReferralImportService } from './referrals/import-referrals.ts';
import { CredentialsResendService } from './referrals/resend-credentials.ts';
import { AccountService } from './accounts.ts';
import { PhoneCodeService } from './phone-codes.ts';
import { RateLimiter } from './rate-limiter.ts';
import { DocumentService } from './documents.ts';
import { NotificationService } from './notifications.ts';
import { ApplicationService } from './applications.ts';
import { ConsultationService } from './consultations.ts';
import { DutyService } from './duty.ts';
import { MessageService } from './messages.ts';
import { PresenceService } from './presence.ts';
import { ChatSmsService } from './chat-sms.ts';
import { ReadVersions } from './read-versions.ts';
import { SessionCache } from './session-cache.ts';
import { AnswerCache } from './answer-cache.ts';
import { trackChanges } from './store-changes.ts';
import { AuditService } from './audit.ts';
import { StaffService } from './staff.ts';
import { PersonalDataExport } from './personal-data-export.ts';
import { AccountErasure } from './account-erasure.ts';
import { useTestPasswordCosts } from './passwords.ts';

export interface Services {
  /** The store, marking cached answers stale as its writes commit (services/store-changes.ts). */
  store: Store;
  /** Serialised answers of the frequent reads, kept while nothing they say has changed. */
  answers: AnswerCache;
  /** What the store's committed writes changed, here or on another instance: for what must react at once (a live stream whose session ended). */
  changes: ReadVersions;
  accounts: AccountService;
  signInLimiter: RateLimiter;
  documents: DocumentService;
  notifications: NotificationService;
  applications: ApplicationService;
  consultations: ConsultationService;
  duty: DutyService;
  messages: MessageService;
  /** The audit trail of medical data: reads by others, changes of status. */
  audit: AuditService;
  /** Doctors' and managers' accounts over their life (the manager's). */
  staff: StaffService;
  /** «Скачать мои данные»: a patient's records and documents in one ZIP. */
  personalData: PersonalDataExport;
  /** «Удалить аккаунт»: a patient's contacts, password and unused documents go; medical records stay. */
  accountErasure: AccountErasure;
  /** Who is online (last-seen), for the chat's SMS. */
  presence: PresenceService;
  /** The «new message» SMS to whoever has been away 10 minutes; main.ts runs its sweep. */
  chatSms: ChatSmsService;
  video: VideoService;
  signaling: SignalingRooms;
  referrals: ReferralImportService;
  credentials: CredentialsResendService;
}

export function createServices(ports: Ports, config: Config, now: () => Date = () => new Date()): Services {
  const { files, sms, video, signaling, live, limits, tickets, changes } = ports;
  // The hashing costs are the process's (one scrypt pool); only tests' servers ask for light ones.
  useTestPasswordCosts(config.testFastPasswordHashing);
  const versions = new ReadVersions();
  changes.listen(versions);
  const store = trackChanges(ports.store, async (topics) => {
    versions.changed(topics);
    try {
      await changes.publish(topics);
    } catch (error) {
      // The write committed: it must not fail now. Other instances drop the answers by their age.
      console.error(JSON.stringify({ at: new Date().toISOString(), error: `change notice not sent: ${error instanceof Error ? error.message : String(error)}` }));
    }
  });
  const notifications = new NotificationService(store, live, tickets, sms, now);
  const presence = new PresenceService(store, now);
  const chatSms = new ChatSmsService(store, presence, sms, { signInUrl: config.signInUrl }, now);
  const credentialSettings = { oneTimePasswordTtlMs: config.oneTimePasswordTtlMs, signInUrl: config.signInUrl };
  const audit = new AuditService(store, now);
  const consultations = new ConsultationService(store, notifications, now, (consultationId) => video.end(consultationId));
  const documents = new DocumentService(store, files, config.maxUploadBytes, now);
  const applications = new ApplicationService(store, notifications, config.programPeriod, now);
  const messages = new MessageService(store, live, notifications, chatSms, now);
  return {
    store,
    answers: new AnswerCache(versions, now),
    changes: versions,
    accounts: new AccountService(store, config.tokenTtlMs, now, new PhoneCodeService(store, sms, now), new SessionCache(versions, now)),
    signInLimiter: new RateLimiter(limits, 'sign-in', config.rateLimitPerMinute, 60_000, () => now().getTime()),
    documents,
    notifications,
    applications,
    audit,
    staff: new StaffService(store, sms, audit, consultations, credentialSettings, now),
    consultations,
    duty: new DutyService(store, notifications, { programPeriod: config.programPeriod, maxBookingsPerPatient: config.maxDutyBookingsPerPatient }, now),
    messages,
    personalData: new PersonalDataExport({ store, files, documents, applications, consultations, messages, notifications, audit }, now),
    accountErasure: new AccountErasure(store, files, audit, now, { consultations, applications }),
    presence,
    chatSms,
    video: new VideoService(store, video, config.iceServers, now, notifications),
    signaling,
    referrals: new ReferralImportService(store, sms, credentialSettings, now),
    credentials: new CredentialsResendService(store, sms, limits, credentialSettings, now),
  };
}
