import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';
import { fieldError, formAlert } from '../../internal/fields.ts';
import { phoneInput } from '../../internal/phone-input.ts';
import type { ResendState } from './credentials-resend.ts';
import { passwordSentText } from './sent-password.ts';

/** The id of the phone input, for the element to move focus to it. */
export const CREDENTIALS_PHONE_ID = 'credentials-phone';

export interface CredentialsFormView {
  t: Translation;
  lang: Lang;
  state: ResendState | undefined;
  /** The phone as typed; the API accepts any common spelling. */
  onSend: (phone: string) => void;
}

/**
 * A new one-time password for one patient by phone: the import's SMS did not arrive or its
 * password expired. The phone's own problem is said next to it, any other refusal in the alert.
 */
export function credentialsForm({ t, lang, state, onSend }: CredentialsFormView): TemplateResult {
  const r = t.referralImport;
  const pending = state?.status === 'pending';
  const failed = state?.status === 'failed' ? state : undefined;
  const phoneError = failed?.phoneProblem ? failed.problem(t) : undefined;
  const formError = failed && !failed.phoneProblem ? failed.problem(t) : undefined;
  const ids = { hint: `${CREDENTIALS_PHONE_ID}-hint`, error: `${CREDENTIALS_PHONE_ID}-error` };
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    onSend((form.elements.namedItem('phone') as HTMLInputElement).value);
  };
  return html`
    <section part="credentials" class="credentials" aria-labelledby="credentials-title">
      <h3 id="credentials-title">${r.credentialsTitle}</h3>
      <p>${r.credentialsIntro}</p>
      <form novalidate @submit=${submit}>
        <div class="field">
          <label for=${CREDENTIALS_PHONE_ID} part="label">${r.patientPhone}</label>
          <span class="hint" part="hint" id=${ids.hint}>${t.fields.phoneHint}</span>
          ${phoneInput({ id: CREDENTIALS_PHONE_ID, part: 'phone-input', hintId: ids.hint, errorId: ids.error, invalid: Boolean(phoneError) })}
          ${fieldError(ids.error, phoneError)}
        </div>
        ${formAlert(formError)}
        <button type="submit" class="primary" part="button send-password-button" ?disabled=${pending}>
          ${pending ? r.sendingPassword : r.sendPassword}
        </button>
      </form>
      ${state?.status === 'sent'
        ? html`<p part="credentials-sent" class="sent">${passwordSentText(t, lang, state.result)}</p>`
        : nothing}
    </section>
  `;
}
