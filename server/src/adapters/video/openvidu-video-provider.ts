import { OpenVidu, OpenViduRole, ConnectionType } from 'openvidu-node-client';
import type { VideoProvider } from '../../ports/video-provider.ts';
import { DomainError } from '../../services/domain-error.ts';

/** One OpenVidu session per consultation; its id is derived from the consultation, so a rejoin finds it. */
export const openViduSessionId = (consultationId: string) => `oz-${consultationId}`;

/** OpenVidu (openvidu-node-client): a PUBLISHER connection per participant, with the deployment's ICE servers. */
export function openViduVideoProvider(url: string, secret: string): VideoProvider {
  const openVidu = new OpenVidu(url, secret);
  return {
    name: 'openvidu',
    async join(participant, { iceServers }) {
      try {
        const session = await openVidu.createSession({ customSessionId: openViduSessionId(participant.consultationId) });
        const connection = await session.createConnection({
          type: ConnectionType.WEBRTC,
          role: OpenViduRole.PUBLISHER,
          data: JSON.stringify({ role: participant.role, name: participant.displayName }),
          // Without these the browser falls back to public STUN servers a closed network cannot reach.
          customIceServers: iceServers.flatMap((server) =>
            (Array.isArray(server.urls) ? server.urls : [server.urls]).map((iceUrl) => ({
              url: iceUrl,
              ...(server.username ? { username: server.username } : {}),
              ...(server.credential ? { credential: server.credential } : {}),
            })),
          ),
        });
        return { provider: 'openvidu', token: connection.token, role: participant.role, iceServers };
      } catch (error) {
        throw videoServerError(error);
      }
    },
    async end(consultationId) {
      try {
        const session = await openVidu.createSession({ customSessionId: openViduSessionId(consultationId) });
        await session.close();
      } catch (error) {
        // Already gone is what we wanted.
        if ((error as Error).message === '404') return;
        throw videoServerError(error);
      }
    },
  };
}

/** openvidu-node-client rejects with Error(message = HTTP status) or Error(request) when unreachable. */
function videoServerError(error: unknown): DomainError {
  const status = Number((error as Error).message);
  // One code, one status (502): the upstream failed, whether it refused us or never answered.
  if (status === 401) return new DomainError('video_unavailable', 'The video server refused our credentials (check OPENVIDU_SECRET)');
  if (Number.isInteger(status) && status > 0) return new DomainError('video_unavailable', `The video server answered ${status}`);
  return new DomainError('video_unavailable', 'The video server cannot be reached');
}
