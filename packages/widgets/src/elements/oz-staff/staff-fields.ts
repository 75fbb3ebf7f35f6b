import type { Center } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { describedBy, fieldError } from '../../internal/fields.ts';

/**
 * The fields the add form and the change dialog share. `prefix` keeps ids apart: both live in one
 * shadow root. Native `required` is not used (the browser's bubbles speak its own language); the
 * API's field errors come back next to each field. Starting values are attributes, so a form's
 * reset() (the confirm dialog resets its form when it opens) goes back to them.
 */
export interface StaffFieldsView {
  t: Translation;
  lang: Lang;
  prefix: 'add' | 'edit';
  /** The translated problem of a field, by its API name. */
  errorOf: (field: string) => string | undefined;
}

export function nameField(view: StaffFieldsView, value = ''): TemplateResult {
  const { t, prefix } = view;
  const id = `${prefix}-fullName`;
  const error = view.errorOf('fullName');
  return html`
    <div class="field" part="field full-name-field">
      <label for=${id} part="label">${t.fields.fullName}</label>
      <input
        id=${id}
        part="input"
        name="fullName"
        type="text"
        autocomplete="off"
        value=${value}
        aria-required="true"
        aria-invalid=${error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(error && `${id}-error`))}
      />
      ${fieldError(`${id}-error`, error)}
    </div>
  `;
}

/** The doctor's center as radio buttons: the official names are long and must wrap, which a select cannot. */
export function centerField(view: StaffFieldsView, centers: readonly Center[], checked: string | null): TemplateResult {
  const { t, lang, prefix } = view;
  const error = view.errorOf('centerId');
  const errorId = `${prefix}-centerId-error`;
  return html`
    <fieldset class="field" part="field center-field">
      <legend part="label">${t.staff.centerLegend}</legend>
      ${centers.map(
        (center) => html`
          <div class="radio-row">
            <input
              type="radio"
              id=${`${prefix}-center-${center.id}`}
              name="centerId"
              value=${center.id}
              ?checked=${center.id === checked}
              aria-invalid=${error ? 'true' : 'false'}
              aria-describedby=${ifDefined(describedBy(error && errorId))}
            />
            <label for=${`${prefix}-center-${center.id}`}>${lang === 'en' ? center.nameEn : center.name}</label>
          </div>
        `,
      )}
      ${fieldError(errorId, error)}
    </fieldset>
  `;
}

export function dutyField(view: StaffFieldsView, checked: boolean): TemplateResult {
  const id = `${view.prefix}-isDutyDoctor`;
  return html`
    <div class="field checkbox-row" part="field duty-field">
      <input type="checkbox" id=${id} name="isDutyDoctor" ?checked=${checked} />
      <label for=${id}>${view.t.staff.dutyLabel}</label>
    </div>
  `;
}

/** What a staff form says about a person, read from its fields. */
export function readStaffForm(form: HTMLFormElement): { fullName: string; centerId: Center['id'] | null; isDutyDoctor: boolean } {
  const data = new FormData(form);
  return {
    fullName: String(data.get('fullName') ?? '').trim(),
    // The radios' values are the catalog's ids; the API checks them anyway.
    centerId: (data.get('centerId') as Center['id'] | null) ?? null,
    isDutyDoctor: data.get('isDutyDoctor') !== null,
  };
}
