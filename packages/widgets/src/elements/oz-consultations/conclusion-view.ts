import type { Conclusion, Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { loadError, loadingLine } from '../../controllers/load.ts';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describeError } from '../../internal/describe-error.ts';
import { formatWhen } from './arrange.ts';
import type { ConclusionState } from './conclusions.ts';

export interface ConclusionViewOptions {
  t: Translation;
  locale: Lang;
  consultation: Consultation;
  state: ConclusionState | undefined;
  onRetry: () => void;
  onPrint: (conclusion: Conclusion) => void;
}

/**
 * The doctor's conclusion (or invitation to an in-person visit) under its consultation. Each opened
 * conclusion is its own load (see ConclusionsController), shown with the usual `loading` and
 * `load-error` parts.
 */
export function renderConclusion(options: ConclusionViewOptions): TemplateResult {
  const { t, locale, consultation, state } = options;
  const c = t.consultations;
  const id = `conclusion-${consultation.id}`;
  if (!state || state.status === 'loading') {
    return html`<div id=${id} class="conclusion" aria-busy="true">${loadingLine(c.conclusionLoading)}</div>`;
  }
  if (state.status === 'error') {
    const words = { loading: c.conclusionLoading, retry: c.retry, describe: (error: unknown) => describeError(t, error) };
    return html`<div id=${id} class="conclusion">${loadError(words, state.error, options.onRetry)}</div>`;
  }
  const { conclusion } = state;
  return html`
    <section id=${id} part="conclusion" class="conclusion" aria-labelledby="${id}-title">
      <h5 id="${id}-title" part="outcome" class="outcome">${t.domain.outcomes[conclusion.outcome]}</h5>
      <dl class="facts">
        <div><dt>${c.doctor}</dt><dd>${conclusion.doctorName}</dd></div>
        <div><dt>${c.conclusionDate}</dt><dd>${formatWhen(locale, conclusion.createdAt)}</dd></div>
      </dl>
      <h6>${c.conclusionText}</h6>
      <p part="conclusion-text" class="long-text">${conclusion.text}</p>
      ${conclusion.recommendations
        ? html`<h6>${c.recommendations}</h6>
            <p part="recommendations" class="long-text">${conclusion.recommendations}</p>`
        : nothing}
      <button type="button" part="button print-button" @click=${() => options.onPrint(conclusion)}>${c.print}</button>
    </section>
  `;
}
