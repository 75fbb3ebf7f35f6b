import type { Consultation, SignalFromClient, SignalFromServer, VideoJoin } from '@oz/contracts';
import { callApi, registerPatient } from './api.ts';
import { applyToBakulev, staffToken } from './consultations.ts';

/** Test helpers for <oz-video-room>: consultations whose room is open, and a scripted other side. */

/**
 * A registered patient with a consultation with the demo Bakulev doctor starting in a couple of
 * minutes, so its video room is open (from 15 minutes before the start). The doctor is shared by
 * every test of the run: a consultation of an earlier test in the way is cancelled.
 */
export async function consultationStartingSoon(minutesAhead = 2) {
  const { patient, auth } = await registerPatient();
  const application = await applyToBakulev(auth.token);
  const doctorToken = await staffToken();
  const startsAt = new Date(Date.now() + minutesAhead * 60_000).toISOString();
  for (let attempt = 0; attempt < 5; attempt++) {
    const { status, body } = await callApi('POST', `/applications/${application.id}/schedule`, {
      token: doctorToken,
      body: { startsAt, durationMinutes: 10 },
    });
    if (status === 200 || status === 201) return { patient, auth, doctorToken, consultation: body as Consultation };
    const busy = (body as { error?: { details?: { consultationId?: string } } }).error?.details?.consultationId;
    if (status !== 409 || !busy) throw new Error(`schedule failed: ${status} ${JSON.stringify(body)}`);
    await callApi('POST', `/consultations/${busy}/cancel`, { token: doctorToken, body: {} });
  }
  throw new Error('schedule failed: the doctor stayed busy');
}

/**
 * The other participant, scripted with a plain RTCPeerConnection and the fake camera: it joins
 * the embedded room through the real API and signaling server and follows the element's rules
 * (the doctor offers, the patient answers).
 */
export class TestPeer {
  readonly received: SignalFromServer[] = [];
  readonly closed: Promise<number>;
  pc: RTCPeerConnection | undefined;
  #pendingIce: RTCIceCandidateInit[] = [];

  private constructor(
    readonly join: Extract<VideoJoin, { provider: 'embedded' }>,
    readonly stream: MediaStream,
    readonly socket: WebSocket,
  ) {
    this.closed = new Promise((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
    socket.addEventListener('message', (event) => void this.#onMessage(JSON.parse(String(event.data)) as SignalFromServer));
  }

  static async join(token: string, consultationId: string): Promise<TestPeer> {
    const { status, body } = await callApi('POST', `/consultations/${consultationId}/video`, { token });
    if (status !== 200) throw new Error(`join failed: ${status} ${JSON.stringify(body)}`);
    const join = body as VideoJoin;
    if (join.provider !== 'embedded') throw new Error('the test server should use the embedded provider');
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    const peer = new TestPeer(join, stream, new WebSocket(join.url));
    await peer.next('welcome');
    return peer;
  }

  /** Waits for (and takes) the next message of a type from the server. */
  async next<T extends SignalFromServer['type']>(type: T, timeout = 10_000): Promise<Extract<SignalFromServer, { type: T }>> {
    for (const started = Date.now(); Date.now() - started < timeout; ) {
      const index = this.received.findIndex((message) => message.type === type);
      if (index >= 0) return this.received.splice(index, 1)[0] as Extract<SignalFromServer, { type: T }>;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`no ${type} message; got ${JSON.stringify(this.received.map((m) => m.type))}`);
  }

  /** Video frames decoded from the element's camera: proof that its media really arrives. */
  async framesDecoded(): Promise<number> {
    let frames = 0;
    (await this.pc?.getStats())?.forEach((stat: { type: string; kind?: string; framesDecoded?: number }) => {
      if (stat.type === 'inbound-rtp' && stat.kind === 'video') frames += stat.framesDecoded ?? 0;
    });
    return frames;
  }

  /** Leaves like the element does: a `leave` message, then the socket closes. */
  leave(): void {
    this.#send({ type: 'leave' });
    this.socket.close();
    this.pc?.close();
    for (const track of this.stream.getTracks()) track.stop();
  }

  async #onMessage(message: SignalFromServer): Promise<void> {
    this.received.push(message);
    const offers = this.join.role === 'doctor';
    if (offers && ((message.type === 'welcome' && message.peer) || message.type === 'peer-joined')) await this.#offer();
    if (!offers && message.type === 'offer') await this.#answer(message.sdp);
    if (message.type === 'answer') await this.pc?.setRemoteDescription({ type: 'answer', sdp: message.sdp });
    if (message.type === 'answer') await this.#flushIce();
    if (message.type === 'ice') {
      if (this.pc?.remoteDescription) await this.pc.addIceCandidate(message.candidate);
      else this.#pendingIce.push(message.candidate);
    }
  }

  #newPeerConnection(): RTCPeerConnection {
    this.pc?.close();
    const pc = new RTCPeerConnection({ iceServers: this.join.iceServers as RTCIceServer[] });
    for (const track of this.stream.getTracks()) pc.addTrack(track, this.stream);
    pc.addEventListener('icecandidate', ({ candidate }) => {
      if (!candidate || pc !== this.pc) return;
      this.#send({ type: 'ice', candidate: { candidate: candidate.candidate, sdpMid: candidate.sdpMid, sdpMLineIndex: candidate.sdpMLineIndex } });
    });
    this.pc = pc;
    this.#pendingIce = [];
    return pc;
  }

  async #offer(): Promise<void> {
    const pc = this.#newPeerConnection();
    await pc.setLocalDescription(await pc.createOffer());
    this.#send({ type: 'offer', sdp: pc.localDescription!.sdp });
  }

  async #answer(sdp: string): Promise<void> {
    const pc = this.#newPeerConnection();
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await this.#flushIce();
    await pc.setLocalDescription(await pc.createAnswer());
    this.#send({ type: 'answer', sdp: pc.localDescription!.sdp });
  }

  async #flushIce(): Promise<void> {
    const pending = this.#pendingIce;
    this.#pendingIce = [];
    for (const candidate of pending) await this.pc?.addIceCandidate(candidate);
  }

  #send(message: SignalFromClient): void {
    if (this.socket.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(message));
  }
}

/** Whether a video element shows moving pictures: it has a size and its clock advances. */
export async function isPlaying(video: HTMLVideoElement | null | undefined, within = 500): Promise<boolean> {
  if (!video || video.videoWidth === 0) return false;
  const before = video.currentTime;
  await new Promise((resolve) => setTimeout(resolve, within));
  return video.currentTime > before;
}

/** Counts the WebSockets the page opens, so a test can see (and cut) the element's signaling. */
export function watchWebSockets(): { opened: WebSocket[]; restore: () => void } {
  const Original = window.WebSocket;
  const opened: WebSocket[] = [];
  class Watched extends Original {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      opened.push(this);
    }
  }
  window.WebSocket = Watched;
  return { opened, restore: () => (window.WebSocket = Original) };
}

/** Replaces window.fetch for matching requests; everything else goes to the network as usual. */
export function interceptFetch(
  handle: (url: string, init: RequestInit | undefined, original: typeof fetch) => Promise<Response> | undefined,
): () => void {
  const original = window.fetch;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    return handle(url, init, original.bind(window)) ?? original(input, init);
  };
  return () => (window.fetch = original);
}
