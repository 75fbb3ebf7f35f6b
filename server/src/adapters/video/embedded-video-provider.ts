import type { VideoProvider } from '../../ports/video-provider.ts';
import type { SignalingHub } from './signaling-hub.ts';

/** 1:1 WebRTC between the two browsers; this server only relays signaling over its WebSocket. */
export function embeddedVideoProvider(hub: SignalingHub): VideoProvider {
  return {
    name: 'embedded',
    async join(participant, { origin, iceServers }) {
      const ticket = hub.issueTicket(participant.consultationId, participant.userId, participant.role);
      const url = new URL(`/api/v1/video/rooms/${encodeURIComponent(participant.consultationId)}`, origin);
      url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
      url.searchParams.set('ticket', ticket);
      return { provider: 'embedded', url: url.toString(), role: participant.role, iceServers };
    },
    async end(consultationId) {
      hub.end(consultationId);
    },
  };
}
