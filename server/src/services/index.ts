import type { Config } from '../config.ts';
import type { Store } from '../ports/store.ts';
import type { FileStore } from '../ports/file-store.ts';
import type { SmsSender } from '../ports/sms-sender.ts';
import type { VideoProvider } from '../ports/video-provider.ts';
import type { SignalingHub } from '../adapters/video/signaling-hub.ts';
import { VideoService } from './video.ts';
import { ReferralImportService } from './referrals/import-referrals.ts';
import { CredentialsResendService } from './referrals/resend-credentials.ts';
import { AccountService } from './accounts.ts';
import { RateLimiter } from './rate-limiter.ts';
import { DocumentService } from './documents.ts';
import { LiveEventBus } from './event-bus.ts';
import { NotificationService } from './notifications.ts';
import { ApplicationService } from './applications.ts';
import { ConsultationService } from './consultations.ts';
import { DutyService } from './duty.ts';
import { MessageService } from './messages.ts';

export interface Ports {
  store: Store;
  files: FileStore;
  sms: SmsSender;
  video: VideoProvider;
  /** The embedded provider's rooms; present whatever the provider, so the WebSocket route can answer. */
  signaling: SignalingHub;
}

export interface Services {
  store: Store;
  accounts: AccountService;
  signInLimiter: RateLimiter;
  documents: DocumentService;
  notifications: NotificationService;
  applications: ApplicationService;
  consultations: ConsultationService;
  duty: DutyService;
  messages: MessageService;
  video: VideoService;
  signaling: SignalingHub;
  referrals: ReferralImportService;
  credentials: CredentialsResendService;
}

export function createServices({ store, files, sms, video, signaling }: Ports, config: Config, now: () => Date = () => new Date()): Services {
  const bus = new LiveEventBus();
  const notifications = new NotificationService(store, bus, sms, now);
  const credentialSettings = { oneTimePasswordTtlMs: config.oneTimePasswordTtlMs, signInUrl: config.signInUrl };
  return {
    store,
    accounts: new AccountService(store, config.tokenTtlMs, now),
    signInLimiter: new RateLimiter(config.rateLimitPerMinute, 60_000, () => now().getTime()),
    documents: new DocumentService(store, files, config.maxUploadBytes, now),
    notifications,
    applications: new ApplicationService(store, notifications, config.programPeriod, now),
    consultations: new ConsultationService(store, notifications, now),
    duty: new DutyService(store, notifications, { programPeriod: config.programPeriod, maxBookingsPerPatient: config.maxDutyBookingsPerPatient }, now),
    messages: new MessageService(store, bus, now),
    video: new VideoService(store, video, config.iceServers, now),
    signaling,
    referrals: new ReferralImportService(store, sms, credentialSettings, now),
    credentials: new CredentialsResendService(store, sms, credentialSettings, now),
  };
}
