import { html, nothing, svg, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { Translation } from '../../i18n/index.ts';
import type { VideoCall } from '../../video/index.ts';

export interface CallContext {
  t: Translation;
  call: VideoCall;
  localStream: MediaStream | null;
  /** The browser refused to start the remote video without a tap. */
  playBlocked: boolean;
  onPlay: () => void;
  /** The remote video started playing, whoever started it. */
  onPlaying: () => void;
  onMicrophone: () => void;
  onCamera: () => void;
  onLeave: () => void;
  onEnd: (event: Event) => void;
  /** Over the whole screen (a phone, a narrow room): see CallOverlay. */
  overlay: boolean;
}

/**
 * The call: the other participant large, oneself small, the status, the quality and big controls.
 * The controls say one short word each under their icon; the microphone and camera are switches
 * (aria-pressed while on, crossed out and tinted while off), leaving and ending carry their full
 * names for screen readers.
 */
export function renderCall(ctx: CallContext): TemplateResult {
  const { t, call } = ctx;
  const v = t.videoRoom;
  const other = call.role === 'doctor' ? v.patientWord : v.doctorWord;
  return html`
    <section
      part="call"
      class="call ${ctx.overlay ? 'overlay' : ''}"
      aria-labelledby="call-title"
      popover=${ctx.overlay ? 'manual' : nothing}
      role=${ctx.overlay ? 'dialog' : nothing}
      aria-modal=${ctx.overlay ? 'true' : nothing}
    >
      <h3 id="call-title" tabindex="-1" data-focus-target>${v.callTitle}</h3>
      <p role="status" part="call-status" class="call-status ${call.phase === 'reconnecting' || call.interrupted ? 'warning' : ''}">
        ${statusText(t, call)}
      </p>
      <div class="stage">
        <!-- No autoplay: the element calls play() itself, so a refusal is seen and offered as a tap.
             live(): Lit re-sets object bindings on every render, and each srcObject assignment
             restarts the video (aborting play()); live() assigns only a different stream. -->
        <video
          part="remote-video"
          class="remote"
          aria-label=${v.remoteVideo(other)}
          .srcObject=${live(call.remoteStream)}
          ?hidden=${!call.remoteStream}
          playsinline
          @playing=${ctx.onPlaying}
        ></video>
        ${call.remoteStream ? nothing : html`<div class="remote-placeholder" aria-hidden="true">${personIcon}</div>`}
        ${ctx.playBlocked && call.remoteStream
          ? html`<button type="button" part="button play-button" class="primary play" @click=${ctx.onPlay}>${v.tapToPlay}</button>`
          : nothing}
        <div class="self">
          <video
            part="local-video"
            class="mirrored"
            aria-label=${v.localVideo}
            .srcObject=${live(ctx.localStream)}
            ?hidden=${!call.cameraOn}
            autoplay
            muted
            playsinline
          ></video>
          ${call.cameraOn ? nothing : html`<p class="self-off">${v.cameraIsOff}</p>`}
        </div>
      </div>
      <!-- The line's room is kept while nobody is there to measure: the buttons do not jump down
           (below a desktop window's edge) when the other side arrives. -->
      <div class="quality-slot">${renderQuality(t, call)}</div>
      <div part="controls" class="controls">
        <button
          type="button"
          part="button microphone-button"
          class="control ${call.microphoneOn ? '' : 'off'}"
          aria-pressed=${call.microphoneOn ? 'true' : 'false'}
          @click=${ctx.onMicrophone}
        >
          ${call.microphoneOn ? micIcon : micOffIcon}<span>${v.microphone}</span>
        </button>
        <button
          type="button"
          part="button camera-button"
          class="control ${call.cameraOn ? '' : 'off'}"
          aria-pressed=${call.cameraOn ? 'true' : 'false'}
          ?disabled=${!ctx.localStream?.getVideoTracks().length}
          @click=${ctx.onCamera}
        >
          ${call.cameraOn ? cameraIcon : cameraOffIcon}<span>${v.camera}</span>
        </button>
        <button type="button" part="button leave-button" class="control leave" aria-label=${v.leave} @click=${ctx.onLeave}>
          ${leaveIcon}<span>${v.leaveShort}</span>
        </button>
        ${call.role === 'doctor'
          ? html`<button type="button" part="button end-button" class="control end" aria-label=${v.end} @click=${ctx.onEnd}>
              ${endIcon}<span>${v.endShort}</span>
            </button>`
          : nothing}
      </div>
    </section>
  `;
}

/** One sentence about where the call stands; the role=status region reads each change aloud. */
function statusText(t: Translation, call: VideoCall): string {
  const v = t.videoRoom;
  const doctorOnOtherSide = call.role !== 'doctor';
  if (call.phase === 'joining') return v.joining;
  if (call.phase === 'reconnecting') return v.reconnecting;
  if (call.interrupted) return v.interrupted;
  if (!call.peerPresent) {
    if (call.news === 'peer-left') return doctorOnOtherSide ? v.doctorLeft : v.patientLeft;
    return doctorOnOtherSide ? v.waitingForDoctor : v.waitingForPatient;
  }
  if (call.news === 'reconnected') return v.reconnected;
  if (call.news === 'peer-joined') return doctorOnOtherSide ? v.doctorJoined : v.patientJoined;
  return v.inCall;
}

/** Words first ("хорошее / среднее / плохое"); the bars only repeat them for a quick glance. */
function renderQuality(t: Translation, call: VideoCall): TemplateResult | typeof nothing {
  if (call.phase !== 'in-call' || !call.peerPresent) return nothing;
  const v = t.videoRoom;
  const level = call.quality;
  const bars = level === 'good' ? 3 : level === 'fair' ? 2 : level === 'poor' ? 1 : 0;
  return html`
    <p part="quality" class="quality quality-${level ?? 'unknown'}" data-quality=${level ?? ''}>
      <span class="bars" aria-hidden="true">
        ${[1, 2, 3].map((n) => html`<span class="bar ${n <= bars ? 'on' : ''}"></span>`)}
      </span>
      <span class="quality-words">${level ? v.quality(v.qualityLevels[level]) : v.qualityMeasuring}</span>
    </p>
  `;
}

const icon = (content: TemplateResult) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${content}</svg>`;
const micIcon = icon(svg`<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1A7 7 0 0 0 19 11z"/>`);
const micOffIcon = icon(svg`<path d="M19 11h-2c0 .7-.1 1.4-.4 2l1.5 1.5c.6-1 .9-2.2.9-3.5zM15 11.2V5a3 3 0 0 0-5.9-.8zM4.3 3 3 4.3l6 6V11a3 3 0 0 0 4.3 2.7l1.6 1.6A5 5 0 0 1 7 11H5a7 7 0 0 0 6 6.9V21h2v-3.1c1-.1 1.9-.5 2.7-1L19.7 21 21 19.7z"/>`);
const cameraIcon = icon(svg`<path d="M17 10.5V7a1 1 0 0 0-1-1H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12a1 1 0 0 0 1-1v-3.5l4 4v-11z"/>`);
const cameraOffIcon = icon(svg`<path d="M21 6.5l-4 4V7a1 1 0 0 0-1-1H9.8L21 17.2zM3.3 2 2 3.3 4.7 6H4a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h12c.2 0 .4-.1.5-.2l3.2 3.2 1.3-1.3z"/>`);
const leaveIcon = icon(svg`<path d="M10 17l1.4-1.4-2.6-2.6H20v-2H8.8l2.6-2.6L10 7l-5 5zM4 5h7V3H4a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h7v-2H4z"/>`);
const endIcon = icon(svg`<path d="M12 9c-1.6 0-3.1.3-4.6.7v3.1c0 .4-.2.7-.6.9-.9.5-1.8 1-2.5 1.7-.2.2-.4.3-.7.3s-.5-.1-.7-.3L.3 12.9a1 1 0 0 1 0-1.4C3.3 8.7 7.5 7 12 7s8.7 1.7 11.7 4.5a1 1 0 0 1 0 1.4l-2.5 2.5c-.2.2-.4.3-.7.3s-.5-.1-.7-.3c-.8-.7-1.6-1.2-2.5-1.7a1 1 0 0 1-.6-.9V9.7C15.1 9.3 13.6 9 12 9z"/>`);
const personIcon = icon(svg`<path d="M12 12a4 4 0 1 0-4-4 4 4 0 0 0 4 4zm0 2c-2.7 0-8 1.3-8 4v2h16v-2c0-2.7-5.3-4-8-4z"/>`);
