import type { ParticipantRole } from '@oz/contracts';
import type { ApiClient } from '../api/client.ts';
import { ApiError } from '../api/errors.ts';
import { classifyQuality, sampleBetween, snapshot, type CallQuality, type StatsSnapshot } from './call-quality.ts';
import { EmbeddedTransport } from './embedded-transport.ts';
import { requestJoin } from './join-request.ts';
import { createOpenViduTransport } from './openvidu-transport.ts';
import { RoomFullError, type CallTransport, type TransportEvents, type TransportOptions } from './transport.ts';

/**
 * - `joining`: the first connection is being made;
 * - `in-call`: in the room (the other participant may or may not be there);
 * - `reconnecting`: the network dropped, joining again;
 * - `left`: the person left; `ended`: the doctor ended the consultation;
 * - `replaced`: the same person joined from another tab or device;
 * - `failed`: a rejoin is impossible (the room closed meanwhile, signed out).
 */
export type CallPhase = 'joining' | 'in-call' | 'reconnecting' | 'left' | 'ended' | 'replaced' | 'failed';

/** What happened last to the connection, for the spoken status. */
export type CallNews = 'peer-joined' | 'peer-left' | 'reconnected' | undefined;

export interface VideoCallOptions {
  client: ApiClient;
  consultationId: string;
  /** The camera and microphone, already open. The call never stops them: their owner does. */
  localStream: MediaStream;
  microphoneOn: boolean;
  cameraOn: boolean;
  /** Called after every change of the public state. */
  onChange: () => void;
}

/** Pauses between rejoin attempts: quick at first, then every 15 s for as long as it takes. */
const RETRY_DELAYS_MS = [1000, 2000, 4000, 8000, 15_000];
const QUALITY_EVERY_MS = 2000;

/** Errors after which joining again cannot help. */
function isFinal(error: unknown): boolean {
  if (error instanceof RoomFullError) return true;
  return error instanceof ApiError && ['room_closed', 'unauthenticated', 'forbidden', 'not_found'].includes(error.code);
}

/** Creates the transport the server chose for this consultation. */
export function createTransport(options: TransportOptions): Promise<CallTransport> | CallTransport {
  const { join } = options;
  if (join.provider === 'openvidu') return createOpenViduTransport({ ...options, join });
  return new EmbeddedTransport({ ...options, join });
}

/**
 * One person's presence in a consultation's video room: joins through POST /video, follows the
 * other participant, measures quality, and rejoins after a network drop — with a new POST /video
 * each time, since its ticket is good for one connection only.
 */
export class VideoCall {
  phase: CallPhase = 'joining';
  role: ParticipantRole | undefined;
  provider: 'embedded' | 'openvidu' | undefined;
  peerPresent = false;
  news: CallNews;
  remoteStream: MediaStream | null = null;
  /** Media stopped flowing for a moment; the transport is restoring it. */
  interrupted = false;
  quality: CallQuality | undefined;
  /** Why rejoining stopped (phase `failed`). */
  failure: unknown;
  microphoneOn: boolean;
  cameraOn: boolean;

  readonly #options: VideoCallOptions;
  readonly #abort = new AbortController();
  #transport: CallTransport | undefined;
  #retry: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #qualityTimer: ReturnType<typeof setInterval> | undefined;
  #lastStats: StatsSnapshot | undefined;

  constructor(options: VideoCallOptions) {
    this.#options = options;
    this.microphoneOn = options.microphoneOn;
    this.cameraOn = options.cameraOn;
  }

