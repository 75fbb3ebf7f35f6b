import type { SignalFromServer, VideoJoin } from '@oz/contracts';
import { SignalClose } from './constants.ts';
import { SignalingChannel } from './signaling-channel.ts';
import { RoomFullError, TransportConnectError, type CallTransport, type TransportEvents, type TransportOptions } from './transport.ts';

type EmbeddedJoin = Extract<VideoJoin, { provider: 'embedded' }>;

/** How long to wait for the room's welcome before calling the join failed. */
const WELCOME_TIMEOUT_MS = 15_000;
/** A connection "disconnected" this long is rebuilt by the doctor (ICE seldom recovers later). */
const INTERRUPTION_GRACE_MS = 5_000;

/**
 * The embedded provider: 1:1 WebRTC between the two browsers, offers, answers and ICE candidates
 * relayed by our API's signaling room. The doctor always makes the offer (on `welcome` with the
 * patient present, or on `peer-joined`), the patient answers, so the two never offer at once;
 * every new offer comes with a new RTCPeerConnection, which is how a rejoin or a broken connection
 * recovers.
 */
export class EmbeddedTransport implements CallTransport {
  readonly #join: EmbeddedJoin;
  readonly #local: MediaStream;
  readonly #events: TransportEvents;
  #channel: SignalingChannel | undefined;
  #pc: RTCPeerConnection | undefined;
  #remote: MediaStream | null = null;
  /** ICE candidates that came before the description they belong to. */
  #pendingIce: RTCIceCandidateInit[] = [];
  /** Messages are handled one after another: each may wait for the peer connection. */
  #queue: Promise<void> = Promise.resolve();
  #welcomed = false;
  #ended = false;
  #closed = false;
  #interruption: ReturnType<typeof setTimeout> | undefined;
  #settleConnect: ((error?: Error) => void) | undefined;

  constructor(options: TransportOptions & { join: EmbeddedJoin }) {
    this.#join = options.join;
    this.#local = options.localStream;
    this.#events = options.events;
  }

