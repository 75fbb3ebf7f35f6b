import type { VideoJoin } from '@oz/contracts';

/** What a transport tells the call about the room. Each call comes from one transport instance. */
export interface TransportEvents {
  /** The other participant is in the room (true) or has gone (false). */
  peer(present: boolean): void;
  /** The other participant's sound and picture, or null when there is none (any more). */
  remoteStream(stream: MediaStream | null): void;
  /** Media stopped flowing (true) or flows again (false) while the room connection stays. */
  interrupted(interrupted: boolean): void;
  /** The doctor ended the consultation for both. */
  ended(): void;
  /** The same person joined the room again elsewhere (another tab, another device). */
  replaced(): void;
  /** The connection to the room dropped (network): the call should join again. */
  dropped(): void;
}

/**
 * One way of carrying the call: the embedded 1:1 WebRTC room of our API, or an OpenVidu session.
 * The video room's UI sees only this.
 */
export interface CallTransport {
  /** Resolves once in the room; rejects with RoomFullError or another error when that fails. */
  connect(): Promise<void>;
  setMicrophone(on: boolean): void;
  setCamera(on: boolean): void;
  /** Statistics of the connection carrying the other participant's media, if there is one now. */
  stats(): Promise<RTCStatsReport | undefined>;
  /** Leaves the room politely and releases the connection (the local tracks stay the caller's). */
  close(): void;
}

export interface TransportOptions {
  join: VideoJoin;
  /** The camera and microphone, already open: signaling starts only after getUserMedia resolved. */
  localStream: MediaStream;
  events: TransportEvents;
}

/** Two participants are in the room already. */
export class RoomFullError extends Error {
  override readonly name = 'RoomFullError';
  constructor() {
    super('the video room already has two participants');
  }
}

/** The video server could not be reached or refused the connection. */
export class TransportConnectError extends Error {
  override readonly name = 'TransportConnectError';
}
