import type { Conclusion, ConclusionOutcome, Consultation } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { FormState } from '../../controllers/form-submit.ts';
import type { Translation } from '../../i18n/index.ts';
import type { LoadWords } from '../../controllers/load.ts';
import { describedBy, fieldError, formAlert } from '../../internal/fields.ts';
import { submitButton, type Loaded } from './desk-parts.ts';
import { formatDateTime } from './desk-time.ts';

const OUTCOMES: readonly ConclusionOutcome[] = ['conclusion', 'in_person'];

export interface ConclusionViewProps {
  t: Translation;
  locale: string;
  consultation: Consultation;
  /** GET …/conclusion of a consultation that has one. */
  load: Loaded<Conclusion>;
  words: LoadWords;
  form: FormState;
  fieldText: (form: FormState, field: string) => string | undefined;
  formText: (form: FormState) => string | undefined;
  onSubmit: (event: SubmitEvent) => void;
}

/** The conclusion part of a consultation: the written one, or the form to write it (unless it was cancelled). */
export function renderConclusion(props: ConclusionViewProps): unknown {
  const { t, consultation } = props;
  if (consultation.hasConclusion) return props.load.render(props.words, (conclusion) => renderWritten(props, conclusion));
  if (consultation.status === 'cancelled') return html`<p class="note">${t.doctorDesk.consultationCancelled}</p>`;
  return renderForm(props);
}

function renderWritten({ t, locale }: ConclusionViewProps, conclusion: Conclusion): TemplateResult {
  const desk = t.doctorDesk;
  return html`
    <section class="conclusion" part="conclusion" aria-labelledby="conclusion-title">
      <h4 id="conclusion-title" tabindex="-1" data-conclusion-target>${t.domain.outcomes[conclusion.outcome]}</h4>
      <p class="meta">${desk.conclusionBy(conclusion.doctorName, formatDateTime(conclusion.createdAt, locale))}</p>
      <p class="pre" part="conclusion-text">${conclusion.text}</p>
      <h5>${desk.recommendations}</h5>
      <p class="pre" part="conclusion-recommendations">${conclusion.recommendations || desk.noRecommendations}</p>
    </section>
  `;
}

function renderForm(props: ConclusionViewProps): TemplateResult {
  const { t, form } = props;
  const desk = t.doctorDesk;
  const textError = props.fieldText(form, 'text');
  const recommendationsError = props.fieldText(form, 'recommendations');
  const outcomeError = props.fieldText(form, 'outcome');
  return html`
    <form part="form conclusion-form" class="form" novalidate aria-labelledby="conclusion-form-title" @submit=${props.onSubmit}>
      <h4 id="conclusion-form-title" tabindex="-1" data-conclusion-target>${desk.conclusionTitle}</h4>
      <p class="note">${desk.conclusionIntro}</p>
      <fieldset class="field outcome" part="field outcome-field" aria-describedby=${ifDefined(describedBy(outcomeError && 'outcome-error'))}>
        <legend part="label">${desk.outcome}</legend>
        ${OUTCOMES.map(
          (outcome) => html`
            <div class="radio-row">
              <input
                part="radio"
                type="radio"
                id="outcome-${outcome}"
                name="outcome"
                value=${outcome}
                ?checked=${outcome === 'conclusion'}
                aria-invalid=${outcomeError ? 'true' : 'false'}
              />
              <label for="outcome-${outcome}">${t.domain.outcomes[outcome]}</label>
            </div>
          `,
        )}
        ${fieldError('outcome-error', outcomeError)}
      </fieldset>
      ${textArea('text', desk.conclusionText, textError, 8, true)}
      ${textArea('recommendations', desk.recommendations, recommendationsError, 5, false, t.common.optional)}
      ${formAlert(props.formText(form))} ${submitButton(form, desk.conclusionSubmit, desk.sending, 'conclusion-button')}
    </form>
  `;
}

function textArea(name: string, label: string, error: string | undefined, rows: number, required: boolean, optional?: string) {
  return html`
    <div class="field" part="field ${name}-field">
      <label for="${name}-input" part="label">
        ${label}${optional ? html` <span class="optional">(${optional})</span>` : nothing}
      </label>
      <textarea
        part="input textarea"
        id="${name}-input"
        name=${name}
        rows=${rows}
        aria-required=${required ? 'true' : 'false'}
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(error && `${name}-error`))}
      ></textarea>
      ${fieldError(`${name}-error`, error)}
    </div>
  `;
}