  connect(): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.close();
        settle(new TransportConnectError('the video room did not answer'));
      }, WELCOME_TIMEOUT_MS);
      const settle = (error?: Error) => {
        clearTimeout(timer);
        this.#settleConnect = undefined;
        if (error) reject(error);
        else resolve();
      };
      this.#settleConnect = settle;
      this.#channel = new SignalingChannel(this.#join.url, {
        message: (message) => {
          this.#queue = this.#queue.then(() => this.#handle(message)).catch(() => undefined);
        },
        closed: (code) => this.#onChannelClosed(code),
      });
    });
  }

  setMicrophone(on: boolean): void {
    for (const track of this.#local.getAudioTracks()) track.enabled = on;
  }

  setCamera(on: boolean): void {
    for (const track of this.#local.getVideoTracks()) track.enabled = on;
  }

  async stats(): Promise<RTCStatsReport | undefined> {
    return this.#pc?.getStats();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#channel?.close();
    this.#closePeerConnection();
  }

  get #isDoctor(): boolean {
    return this.#join.role === 'doctor';
  }

  async #handle(message: SignalFromServer): Promise<void> {
    if (this.#closed) return;
    switch (message.type) {
      case 'welcome':
        this.#welcomed = true;
        this.#settleConnect?.();
        if (message.peer) {
          this.#events.peer(true);
          if (this.#isDoctor) await this.#offer();
        }
        return;
      case 'peer-joined':
        this.#events.peer(true);
        // The patient drops the old connection and waits for the doctor's new offer.
        if (this.#isDoctor) await this.#offer();
        else this.#closePeerConnection();
        return;
      case 'peer-left':
        this.#closePeerConnection();
        this.#events.peer(false);
        return;
      case 'offer':
        if (!this.#isDoctor) await this.#answer(message.sdp);
        return;
      case 'answer':
        await this.#accept(message.sdp);
        return;
      case 'ice':
        await this.#addIce(message.candidate);
        return;
      case 'ended':
        this.#end();
        return;
      default:
        return;
    }
  }

  #onChannelClosed(code: number): void {
    this.#closePeerConnection();
    if (!this.#welcomed) {
      this.#settleConnect?.(code === SignalClose.roomFull ? new RoomFullError() : new TransportConnectError(`signaling closed (${code})`));
      return;
    }
    if (this.#closed) return;
    this.#closed = true;
    if (code === SignalClose.ended) this.#end();
    else if (code === SignalClose.replaced) this.#events.replaced();
    else this.#events.dropped();
  }

  #end(): void {
    if (this.#ended) return;
    this.#ended = true;
    this.#closePeerConnection();
    this.#events.ended();
  }

  async #offer(): Promise<void> {
    const pc = this.#newPeerConnection();
    await pc.setLocalDescription(await pc.createOffer());
    if (pc === this.#pc && pc.localDescription) this.#channel?.send({ type: 'offer', sdp: pc.localDescription.sdp });
  }

  async #answer(sdp: string): Promise<void> {
    const pc = this.#newPeerConnection();
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await this.#flushIce(pc);
    await pc.setLocalDescription(await pc.createAnswer());
    if (pc === this.#pc && pc.localDescription) this.#channel?.send({ type: 'answer', sdp: pc.localDescription.sdp });
  }

  async #accept(sdp: string): Promise<void> {
    const pc = this.#pc;
    if (!pc || pc.signalingState !== 'have-local-offer') return;
    await pc.setRemoteDescription({ type: 'answer', sdp });
    await this.#flushIce(pc);
  }

  async #addIce(candidate: RTCIceCandidateInit): Promise<void> {
    const pc = this.#pc;
    if (!pc?.remoteDescription) {
      this.#pendingIce.push(candidate);
      return;
    }
    await pc.addIceCandidate(candidate).catch(() => undefined);
  }

  async #flushIce(pc: RTCPeerConnection): Promise<void> {
    const pending = this.#pendingIce;
    this.#pendingIce = [];
    for (const candidate of pending) await pc.addIceCandidate(candidate).catch(() => undefined);
  }

  #newPeerConnection(): RTCPeerConnection {
    this.#closePeerConnection();
    const pc = new RTCPeerConnection({ iceServers: this.#join.iceServers as RTCIceServer[] });
    for (const track of this.#local.getTracks()) pc.addTrack(track, this.#local);
    pc.addEventListener('icecandidate', (event) => {
      const found = event.candidate;
      if (!found || pc !== this.#pc) return;
      const { candidate, sdpMid, sdpMLineIndex, usernameFragment } = found;
      this.#channel?.send({ type: 'ice', candidate: { candidate, sdpMid, sdpMLineIndex, usernameFragment } });
    });
    pc.addEventListener('track', (event) => {
      if (pc !== this.#pc) return;
      const stream = event.streams[0] ?? this.#remote ?? new MediaStream();
      if (!stream.getTracks().includes(event.track)) stream.addTrack(event.track);
      if (stream !== this.#remote) {
        this.#remote = stream;
        this.#events.remoteStream(stream);
      }
    });
    pc.addEventListener('connectionstatechange', () => this.#onConnectionState(pc));
    this.#pc = pc;
    this.#pendingIce = [];
    return pc;
  }

  #onConnectionState(pc: RTCPeerConnection): void {
    if (pc !== this.#pc) return;
    const state = pc.connectionState;
    if (state === 'connected') {
      clearTimeout(this.#interruption);
      this.#interruption = undefined;
      this.#events.interrupted(false);
    } else if (state === 'disconnected' || state === 'failed') {
      this.#events.interrupted(true);
      if (!this.#isDoctor) return;
      // The doctor rebuilds the connection with a new offer; the patient answers it as usual.
      clearTimeout(this.#interruption);
      const rebuild = () => {
        if (pc === this.#pc && !this.#closed) this.#queue = this.#queue.then(() => this.#offer()).catch(() => undefined);
      };
      if (state === 'failed') rebuild();
      else this.#interruption = setTimeout(rebuild, INTERRUPTION_GRACE_MS);
    }
  }

  #closePeerConnection(): void {
    clearTimeout(this.#interruption);
    this.#interruption = undefined;
    if (this.#pc) {
      this.#pc.close();
      this.#pc = undefined;
    }
    this.#pendingIce = [];
    if (this.#remote) {
      this.#remote = null;
      this.#events.remoteStream(null);
    }
  }
}
