/**
 * The microphone's loudness, 0…1, reported about ten times a second so a bar can show that the
 * microphone hears the person. Reports go straight to a callback: re-rendering a whole element ten
 * times a second would be wasteful on old phones.
 */
export class LevelMeter {
  readonly #context: AudioContext;
  readonly #analyser: AnalyserNode;
  readonly #source: MediaStreamAudioSourceNode;
  readonly #samples: Float32Array<ArrayBuffer>;
  readonly #timer: ReturnType<typeof setInterval>;

  constructor(stream: MediaStream, onLevel: (level: number) => void) {
    this.#context = new AudioContext();
    this.#analyser = this.#context.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#samples = new Float32Array(this.#analyser.fftSize);
    this.#source = this.#context.createMediaStreamSource(stream);
    this.#source.connect(this.#analyser);
    this.#timer = setInterval(() => onLevel(this.#read()), 100);
  }

  /** Browsers may start an AudioContext suspended until the person taps something: try again then. */
  resume(): void {
    if (this.#context.state === 'suspended') void this.#context.resume().catch(() => undefined);
  }

  get running(): boolean {
    return this.#context.state === 'running';
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#source.disconnect();
    void this.#context.close().catch(() => undefined);
  }

  /** Root mean square of the last samples, scaled so that ordinary speech fills most of the bar. */
  #read(): number {
    this.#analyser.getFloatTimeDomainData(this.#samples);
    let sum = 0;
    for (const sample of this.#samples) sum += sample * sample;
    const rms = Math.sqrt(sum / this.#samples.length);
    return Math.min(1, rms * 4);
  }
}
