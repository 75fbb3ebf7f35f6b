import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import type { ConnectionCheck, DeviceCheck } from '../../video/index.ts';
import { renderMediaHelp } from './media-help.ts';
import { describeJoinError, formatSpeed } from './room-messages.ts';

export interface PreJoinContext {
  t: Translation;
  locale: Lang;
  /** Undefined while the video code loads. */
  check: DeviceCheck | undefined;
  audioOnly: boolean;
  joining: boolean;
  joinError: unknown;
  onCamera: (deviceId: string) => void;
  onMicrophone: (deviceId: string) => void;
  onRetryDevices: () => void;
  onRetest: () => void;
  onAudioOnly: (audioOnly: boolean) => void;
  onJoin: () => void;
}

/** The check before joining: preview, level meter, devices, connection test, the join button. */
export function renderPreJoin(ctx: PreJoinContext): TemplateResult {
  const { t, check } = ctx;
  const v = t.videoRoom;
  const ready = check?.status === 'ready';
  return html`
    <section part="pre-join" class="pre-join" aria-labelledby="check-title">
      <h3 id="check-title" tabindex="-1" data-focus-target>${v.checkTitle}</h3>
      <p class="intro">${v.checkIntro}</p>
      ${check?.status === 'failed' && check.problem
        ? renderMediaHelp(t, check.problem, ctx.onRetryDevices)
        : renderDevices(ctx, check)}
      ${check ? renderConnection(ctx, check.connection) : nothing}
      ${ready && !check.cameraMissing && audioSuggested(check) ? audioOnlyField(ctx) : nothing}
      <!-- On one line: whitespace inside would defeat :empty and show an empty error bar. -->
      <div role="alert" part="error join-error" class="form-error">${ctx.joinError === undefined ? nothing : describeJoinError(t, ctx.locale, ctx.joinError)}</div>
      <button
        type="button"
        part="button join-button"
        class="primary wide join"
        ?disabled=${!ready || ctx.joining}
        @click=${ctx.onJoin}
      >
        ${ctx.joining ? v.joining : v.join}
      </button>
    </section>
  `;
}

function renderDevices(ctx: PreJoinContext, check: DeviceCheck | undefined): TemplateResult {
  const v = ctx.t.videoRoom;
  const starting = !check || check.status === 'starting';
  return html`
    <div class="preview-frame">
      <video
        part="local-video preview"
        class="mirrored"
        aria-label=${v.previewLabel}
        .srcObject=${live(check?.stream ?? null)}
        ?hidden=${!check?.stream || check.cameraMissing}
        autoplay
        muted
        playsinline
      ></video>
      <p class="img-alt">${v.previewLabel}</p>
      ${starting ? html`<p class="preview-note" aria-busy="true">${check ? v.startingDevices : v.loadingVideo}</p>` : nothing}
      ${check?.cameraMissing ? html`<p class="preview-note">${v.cameraMissing}</p>` : nothing}
    </div>
    <div class="level">
      <label for="level-meter">${v.level}</label>
      <meter id="level-meter" part="level-meter" min="0" max="1" low="0.05" high="0.9" optimum="0.5" value="0"></meter>
      <p class="hint">${v.levelHint}</p>
    </div>
    ${check && check.status === 'ready'
      ? html`
          <details part="devices" class="devices">
            <summary>${v.chooseDevices}</summary>
            ${check.cameraMissing
              ? nothing
              : deviceSelect('camera', v.camera, check.cameras, check.cameraId, v.cameraNumber, ctx.onCamera)}
            ${deviceSelect('microphone', v.microphone, check.microphones, check.microphoneId, v.microphoneNumber, ctx.onMicrophone)}
            ${check.cameraMissing || audioSuggested(check) ? nothing : audioOnlyField(ctx)}
          </details>
        `
      : nothing}
  `;
}

/**
 * Sound only is offered outright when the connection is too weak for video (and ticked for the
 * person); otherwise it waits with the device choice, which keeps the check within one phone screen.
 */
function audioSuggested(check: DeviceCheck): boolean {
  const verdict = check.connection.result?.verdict;
  return verdict !== undefined && verdict !== 'video';
}

function audioOnlyField(ctx: PreJoinContext): TemplateResult {
  return html`
    <div class="checkbox-field">
      <input
        type="checkbox"
        id="audio-only"
        part="audio-only-checkbox"
        .checked=${ctx.audioOnly}
        @change=${(event: Event) => ctx.onAudioOnly((event.target as HTMLInputElement).checked)}
      />
      <label for="audio-only">${ctx.t.videoRoom.audioOnly}</label>
    </div>
  `;
}

function deviceSelect(
  name: 'camera' | 'microphone',
  label: string,
  devices: readonly MediaDeviceInfo[],
  selected: string | undefined,
  fallbackLabel: (n: number) => string,
  onChoose: (deviceId: string) => void,
): TemplateResult {
  return html`
    <div class="field">
      <label for="${name}-select">${label}</label>
      <select
        id="${name}-select"
        name=${name}
        part="select ${name}-select"
        @change=${(event: Event) => onChoose((event.target as HTMLSelectElement).value)}
      >
        ${devices.map(
          (device, index) => html`
            <option value=${device.deviceId} ?selected=${device.deviceId === selected}>${device.label || fallbackLabel(index + 1)}</option>
          `,
        )}
      </select>
    </div>
  `;
}

function renderConnection(ctx: PreJoinContext, connection: ConnectionCheck): TemplateResult {
  const { t, locale } = ctx;
  const v = t.videoRoom;
  const result = connection.result;
  return html`
    <section part="connection" class="connection" aria-labelledby="connection-title">
      <h4 id="connection-title">${v.connectionTitle}</h4>
      <div role="status" part="connection-result" class="connection-result verdict-${result?.verdict ?? connection.status}">
        ${connection.status === 'measuring' || connection.status === 'idle' ? html`<p>${v.measuring}</p>` : nothing}
        ${connection.status === 'failed' ? html`<p>${v.connectionFailed}</p>` : nothing}
        ${result
          ? html`
              <p part="verdict" class="verdict">
                ${result.verdict === 'video' ? v.connectionVideo : result.verdict === 'audio' ? v.connectionAudio : v.connectionPoor}
              </p>
              <p part="speeds" class="speeds">${v.speeds(formatSpeed(t, locale, result.downKbps), formatSpeed(t, locale, result.upKbps))}</p>
            `
          : nothing}
      </div>
      ${connection.status === 'failed' || (connection.status === 'done' && result?.verdict !== 'video')
        ? html`<button type="button" part="button retest-button" @click=${ctx.onRetest}>${v.testAgain}</button>`
        : nothing}
    </section>
  `;
}
