import type { VideoProvider } from '../../ports/video-provider.ts';
import type { SignalingHub } from './signaling-hub.ts';

/** 1:1 WebRTC between the two browsers; this server only relays signaling over its WebSocket. */
export function embeddedVideoProvider(hub: SignalingHub): VideoProvider {
  return {
    name: 'embedded',
    async join(participant, { origin, iceServers }) {
      const ticket = await hub.issueTicket(participant.consultationId, participant.userId, participant.role, participant.tokenId);
      const url = new URL(`/api/v1/video/rooms/${encodeURIComponent(participant.consultationId)}`, origin);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('ticket', ticket);
      return { provider: 'embedded', url: url.toString(), role: participant.role, iceServers };
    },
    /** Reaches both sockets wherever they are: the hub's post carries `ended` to their instances. */
    async end(consultationId) {
      await hub.end(consultationId);
    },
  };
}
