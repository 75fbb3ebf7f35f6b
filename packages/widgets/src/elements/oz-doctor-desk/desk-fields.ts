import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Translation } from '../../i18n/index.ts';
import { describedBy, fieldError } from '../../internal/fields.ts';
import { localDateValue } from './desk-time.ts';

/** The inputs the scheduling and the duty forms share, in the doctor's local time. */

export interface WhenInputProps {
  id: string;
  name: string;
  type: 'date' | 'time';
  label: string;
  now: number;
  error: string | undefined;
  /** The ids of the error and hint of the whole moment, which several inputs make up. */
  describedBy: string | undefined;
}

/** One input of a moment (its date, a time); a date cannot lie before today. */
export function whenInput(props: WhenInputProps): TemplateResult {
  return html`
    <div class="when-input">
      <label for=${props.id} part="label">${props.label}</label>
      <input
        part="input"
        id=${props.id}
        name=${props.name}
        type=${props.type}
        min=${ifDefined(props.type === 'date' ? localDateValue(props.now) : undefined)}
        aria-required="true"
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(props.describedBy)}
      />
    </div>
  `;
}

export interface DurationFieldProps {
  t: Translation;
  id: string;
  errorId: string;
  label: string;
  /** The lengths offered, in minutes, and the one chosen at first. */
  choices: readonly number[];
  chosen: number;
  error: string | undefined;
}

/** A consultation's length: a list of minutes (sent as `durationMinutes`). */
export function durationField(props: DurationFieldProps): TemplateResult {
  return html`
    <div class="field" part="field durationMinutes-field">
      <label for=${props.id} part="label">${props.label}</label>
      <select
        part="select"
        id=${props.id}
        name="durationMinutes"
        aria-invalid=${props.error ? 'true' : 'false'}
        aria-describedby=${ifDefined(describedBy(props.error && props.errorId))}
      >
        ${props.choices.map(
          (minutes) => html`<option value=${minutes} ?selected=${minutes === props.chosen}>${props.t.doctorDesk.minutes(minutes)}</option>`,
        )}
      </select>
      ${fieldError(props.errorId, props.error)}
    </div>
  `;
}
