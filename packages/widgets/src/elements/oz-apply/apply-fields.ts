import type { Center, User } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describedBy, fieldError } from '../../internal/fields.ts';
import { ageToday } from './age.ts';

/** The center and disease names in the reader's language (the catalog has Russian and English). */
export const centerName = (center: Center, lang: Lang) => (lang === 'en' ? center.nameEn : center.name);

export interface CenterFieldView {
  t: Translation;
  lang: Lang;
  centers: readonly Center[];
  /** Set by the page (`center` attribute): shown, not changeable. */
  preset: Center | undefined;
  selected: Center | undefined;
  error: string | undefined;
  onChange: (centerId: string) => void;
}

export function centerField(view: CenterFieldView): TemplateResult {
  const a = view.t.apply;
  if (view.preset) {
    return html`
      <div class="field" part="field center-field">
        <span class="label" part="label">${a.centerLabel}</span>
        <p class="fixed-value" part="center-name">${centerName(view.preset, view.lang)}</p>
      </div>
    `;
  }
  return html`
    <fieldset class="field radios" part="field center-field" aria-describedby=${ifDefined(view.error ? 'centerId-error' : undefined)}>
      <legend part="label">${a.centerLabel}</legend>
      ${view.centers.map(
        (center) => html`
          <div class="radio-row">
            <input
              type="radio"
              part="radio"
              id=${`center-${center.id}`}
              name="centerId"
              value=${center.id}
              .checked=${live(view.selected?.id === center.id)}
              aria-invalid=${view.error ? 'true' : 'false'}
              @change=${() => view.onChange(center.id)}
            />
            <label for=${`center-${center.id}`}>${centerName(center, view.lang)}</label>
          </div>
        `,
      )}
      ${fieldError('centerId-error', view.error)}
    </fieldset>
  `;
}

export interface DiseaseFieldView {
  t: Translation;
  lang: Lang;
  center: Center | undefined;
  disease: string;
  error: string | undefined;
  onChange: (disease: string) => void;
}

/** A list, not radios: a center has up to seven long names, which would push the form off a phone screen. */
export function diseaseField(view: DiseaseFieldView): TemplateResult {
  const a = view.t.apply;
  return html`
    <div class="field" part="field disease-field">
      <label for="disease-input" part="label">${a.diseaseLabel}</label>
      <span class="hint" part="hint" id="disease-hint">${view.center ? a.diseaseHint : a.chooseCenterFirst}</span>
      <select
        id="disease-input"
        name="disease"
        part="select"
        aria-required="true"
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(view.error && 'disease-error', 'disease-hint'))}
        ?disabled=${!view.center}
        @change=${(event: Event) => view.onChange((event.currentTarget as HTMLSelectElement).value)}
      >
        <option value="" .selected=${live(view.disease === '')}>${a.diseasePlaceholder}</option>
        ${(view.center?.diseases ?? []).map(
          (disease) => html`
            <option value=${disease.id} .selected=${live(view.disease === disease.id)}>
              ${view.lang === 'en' ? disease.nameEn : disease.name}
            </option>
          `,
        )}
      </select>
      ${fieldError('disease-error', view.error)}
    </div>
  `;
}

/** Name and age come from the profile: the API takes them from there, so they are shown, not asked. */
export function aboutYou(t: Translation, user: User): TemplateResult {
  const a = t.apply;
  const age = user.birthDate ? ageToday(user.birthDate) : undefined;
  return html`
    <section class="about" part="about-you" aria-labelledby="about-title">
      <h3 id="about-title">${a.aboutYou}</h3>
      <dl>
        <dt>${a.fullName}</dt>
        <dd part="full-name">${user.fullName}</dd>
        <dt>${a.age}</dt>
        <dd part="age">${age === undefined ? a.ageUnknown : a.ageValue(age)}</dd>
      </dl>
      <p class="hint">${a.aboutYouHint}</p>
    </section>
  `;
}

export interface TextAreaFieldView {
  name: string;
  label: string;
  hint: string;
  error: string | undefined;
  rows: number;
}

/** A labelled textarea; errors linked first so a screen reader hears them on returning to the field. */
export function textAreaField(view: TextAreaFieldView): TemplateResult {
  return html`
    <div class="field" part="field ${view.name}-field">
      <label for=${`${view.name}-input`} part="label">${view.label}</label>
      <span class="hint" part="hint" id=${`${view.name}-hint`}>${view.hint}</span>
      <textarea
        id=${`${view.name}-input`}
        name=${view.name}
        part="textarea"
        rows=${view.rows}
        aria-required="true"
        aria-invalid=${view.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(view.error && `${view.name}-error`, `${view.name}-hint`))}
      ></textarea>
      ${fieldError(`${view.name}-error`, view.error)}
    </div>
  `;
}
