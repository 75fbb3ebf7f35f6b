import { html, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';
import type { MediaProblem } from '../../video/index.ts';

/**
 * What went wrong with the camera or microphone and how to fix it, step by step for Chrome on a
 * computer and on Android (the seed tells patients to use Chrome on phones).
 */
export function renderMediaHelp(t: Translation, problem: MediaProblem, onRetry: () => void): TemplateResult {
  const v = t.videoRoom;
  return html`
    <div part="media-problem" class="problem" role="alert" aria-labelledby="media-problem-title">
      <h3 id="media-problem-title">${v.problems[problem]}</h3>
      ${problem === 'denied' ? renderPermissionSteps(t) : html`<p>${helpText(t, problem)}</p>`}
      <button type="button" part="button retry-devices-button" class="primary wide" @click=${onRetry}>${v.checkAgain}</button>
    </div>
  `;
}

function renderPermissionSteps(t: Translation): TemplateResult {
  const v = t.videoRoom;
  return html`
    <p>${v.deniedIntro}</p>
    <h4>${v.onComputer}</h4>
    <ol part="help-steps">
      ${v.computerSteps.map((step) => html`<li>${step}</li>`)}
    </ol>
    <h4>${v.onPhone}</h4>
    <ol part="help-steps">
      ${v.phoneSteps.map((step) => html`<li>${step}</li>`)}
    </ol>
  `;
}

function helpText(t: Translation, problem: Exclude<MediaProblem, 'denied'>): string {
  const v = t.videoRoom;
  switch (problem) {
    case 'not-found':
      return v.notFoundHelp;
    case 'in-use':
      return v.inUseHelp;
    case 'insecure':
      return v.insecureHelp;
    default:
      return v.unknownHelp;
  }
}
