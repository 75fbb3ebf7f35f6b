import type { Store } from './store.ts';
import type { FileStore } from './file-store.ts';
import type { SmsSender } from './sms-sender.ts';
import type { VideoProvider } from './video-provider.ts';
import type { SignalingRooms } from './signaling.ts';
import type { LiveEvents } from './live-events.ts';
import type { RateLimits, Tickets } from './coordination.ts';
import type { ChangeNotices } from './change-notices.ts';

/** Every port the services need, as adapters/open-ports.ts fills them for this deployment. */
export interface Ports {
  store: Store;
  files: FileStore;
  sms: SmsSender;
  video: VideoProvider;
  /** The embedded provider's rooms; present whatever the provider, so the WebSocket route can answer. */
  signaling: SignalingRooms;
  /** Live events to users' streams, on whichever instance holds them. */
  live: LiveEvents;
  /** Which cached answers other instances' writes made stale. */
  changes: ChangeNotices;
  /** Rate limits and one-use tickets every instance agrees on. */
  limits: RateLimits;
  tickets: Tickets;
  /** Ends live streams and signaling sockets (their browsers reconnect elsewhere), then closes every connection and the store. */
  close(): Promise<void>;
}
