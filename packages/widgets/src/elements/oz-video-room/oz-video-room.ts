import type { Consultation } from '@oz/contracts';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/client.ts';
import { ApiError } from '../../api/errors.ts';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { LoadController, loadError, loadingLine, type LoadWords } from '../../controllers/load.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import { describeError } from '../../internal/describe-error.ts';
import { isCallEnded } from '../../internal/call-ended.ts';
import { LiveNotificationsController } from '../../internal/live-notifications.ts';
import { OzElement } from '../../internal/oz-element.ts';
import type { DeviceCheck, VideoCall } from '../../video/index.ts';
import { renderAfter, type CallOutcome } from './after-view.ts';
import { CallOverlay } from './call-overlay.ts';
import { loadVideo, type VideoModule } from './load-video.ts';
import { styles } from './oz-video-room.styles.ts';
import { RemotePlayback } from './remote-playback.ts';
import { formatStart } from './room-messages.ts';
import { strings } from './strings.ts';

type View = 'check' | 'call' | 'after';

/**
 * @summary A consultation's video call. Before joining: camera preview, microphone level meter,
 * camera and microphone choice, and a connection test against the API that compares down- and
 * upstream with the program's requirements (video ≥ 2 Mbit/s, sound ≥ 512 kbit/s), suggesting
 * sound only when video would not hold. In the call: the other participant, oneself, microphone
 * and camera switches, leave, connection quality in words, automatic rejoin after a network drop;
 * the doctor also ends the consultation for both. The video code loads lazily, only here.
 *
 * @event oz-call-joined - The person joined the room. `detail: { consultationId, role }`.
 * @event oz-call-left - The person left with the leave button. `detail: { consultationId }`.
 * @event oz-call-ended - The doctor ended the call: here (`by: 'self'`) or, heard by the patient,
 *   there (`by: 'doctor'`). `detail: { consultationId, by }`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart subtitle - With whom and when.
 * @csspart call-ended - The patient's line once the doctor has ended the call, before the conclusion (instead of joining).
 * @csspart local-video - One's own picture (the preview before joining, the small picture in the call).
 * @csspart remote-video - The other participant's picture.
 * @csspart pre-join - The check before joining; `preview` is its video.
 * @csspart preview - The camera preview before joining (also `local-video`).
 * @csspart level-meter - The microphone's loudness.
 * @csspart select - The camera and microphone lists (also `camera-select`, `microphone-select`), in
 *   `devices`, the «Выбрать камеру и микрофон» disclosure (with «Войти без видео» while the
 *   connection holds video; below it, the checkbox is shown outright).
 * @csspart camera-select - The camera list (also `select`).
 * @csspart microphone-select - The microphone list (also `select`).
 * @csspart devices - The «Выбрать камеру и микрофон» disclosure with the lists.
 * @csspart connection - The internet speed check; `connection-result`, `speeds`, `verdict` inside.
 * @csspart connection-result - The result of the speed check.
 * @csspart speeds - The measured speeds.
 * @csspart verdict - Whether the connection holds video, audio only or neither.
 * @csspart audio-only-checkbox - "Join without video".
 * @csspart media-problem - Why the camera or microphone cannot be used, with steps to allow them
 *   (`help-steps` are the numbered lists).
 * @csspart help-steps - The numbered steps to allow the camera or microphone.
 * @csspart call - The call; `call-status` is its spoken status line, `quality` the connection quality.
 *   On a phone and whenever the room is narrower than 600 px it covers the screen (class `overlay`):
 *   the other side as large as the screen, oneself small in a corner, the buttons always in view.
 * @csspart call-status - The call's spoken status line.
 * @csspart quality - The connection quality.
 * @csspart controls - The call's buttons.
 * @csspart button - Every button; also `join-button`, `microphone-button`, `camera-button`,
 *   `leave-button`, `end-button`, `play-button`, `confirm-button` (ending, in the dialog; also
 *   `confirm-end-button`, its old name, for one release), `keep-button`, `rejoin-button`,
 *   `retest-button`, `retry-devices-button`, `retry-button`.
 * @csspart retry-button - Tries a failed load again.
 * @csspart join-button - «Войти в консультацию».
 * @csspart microphone-button - Turns the microphone off or on.
 * @csspart camera-button - Turns the camera off or on.
 * @csspart leave-button - Leaves the call.
 * @csspart end-button - The doctor ends the call for both (asks first).
 * @csspart play-button - Turns on the other side's video and sound when the browser held them back.
 * @csspart confirm-button - Ends the call, in the dialog (also `confirm-end-button`).
 * @csspart confirm-end-button - The old name of `confirm-button` in the end dialog, for one release.
 * @csspart keep-button - Closes the end dialog and stays in the call.
 * @csspart rejoin-button - Joins again after leaving.
 * @csspart retest-button - Checks the connection again.
 * @csspart retry-devices-button - Asks for the camera and microphone again.
 * @csspart dialog - The doctor's confirmation before ending (also `end-dialog`).
 * @csspart end-dialog - The confirmation before ending (also `dialog`).
 * @csspart after-call - What is shown after leaving or after the end; `after-text` its message.
 * @csspart after-text - Its message.
 * @csspart loading - The line while the consultation or the video code loads.
 * @csspart load-error - Why the consultation or the video code could not be loaded (its `error`
 *   text) and the `retry-button`.
 * @csspart error - Error text; `join-error` for a refused join.
 * @csspart join-error - Why a join was refused.
 * @csspart sign-in-prompt - The prompt shown to a signed-out visitor.
 *
 * @cssproperty --oz-color-primary - Buttons and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-danger - Leave and end buttons, errors (default #b3261e).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-video-background - Behind the videos (default #1b1f24).
 */
