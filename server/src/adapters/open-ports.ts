import type { Config } from '../config.ts';
import type { Ports } from '../ports/index.ts';
import { openStore } from './store/open-store.ts';
import { openDiskFileStore } from './files/disk-file-store.ts';
import { outboxSmsSender } from './sms/outbox-sms-sender.ts';
import { httpSmsGateway } from './sms/http-sms-gateway.ts';
import { memoryCoordination, postgresCoordination } from './coordination/open-coordination.ts';
import { SignalingHub } from './video/signaling-hub.ts';
import { embeddedVideoProvider } from './video/embedded-video-provider.ts';

/**
 * The one place that knows which adapter serves each port in this deployment. The S3 client and
 * openvidu-node-client load only when configured: a region on disk with the embedded video
 * provider never pays their start-up (about 150 ms and 40 MB together).
 */
export async function openPorts(config: Config): Promise<Ports> {
  const store = await openStore(config);
  // With DATABASE_URL several instances serve one address: what they must agree on goes through PostgreSQL too.
  const shared = config.databaseUrl ? postgresCoordination(config.databaseUrl, config.databasePoolMax) : memoryCoordination();
  try {
    const signaling = new SignalingHub(shared.signaling);
    const video = config.openVidu
      ? (await import('./video/openvidu-video-provider.ts')).openViduVideoProvider(config.openVidu.url, config.openVidu.secret)
      : embeddedVideoProvider(signaling);
    return {
      store,
      files: config.s3 ? await (await import('./files/s3-file-store.ts')).openS3FileStore(config.s3) : await openDiskFileStore(config.dataDir),
      sms: config.smsGateway ? httpSmsGateway(config.smsGateway) : outboxSmsSender(config.dataDir),
      video,
      signaling,
      live: shared.live,
      changes: shared.changes,
      limits: shared.limits,
      tickets: shared.tickets,
      close: async () => {
        try {
          // Live connections first (their seats freed, their browsers told), then what they ran on.
          await signaling.close();
          await shared.live.close();
          await shared.close();
        } finally {
          await store.close();
        }
      },
    };
  } catch (error) {
    await shared.close().catch(() => undefined);
    await store.close();
    throw error;
  }
}
