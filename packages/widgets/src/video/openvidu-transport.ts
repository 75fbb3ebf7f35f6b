import type { VideoJoin } from '@oz/contracts';
import type { Publisher, Session, Subscriber } from 'openvidu-browser';
import { RoomFullError, TransportConnectError, type CallTransport, type TransportEvents, type TransportOptions } from './transport.ts';

type OpenViduJoin = Extract<VideoJoin, { provider: 'openvidu' }>;

/** openvidu-browser weighs ~75 kB gzipped: it loads only when a room really uses OpenVidu. */
export async function createOpenViduTransport(options: TransportOptions & { join: OpenViduJoin }): Promise<CallTransport> {
  const { OpenVidu } = await import('openvidu-browser');
  const openvidu = new OpenVidu();
  openvidu.enableProdMode();
  // Our deployment's STUN/TURN servers; without them the library falls back to public STUN servers.
  if (options.join.iceServers.length > 0) {
    openvidu.setAdvancedConfiguration({ iceServers: options.join.iceServers as RTCIceServer[] });
  }
  return new OpenViduTransport(openvidu, options);
}

type OpenViduInstance = InstanceType<typeof import('openvidu-browser').OpenVidu>;

/** How long connecting to the OpenVidu server may take before the join counts as failed. */
const CONNECT_TIMEOUT_MS = 20_000;

/** The state of openvidu-browser's signaling socket; undefined before it exists. */
function socketState(internals: { getWsReadyState(): number }): number | undefined {
  try {
    return internals.getWsReadyState();
  } catch {
    return undefined;
  }
}

/** A consultation carried by an OpenVidu session: we publish our tracks, subscribe to the other's. */
class OpenViduTransport implements CallTransport {
  readonly #openvidu: OpenViduInstance;
  readonly #join: OpenViduJoin;
  readonly #local: MediaStream;
  readonly #events: TransportEvents;
  readonly #session: Session;
  #publisher: Publisher | undefined;
  #subscriber: Subscriber | undefined;
  #closed = false;

  constructor(openvidu: OpenViduInstance, options: TransportOptions & { join: OpenViduJoin }) {
    this.#openvidu = openvidu;
    this.#join = options.join;
    this.#local = options.localStream;
    this.#events = options.events;
    this.#session = openvidu.initSession();
    this.#listen();
  }

  async connect(): Promise<void> {
    // openvidu-browser never rejects connect() when its server is unreachable: it retries every
    // 3 s for 100 minutes. Its (internal) "master node crashed" flag is the one switch that stops
    // those retries, so it is on while joining, and the socket's state tells a refusal at once.
    // Once in, the flag goes off again: openvidu-browser's own reconnection then handles drops.
    const internals = this.#openvidu as unknown as { masterNodeHasCrashed: boolean; getWsReadyState(): number };
    internals.masterNodeHasCrashed = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let watch: ReturnType<typeof setInterval> | undefined;
    const failure = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new TransportConnectError('the video server did not answer')), CONNECT_TIMEOUT_MS);
      watch = setInterval(() => {
        if (socketState(internals) === WebSocket.CLOSED) reject(new TransportConnectError('the video server cannot be reached'));
      }, 250);
    });
    try {
      await Promise.race([this.#session.connect(this.#join.token, { role: this.#join.role }), failure]);
    } catch (error) {
      this.close();
      if (error instanceof TransportConnectError) throw error;
      // The server refuses a third participant with this name (OpenVidu's own wording).
      if ((error as { name?: string } | undefined)?.name === 'TOO_MANY_PARTICIPANTS') throw new RoomFullError();
      throw new TransportConnectError('the video server refused the connection', { cause: error });
    } finally {
      clearTimeout(timer);
      clearInterval(watch);
    }
    internals.masterNodeHasCrashed = false;
    const [audio] = this.#local.getAudioTracks();
    const [video] = this.#local.getVideoTracks();
    this.#publisher = await this.#openvidu.initPublisherAsync(undefined, {
      audioSource: audio ?? false,
      videoSource: video ?? false,
      publishAudio: audio?.enabled ?? false,
      publishVideo: video?.enabled ?? false,
      mirror: false,
    });
    await this.#session.publish(this.#publisher);
  }

  setMicrophone(on: boolean): void {
    for (const track of this.#local.getAudioTracks()) track.enabled = on;
    this.#publisher?.publishAudio(on);
  }

  setCamera(on: boolean): void {
    for (const track of this.#local.getVideoTracks()) track.enabled = on;
    void this.#publisher?.publishVideo(on);
  }

  async stats(): Promise<RTCStatsReport | undefined> {
    return this.#subscriber?.stream.getRTCPeerConnection()?.getStats();
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    try {
      this.#session.disconnect();
    } catch {
      // Never connected: nothing to leave.
    }
  }

  #isOwn(connectionId: string | undefined): boolean {
    return connectionId !== undefined && connectionId === this.#session.connection?.connectionId;
  }

  #listen(): void {
    const session = this.#session;
    session.on('connectionCreated', (event) => {
      if (!this.#isOwn(event.connection.connectionId)) this.#events.peer(true);
    });
    session.on('connectionDestroyed', (event) => {
      if (this.#isOwn(event.connection.connectionId)) return;
      this.#subscriber = undefined;
      this.#events.remoteStream(null);
      this.#events.peer(false);
    });
    session.on('streamCreated', (event) => {
      void session.subscribeAsync(event.stream, undefined as unknown as HTMLElement).then((subscriber) => {
        this.#subscriber = subscriber;
        this.#events.remoteStream(subscriber.stream.getMediaStream());
      });
    });
    session.on('streamDestroyed', (event) => {
      if (event.stream === this.#subscriber?.stream) {
        this.#subscriber = undefined;
        this.#events.remoteStream(null);
      }
    });
    // openvidu-browser reconnects by itself after short drops; the media stream may be new then.
    session.on('reconnecting', () => this.#events.interrupted(true));
    session.on('reconnected', () => {
      this.#events.interrupted(false);
      if (this.#subscriber) this.#events.remoteStream(this.#subscriber.stream.getMediaStream());
    });
    session.on('sessionDisconnected', (event) => {
      if (this.#closed) return;
      this.#closed = true;
      // Closed by the server is how the doctor's "end" arrives; anything else is worth a rejoin.
      if (event.reason === 'sessionClosedByServer') this.#events.ended();
      else this.#events.dropped();
    });
  }
}