export class OzVideoRoom extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /** The consultation's id, as in GET /consultations. */
  @property({ reflect: true }) consultation?: string;

  @state() private view: View = 'check';
  @state() private outcome: CallOutcome = 'left';
  @state() private audioOnly = false;
  @state() private joining = false;
  @state() private joinError: unknown;
  @state() private videoLoadError: unknown;

  #video: VideoModule | undefined;
  #check: DeviceCheck | undefined;
  #call: VideoCall | undefined;
  /** The user and consultation the devices were opened for; another one means starting over. */
  #preparedFor: string | undefined;
  #audioOnlyChosen = false;
  #failure: unknown;

  /** True while this doctor's own end request runs: the end then counts as `by: 'self'`. */
  #endingHere = false;

  readonly #playback = new RemotePlayback(this);

  /** On a phone or in a narrow room the call covers the screen. */
  readonly #overlay = new CallOverlay(this, () => this.view === 'call' && this.#call !== undefined);

  readonly #gate = new SignInGate(this, {
    words: (t) => ({ restoring: t.common.loading, signInPrompt: t.videoRoom.signInPrompt }),
  });

  /** The doctor's "end the consultation for both"; the end button goes away with the call. */
  readonly #end = new ConfirmDialogController<string>(this, {
    selector: 'dialog[part~="end-dialog"]',
    confirm: async (consultationId) => {
      this.#endingHere = true;
      try {
        await this.#video!.endCall(this.client, consultationId);
        this.#call?.markEnded();
      } finally {
        // The call has heard of its end by now (from the request or from the room), or it failed.
        this.#endingHere = false;
      }
    },
  });

  readonly #room = new LoadController(this, {
    task: async ([id, userId, client]: readonly [string | undefined, string | undefined, ApiClient], { signal }) =>
      id && userId ? client.consultation(id, signal) : undefined,
    args: () => [this.consultation, this.user?.id, this.client] as const,
  });

  constructor() {
    super();
    // The doctor's end (or a cancel) of this consultation shows here at once: the room reloads it.
    new LiveNotificationsController(this, {
      onNotification: (notification) => {
        if (notification.data.consultationId === this.consultation) void this.#room.run();
      },
      // Back after a break in the stream: an end heard by nobody meanwhile shows now.
      onResume: () => void this.#room.run(),
    });
    // Browsers may keep an AudioContext suspended until a tap: any tap here lets the meter run.
    this.addEventListener('pointerdown', () => this.#check?.resumeAudio());
    this.addEventListener('keydown', () => this.#check?.resumeAudio());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back on the page after a removal: updated() opens the devices again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Removed from the page: the camera and microphone go off and the room is left.
    this.#teardown();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.#preparedFor !== undefined && this.#preparedFor !== this.#key) this.#teardown();
    // Waiting to join a call the doctor has ended: camera and microphone go off.
    const consultation = this.#current();
    if (this.view === 'check' && this.#preparedFor !== undefined && !this.joining && consultation && this.#waitsForConclusion(consultation)) this.#teardown();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const consultation = this.#current();
    if (this.view === 'check' && this.#preparedFor === undefined && this.#key && consultation && isOpen(consultation) && !this.#waitsForConclusion(consultation)) {
      void this.#prepare();
    }
  }

  override render(): TemplateResult {
    return html`
      <div part="base" class="oz-base room" lang=${this.locale}>
        <h2>${this.t.videoRoom.title}</h2>
        ${this.#renderBody()}
      </div>
    `;
  }

  get #key(): string | undefined {
    const userId = this.user?.id;
    return userId && this.consultation ? `${userId}/${this.consultation}` : undefined;
  }

  /** The loaded consultation, if it is the one asked for (the last one stays while another loads). */
  #current(): Consultation | undefined {
    const consultation = this.#room.value;
    return consultation?.id === this.consultation ? consultation : undefined;
  }

  #renderBody(): unknown {
    const v = this.t.videoRoom;
    if (!this.consultation) return html`<p part="error">${v.noConsultation}</p>`;
    const gate = this.#gate.render();
    if (gate) return gate;
    return this.#room.render(this.#loadWords(v.loading), () => {
      const consultation = this.#current();
      if (!consultation) return loadingLine(v.loading);
      return html`${this.#renderSubtitle(consultation)}${this.#renderStage(consultation)}`;
    });
  }

  #loadWords(loading: string): LoadWords {
    const v = this.t.videoRoom;
    return {
      loading,
      retry: v.retry,
      describe: (error) => (error instanceof ApiError && error.code === 'not_found' ? v.notFound : describeError(this.t, error)),
    };
  }

  #renderSubtitle(consultation: Consultation): TemplateResult {
    const v = this.t.videoRoom;
    const isDoctor = this.user?.role === 'doctor';
    return html`
      <p part="subtitle" class="subtitle">
        <span>${isDoctor ? v.withPatient(consultation.patientName) : v.withDoctor(consultation.doctorName)}</span>
        <span>${v.startsAt(formatStart(this.locale, consultation.startsAt))}</span>
      </p>
    `;
  }

  #renderStage(consultation: Consultation): TemplateResult {
    const v = this.t.videoRoom;
    if (this.view === 'after') {
      return renderAfter({
        t: this.t,
        locale: this.locale,
        outcome: this.outcome,
        isDoctor: this.user?.role === 'doctor',
        failure: this.#failure,
        onRejoin: this.#backToCheck,
      });
    }
    const parts = this.#video;
    if (this.view === 'call' && this.#call && parts) {
      return html`
        ${parts.renderCall({
          t: this.t,
          call: this.#call,
          localStream: this.#check?.stream ?? null,
          playBlocked: this.#playback.blocked,
          onPlay: this.#playback.play,
          onPlaying: this.#playback.playing,
          onMicrophone: this.#toggleMicrophone,
          onCamera: this.#toggleCamera,
          onLeave: this.#leave,
          onEnd: (event) => void this.#end.show(consultation.id, event),
          overlay: this.#overlay.wanted,
        })}
        ${this.#call.role === 'doctor' ? parts.renderEndDialog({ t: this.t, dialog: this.#end }) : nothing}
      `;
    }
    if (consultation.status === 'cancelled') return html`<p role="status">${v.cancelled}</p>`;
    if (consultation.status === 'completed') return html`<p role="status">${v.completed}</p>`;
    if (this.#waitsForConclusion(consultation)) return html`<p role="status" part="call-ended">${this.t.domain.callEnded}</p>`;
    if (this.videoLoadError !== undefined) return loadError(this.#loadWords(v.loadingVideo), this.videoLoadError, this.#retryVideo);
    if (!parts) return loadingLine(v.loadingVideo);
    return parts.renderPreJoin({
      t: this.t,
      locale: this.locale,
      check: this.#check,
      audioOnly: this.audioOnly || (this.#check?.cameraMissing ?? false),
      joining: this.joining,
      joinError: this.joinError,
      onCamera: (id) => void this.#check?.chooseCamera(id),
      onMicrophone: (id) => void this.#check?.chooseMicrophone(id),
      onRetryDevices: () => void this.#check?.retry(),
      onRetest: () => void this.#check?.testConnection(),
      onAudioOnly: (audioOnly) => {
        this.#audioOnlyChosen = true;
        this.audioOnly = audioOnly;
      },
      onJoin: this.#join,
    });
  }

  /** The video code did not come: updated() loads it again once the error is gone. */
  #retryVideo = (): void => {
    this.videoLoadError = undefined;
    this.#preparedFor = undefined;
  };

  /** Loads the video code, then opens the camera and microphone and measures the connection. */
  async #prepare(): Promise<void> {
    const key = this.#key;
    this.#preparedFor = key;
    let video: VideoModule;
    try {
      video = await loadVideo();
    } catch (error) {
      if (this.#preparedFor === key) this.videoLoadError = error;
      return;
    }
    if (this.#preparedFor !== key || !this.isConnected) return;
    this.#video = video;
    const check = new video.DeviceCheck({
      speedTestTarget: () => ({ origin: this.apiOrigin, token: this.client.currentToken() }),
      onLevel: this.#showLevel,
      onChange: () => this.#onCheckChange(check),
    });
    this.#check = check;
    this.requestUpdate();
    await check.start();
  }

  #onCheckChange(check: DeviceCheck): void {
    if (check !== this.#check) return;
    // Sound only is suggested by ticking the box; a person's own choice is never overridden.
    const verdict = check.connection.result?.verdict;
    if (verdict && !this.#audioOnlyChosen) this.audioOnly = verdict !== 'video';
    this.requestUpdate();
  }

  /** Ten times a second: written straight into the meter rather than re-rendering everything. */
  #showLevel = (level: number): void => {
    const meter = this.renderRoot.querySelector<HTMLMeterElement>('meter[part~="level-meter"]');
    if (meter) meter.value = level;
  };

  #join = async (): Promise<void> => {
    const check = this.#check;
    const video = this.#video;
    const consultationId = this.consultation;
    if (!check?.stream || !video || !consultationId || this.joining) return;
    this.joining = true;
    this.joinError = undefined;
    const call: VideoCall = new video.VideoCall({
      client: this.client,
      consultationId,
      localStream: check.stream,
      microphoneOn: true,
      cameraOn: !this.audioOnly && !check.cameraMissing,
      onChange: () => this.#onCallChange(call),
    });
    this.#call = call;
    try {
      await call.join();
    } catch (error) {
      if (this.#call === call) {
        this.#call = undefined;
        this.joinError = error;
        this.joining = false;
        // The doctor ended the call meanwhile: reloaded, the room says so instead of the join button.
        if (error instanceof ApiError && error.code === 'call_ended') void this.#room.run();
      }
      return;
    }
    if (this.#call !== call) return;
    this.joining = false;
    // Ended or replaced while connecting: say so instead of showing an empty call.
    if (call.phase !== 'in-call') return this.#finish(call.phase as CallOutcome, call.failure);
    check.stopMeter();
    this.view = 'call';
    this.emit('oz-call-joined', { consultationId, role: call.role ?? (this.user?.role === 'doctor' ? 'doctor' : 'patient') });
    await this.#focusView();
    // In the page (a desktop), the call is sized to the window: brought fully into view, its buttons are too.
    if (!this.#overlay.wanted) this.renderRoot.querySelector('[part~="call"]')?.scrollIntoView({ block: 'nearest' });
  };

  #onCallChange(call: VideoCall): void {
    if (call !== this.#call) return;
    const terminal = call.phase === 'left' || call.phase === 'ended' || call.phase === 'replaced' || call.phase === 'failed';
    // While the first join runs, #join decides what to show when it returns.
    if (terminal && !this.joining) return this.#finish(call.phase as CallOutcome, call.failure);
    this.requestUpdate();
  }

  /** The call is over: camera and microphone off, then say what happened. */
  #finish(outcome: CallOutcome, failure: unknown): void {
    const consultationId = this.consultation!;
    this.#call = undefined;
    this.#check?.stop();
    this.#check = undefined;
    this.#failure = failure;
    this.outcome = outcome;
    this.view = 'after';
    if (outcome === 'ended') this.emit('oz-call-ended', { consultationId, by: this.#endingHere ? 'self' : 'doctor' });
    void this.#focusView();
  }

  #leave = (): void => {
    const consultationId = this.consultation!;
    this.#call?.leave();
    this.emit('oz-call-left', { consultationId });
  };

  #backToCheck = (): void => {
    this.view = 'check';
    this.joinError = undefined;
    this.#preparedFor = undefined;
    void this.#focusView();
  };

  #toggleMicrophone = (): void => {
    const call = this.#call;
    call?.setMicrophone(!call.microphoneOn);
  };

  #toggleCamera = (): void => {
    const call = this.#call;
    call?.setCamera(!call.cameraOn);
  };

  #teardown(): void {
    this.#call?.dispose();
    this.#call = undefined;
    this.#check?.stop();
    this.#check = undefined;
    this.#preparedFor = undefined;
    this.view = 'check';
    this.joining = false;
    this.joinError = undefined;
    this.#audioOnlyChosen = false;
    this.audioOnly = false;
  }

  /** The patient's side after the doctor ended the call and before the conclusion: nothing to join. */
  #waitsForConclusion(consultation: Consultation): boolean {
    return this.user?.role !== 'doctor' && isCallEnded(consultation);
  }

  /** After a view swaps, the focused control is gone: move focus to the new view's heading. */
  #focusView(): Promise<void> {
    return this.focusAfterUpdate('[data-focus-target]');
  }
}

/** A room can only open for a consultation that is neither cancelled nor completed. */
function isOpen(consultation: Consultation): boolean {
  return consultation.status === 'scheduled' || consultation.status === 'in_progress';
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-video-room': OzVideoRoom;
  }
}
