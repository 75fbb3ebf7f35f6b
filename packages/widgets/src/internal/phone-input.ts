import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { describedBy } from './fields.ts';

export interface PhoneInputView {
  id: string;
  /** `phone-input`, with whatever else the element's parts say. */
  part: string;
  hintId: string;
  errorId: string;
  /** The field's error is showing. */
  invalid: boolean;
}

/**
 * The input of a phone the manager types: someone else's number, so the phone keyboard but no
 * autofill; required, invalid while its error shows, described by its hint and error. (Only the
 * manager's elements use it: vite.config.ts keeps it out of the chunk the portal loads.)
 */
export function phoneInput({ id, part, hintId, errorId, invalid }: PhoneInputView): TemplateResult {
  return html`<input
    id=${id}
    part=${part}
    name="phone"
    type="tel"
    inputmode="tel"
    autocomplete="off"
    aria-required="true"
    aria-invalid=${invalid ? 'true' : 'false'}
    aria-describedby=${ifDefined(describedBy(invalid && errorId, hintId))}
  />`;
}
