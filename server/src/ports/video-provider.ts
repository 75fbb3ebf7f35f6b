import type { IceServer, ParticipantRole, VideoJoin } from '@oz/contracts';

export interface VideoParticipant {
  consultationId: string;
  userId: string;
  /** The session that asked to join: a room opened with its ticket needs it still signed in. */
  tokenId: string;
  role: ParticipantRole;
  displayName: string;
}

/**
 * Where the call happens. Adapters: OpenVidu (OPENVIDU_URL/OPENVIDU_SECRET) and the embedded
 * 1:1 WebRTC provider with signaling over this API's WebSocket (default).
 */
export interface VideoProvider {
  readonly name: VideoJoin['provider'];
  /** What the participant's browser needs to join. `origin` is this API's public origin. */
  join(participant: VideoParticipant, context: { origin: string; iceServers: IceServer[] }): Promise<VideoJoin>;
  /** Ends the call for everyone (the doctor ended the consultation). */
  end(consultationId: string): Promise<void>;
}
