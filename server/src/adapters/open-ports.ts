import type { Config } from '../config.ts';
import type { Ports } from '../services/index.ts';
import { openStore } from './store/open-store.ts';
import { openDiskFileStore } from './files/disk-file-store.ts';
import { openS3FileStore } from './files/s3-file-store.ts';
import { outboxSmsSender } from './sms/outbox-sms-sender.ts';
import { httpSmsGateway } from './sms/http-sms-gateway.ts';
import { SignalingHub } from './video/signaling-hub.ts';
import { embeddedVideoProvider } from './video/embedded-video-provider.ts';
import { openViduVideoProvider } from './video/openvidu-video-provider.ts';

/** The one place that knows which adapter serves each port in this deployment. */
export async function openPorts(config: Config): Promise<Ports> {
  const store = await openStore(config);
  try {
    const signaling = new SignalingHub();
    const video = config.openVidu ? openViduVideoProvider(config.openVidu.url, config.openVidu.secret) : embeddedVideoProvider(signaling);
    return { store, files: config.s3 ? await openS3FileStore(config.s3) : await openDiskFileStore(config.dataDir), sms: config.smsGateway ? httpSmsGateway(config.smsGateway) : outboxSmsSender(config.dataDir), video, signaling };
  } catch (error) {
    await store.close();
    throw error;
  }
}
