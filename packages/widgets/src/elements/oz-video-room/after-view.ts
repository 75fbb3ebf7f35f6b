import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describeJoinError } from './room-messages.ts';

/** How the call ended for this person. */
export type CallOutcome = 'left' | 'ended' | 'replaced' | 'failed';

export interface AfterContext {
  t: Translation;
  locale: Lang;
  outcome: CallOutcome;
  isDoctor: boolean;
  /** Why rejoining failed (outcome `failed`). */
  failure: unknown;
  /** Back to the check before joining; absent when the consultation is over. */
  onRejoin: () => void;
}

export function renderAfter(ctx: AfterContext): TemplateResult {
  const v = ctx.t.videoRoom;
  const { title, text, again } = words(ctx);
  return html`
    <section part="after-call" class="after ${ctx.outcome}" aria-labelledby="after-title">
      <h3 id="after-title" tabindex="-1" data-focus-target>${title}</h3>
      <p role="status" part="after-text">${text}</p>
      ${again ? html`<button type="button" part="button rejoin-button" class="primary wide" @click=${ctx.onRejoin}>${again}</button>` : nothing}
    </section>
  `;

  function words(c: AfterContext): { title: string; text: string; again?: string } {
    switch (c.outcome) {
      case 'left':
        return { title: v.leftTitle, text: v.leftText, again: v.rejoin };
      case 'ended':
        return { title: v.endedTitle, text: c.isDoctor ? v.endedForDoctor : v.endedForPatient };
      case 'replaced':
        return { title: v.replacedTitle, text: v.replacedText, again: v.joinHere };
      default:
        return { title: v.failedTitle, text: describeJoinError(c.t, c.locale, c.failure), again: v.retry };
    }
  }
}
