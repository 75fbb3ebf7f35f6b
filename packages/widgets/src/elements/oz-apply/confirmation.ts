import type { Center } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';

/**
 * What happens after sending, in the program's words: a doctor reviews within REVIEW_DAYS, the
 * patient hears about it in the cabinet and by SMS, and finds the consultation under «Консультации».
 */
export function confirmation(t: Translation, lang: Lang, center: Center | undefined, onAgain: () => void): TemplateResult {
  const a = t.apply;
  // The short name reads better in a sentence than the official one with its «…» and ministry.
  const name = center ? (lang === 'en' ? center.nameEn : center.shortName) : '';
  return html`
    <section class="done" part="confirmation" aria-labelledby="done-title">
      <h3 id="done-title" tabindex="-1" data-focus-target>${a.doneTitle}</h3>
      <p>${a.doneReview(name)}</p>
      <p>${a.doneNotify}</p>
      <p>${a.doneWhere}</p>
      <button type="button" part="button new-application-button" @click=${onAgain}>${a.newApplication}</button>
    </section>
  `;
}
