import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & { readonly renderRoot: ParentNode };

/**
 * Starts the other participant's video with play() after each render that gave it a new stream.
 * The video has no autoplay attribute, so a browser's refusal (no tap on the page yet) is seen:
 * `blocked` then asks for a big "tap to play" button, and any start of playback clears it.
 */
export class RemotePlayback implements ReactiveController {
  blocked = false;
  readonly #host: Host;
  #started: MediaProvider | null = null;

  constructor(host: Host) {
    this.#host = host;
    host.addController(this);
  }

  hostUpdated(): void {
    const video = this.#video();
    const stream = video?.srcObject ?? null;
    if (stream === this.#started) return;
    this.#started = stream;
    if (!video || !stream) return this.#setBlocked(false);
    video.play().catch((error: unknown) => {
      if ((error as { name?: string }).name === 'NotAllowedError' && video.paused) this.#setBlocked(true);
    });
  }

  /** The person tapped the button: a play() inside a tap is always allowed. */
  play = (): void => {
    // A refusal or an interrupted start changes nothing: the `playing` event hides the button.
    void this.#video()?.play().catch(() => undefined);
  };

  /** The video's `playing` event, whoever started it. */
  playing = (): void => this.#setBlocked(false);

  #video(): HTMLVideoElement | null {
    return this.#host.renderRoot.querySelector<HTMLVideoElement>('video[part~="remote-video"]');
  }

  #setBlocked(blocked: boolean): void {
    if (this.blocked === blocked) return;
    this.blocked = blocked;
    this.#host.requestUpdate();
  }
}
