import { measureConnection, type ConnectionResult, type SpeedTestTarget } from './connection-test.ts';
import { LevelMeter } from './level-meter.ts';
import { acquireMedia, classifyMediaError, listDevices, stopStream, type DeviceChoice, type MediaProblem } from './media.ts';

export type DeviceStatus = 'starting' | 'ready' | 'failed';

export interface ConnectionCheck {
  status: 'idle' | 'measuring' | 'done' | 'failed';
  result?: ConnectionResult;
  error?: unknown;
}

export interface DeviceCheckOptions {
  /** Where and with which token to run the connection test. */
  speedTestTarget: () => SpeedTestTarget;
  /** The microphone's loudness, 0…1, ten times a second. */
  onLevel: (level: number) => void;
  /** Called after every change of the public state. */
  onChange: () => void;
}

/**
 * The check before joining: opens the camera and the microphone (the preview and the level meter
 * show they work), lists the devices to choose from, and measures the connection. It owns the
 * camera and microphone for the whole visit, the call included: stop() turns them off.
 */
export class DeviceCheck {
  status: DeviceStatus = 'starting';
  problem: MediaProblem | undefined;
  stream: MediaStream | null = null;
  cameraMissing = false;
  cameras: MediaDeviceInfo[] = [];
  microphones: MediaDeviceInfo[] = [];
  cameraId: string | undefined;
  microphoneId: string | undefined;
  connection: ConnectionCheck = { status: 'idle' };

  readonly #options: DeviceCheckOptions;
  #meter: LevelMeter | undefined;
  #speedTest: AbortController | undefined;
  /** Bumped by every (re)opening and by stop(): a slower, older getUserMedia is then discarded. */
  #generation = 0;
  #stopped = false;

  constructor(options: DeviceCheckOptions) {
    this.#options = options;
    navigator.mediaDevices?.addEventListener?.('devicechange', this.#refreshDevices);
  }

  /** Opens the devices, then measures the connection (in parallel with the person looking). */
  async start(): Promise<void> {
    await this.#open({});
    if (!this.#stopped) void this.testConnection();
  }

  retry(): Promise<void> {
    return this.#open({ cameraId: this.cameraId, microphoneId: this.microphoneId });
  }

  chooseCamera(cameraId: string): Promise<void> {
    return this.#open({ cameraId, microphoneId: this.microphoneId });
  }

  chooseMicrophone(microphoneId: string): Promise<void> {
    return this.#open({ cameraId: this.cameraId, microphoneId });
  }

  async testConnection(): Promise<void> {
    this.#speedTest?.abort();
    const controller = new AbortController();
    this.#speedTest = controller;
    this.#set({ connection: { status: 'measuring' } });
    try {
      const result = await measureConnection(this.#options.speedTestTarget(), controller.signal);
      if (!controller.signal.aborted) this.#set({ connection: { status: 'done', result } });
    } catch (error) {
      if (!controller.signal.aborted) this.#set({ connection: { status: 'failed', error } });
    }
  }

  /** An AudioContext may start suspended until a tap on the page: call this from one. */
  resumeAudio(): void {
    this.#meter?.resume();
  }

  get meterRunning(): boolean {
    return this.#meter?.running ?? false;
  }

  /** The level meter is for the check only; in the call it would only cost battery. */
  stopMeter(): void {
    this.#meter?.stop();
    this.#meter = undefined;
  }

  /** Turns the camera and microphone off and stops measuring. */
  stop(): void {
    this.#stopped = true;
    this.#generation += 1;
    this.#speedTest?.abort();
    this.#release();
    navigator.mediaDevices?.removeEventListener?.('devicechange', this.#refreshDevices);
  }

  async #open(choice: DeviceChoice): Promise<void> {
    const generation = ++this.#generation;
    this.#release();
    this.#set({ status: 'starting', problem: undefined });
    try {
      const { stream, cameraMissing } = await acquireMedia(choice);
      if (generation !== this.#generation) return stopStream(stream);
      const [video] = stream.getVideoTracks();
      const [audio] = stream.getAudioTracks();
      this.stream = stream;
      this.cameraMissing = cameraMissing;
      this.cameraId = video?.getSettings().deviceId ?? choice.cameraId;
      this.microphoneId = audio?.getSettings().deviceId ?? choice.microphoneId;
      this.#meter = new LevelMeter(stream, this.#options.onLevel);
      Object.assign(this, await listDevices());
      if (generation !== this.#generation) return;
      this.#set({ status: 'ready' });
    } catch (error) {
      if (generation !== this.#generation) return;
      this.#set({ status: 'failed', problem: classifyMediaError(error) });
    }
  }

  #refreshDevices = async (): Promise<void> => {
    if (this.status !== 'ready') return;
    Object.assign(this, await listDevices());
    this.#options.onChange();
  };

  #release(): void {
    this.#meter?.stop();
    this.#meter = undefined;
    stopStream(this.stream);
    this.stream = null;
  }

  #set(changes: Partial<Pick<DeviceCheck, 'status' | 'problem' | 'connection'>>): void {
    Object.assign(this, changes);
    this.#options.onChange();
  }
}
