import { z } from 'zod';
import { ROOM_OPENS_MINUTES_BEFORE, ROOM_CLOSES_MINUTES_AFTER, VIDEO_MIN_KBPS, AUDIO_MIN_KBPS } from './constants.ts';



export const IceServer = z
  .object({
    urls: z.union([z.string(), z.array(z.string())]),
    username: z.string().optional(),
    credential: z.string().optional(),
  })
  .meta({ id: 'IceServer' });
export type IceServer = z.infer<typeof IceServer>;

export const ParticipantRole = z.enum(['patient', 'doctor']);
export type ParticipantRole = z.infer<typeof ParticipantRole>;

export const VideoJoin = z
  .discriminatedUnion('provider', [
    z.object({
      provider: z.literal('openvidu'),
      token: z.string().meta({ description: 'For openvidu-browser `session.connect(token)`' }),
      role: ParticipantRole,
      iceServers: z.array(IceServer),
    }),
    z.object({
      provider: z.literal('embedded'),
      url: z.string().meta({ description: 'WebSocket address of the signaling room, with a one-use ticket valid for a minute' }),
      role: ParticipantRole,
      iceServers: z.array(IceServer),
    }),
  ])
  .meta({ id: 'VideoJoin' });
export type VideoJoin = z.infer<typeof VideoJoin>;

/** Messages a browser sends on the embedded signaling socket. */
export const SignalFromClient = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), sdp: z.string().max(64_000) }),
  z.object({ type: z.literal('answer'), sdp: z.string().max(64_000) }),
  z.object({
    type: z.literal('ice'),
    candidate: z.object({
      candidate: z.string().max(2_000),
      sdpMid: z.string().max(100).nullable().optional(),
      sdpMLineIndex: z.number().int().nullable().optional(),
      usernameFragment: z.string().max(256).nullable().optional(),
    }),
  }),
  z.object({ type: z.literal('leave') }),
  z.object({ type: z.literal('ping') }),
]);
export type SignalFromClient = z.infer<typeof SignalFromClient>;

/** Messages the server sends: room state, and the peer's offer / answer / ICE relayed as they came. */
export type SignalFromServer =
  | { type: 'welcome'; role: ParticipantRole; peer: ParticipantRole | null }
  | { type: 'peer-joined'; role: ParticipantRole }
  | { type: 'peer-left'; role: ParticipantRole }
  | { type: 'ended' }
  | { type: 'pong' }
  | { type: 'error'; code: 'invalid_message'; message: string }
  | Extract<SignalFromClient, { type: 'offer' | 'answer' | 'ice' }>;


export const SpeedTestResult = z.object({ receivedBytes: z.number().int(), ms: z.number() }).meta({ id: 'SpeedTestResult' });
export type SpeedTestResult = z.infer<typeof SpeedTestResult>;