  /** The first join; its errors (room closed, video unavailable, room full) go to the caller. */
  async join(): Promise<void> {
    try {
      await this.#connect();
    } catch (error) {
      if (this.phase === 'joining') this.phase = 'failed';
      this.failure = error;
      throw error;
    }
    if (this.#abort.signal.aborted) return;
    this.#set({ phase: 'in-call' });
    this.#qualityTimer = setInterval(() => void this.#measureQuality(), QUALITY_EVERY_MS);
  }

  setMicrophone(on: boolean): void {
    this.#transport?.setMicrophone(on);
    for (const track of this.#options.localStream.getAudioTracks()) track.enabled = on;
    this.#set({ microphoneOn: on });
  }

  setCamera(on: boolean): void {
    this.#transport?.setCamera(on);
    for (const track of this.#options.localStream.getVideoTracks()) track.enabled = on;
    this.#set({ cameraOn: on });
  }

  /** The person leaves; the other participant is told at once. */
  leave(): void {
    this.#stop('left');
  }

  /** The doctor ended the consultation from here (POST /video/end succeeded). */
  markEnded(): void {
    this.#stop('ended');
  }

  /** The element went away: release everything without a word to the UI. */
  dispose(): void {
    this.#shutDown();
  }

  async #connect(): Promise<void> {
    const join = await requestJoin(this.#options.client, this.#options.consultationId, this.#abort.signal);
    if (this.#abort.signal.aborted) return;
    this.role = join.role;
    this.provider = join.provider;
    const ref: { transport?: CallTransport } = {};
    const transport = await createTransport({ join, localStream: this.#options.localStream, events: this.#eventsOf(ref) });
    ref.transport = transport;
    if (this.#abort.signal.aborted) return transport.close();
    this.#transport = transport;
    transport.setMicrophone(this.microphoneOn);
    transport.setCamera(this.cameraOn);
    try {
      await transport.connect();
    } catch (error) {
      if (this.#transport === transport) this.#transport = undefined;
      throw error;
    }
    if (this.#abort.signal.aborted) transport.close();
  }

  /** Events of one transport; those of a transport already replaced are ignored. */
  #eventsOf(ref: { transport?: CallTransport }): TransportEvents {
    const current = () => ref.transport === undefined || ref.transport === this.#transport;
    return {
      peer: (present) => {
        if (!current()) return;
        this.#set({ peerPresent: present, news: present ? 'peer-joined' : 'peer-left', interrupted: false });
        if (!present) this.#set({ remoteStream: null, quality: undefined });
      },
      remoteStream: (stream) => current() && this.#set({ remoteStream: stream }),
      interrupted: (interrupted) => current() && this.#set({ interrupted }),
      ended: () => current() && this.#stop('ended'),
      replaced: () => current() && this.#stop('replaced'),
      dropped: () => current() && this.#dropped(),
    };
  }

  #dropped(): void {
    this.#transport?.close();
    this.#transport = undefined;
    this.#lastStats = undefined;
    this.#set({ phase: 'reconnecting', peerPresent: false, remoteStream: null, quality: undefined, interrupted: false });
    this.#attempt = 0;
    this.#scheduleRejoin();
  }

  #scheduleRejoin(): void {
    const delay = RETRY_DELAYS_MS[Math.min(this.#attempt, RETRY_DELAYS_MS.length - 1)]!;
    this.#attempt += 1;
    this.#retry = setTimeout(this.#rejoin, delay);
    // A phone coming back online should not wait out the pause.
    window.addEventListener('online', this.#rejoinNow, { once: true });
  }

  #rejoinNow = (): void => {
    clearTimeout(this.#retry);
    void this.#rejoin();
  };

  #rejoin = async (): Promise<void> => {
    window.removeEventListener('online', this.#rejoinNow);
    if (this.phase !== 'reconnecting') return;
    try {
      await this.#connect();
      if (this.phase === 'reconnecting') this.#set({ phase: 'in-call', news: 'reconnected' });
    } catch (error) {
      if (this.phase !== 'reconnecting') return;
      if (isFinal(error)) {
        this.failure = error;
        this.#stop('failed');
      } else {
        this.#scheduleRejoin();
      }
    }
  };

  async #measureQuality(): Promise<void> {
    const transport = this.#transport;
    if (!transport || this.phase !== 'in-call' || !this.peerPresent) {
      this.#lastStats = undefined;
      return;
    }
    const report = await transport.stats().catch(() => undefined);
    if (!report || transport !== this.#transport) return;
    const now = snapshot(report);
    const before = this.#lastStats;
    this.#lastStats = now;
    if (before) this.#set({ quality: classifyQuality(sampleBetween(before, now)) });
  }

  #stop(phase: 'left' | 'ended' | 'replaced' | 'failed'): void {
    if (this.phase === 'left' || this.phase === 'ended' || this.phase === 'replaced') return;
    this.#shutDown();
    this.#set({ phase, peerPresent: false, remoteStream: null, quality: undefined, interrupted: false });
  }

  #shutDown(): void {
    this.#abort.abort();
    clearTimeout(this.#retry);
    clearInterval(this.#qualityTimer);
    window.removeEventListener('online', this.#rejoinNow);
    this.#transport?.close();
    this.#transport = undefined;
  }

  #set(changes: Partial<Pick<VideoCall, 'phase' | 'peerPresent' | 'news' | 'remoteStream' | 'interrupted' | 'quality' | 'microphoneOn' | 'cameraOn'>>): void {
    Object.assign(this, changes);
    this.#options.onChange();
  }
}
