import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import type { ResendState } from './credentials-resend.ts';
import { expiryDate } from './sent-password.ts';

/** What a row of the SMS failures table needs to send its patient the SMS again. */
export interface RowResend {
  stateOf: (phone: string) => ResendState | undefined;
  onResend: (phone: string) => void;
}

/**
 * A row's "send the SMS again": the button (named with the phone for screen readers, since
 * every row has one), then "Отправлено" and the new password's last day, or why it failed.
 * `data-resend` marks what takes focus once the answer is in.
 */
export function resendCell(t: Translation, lang: Lang, row: number, phone: string, resend: RowResend): TemplateResult {
  const r = t.referralImport;
  const state = resend.stateOf(phone);
  if (state?.status === 'sent') {
    return html`<span part="resend-status" class="resend-status" tabindex="-1" data-resend=${phone}>
      ${r.resent(expiryDate(lang, state.result.expiresAt))}
    </span>`;
  }
  const pending = state?.status === 'pending';
  const problem = state?.status === 'failed' ? state.problem(t) : undefined;
  const errorId = `resend-error-${row}`;
  return html`
    <button
      type="button"
      part="button resend-button"
      class="resend-button"
      data-resend=${phone}
      aria-describedby=${ifDefined(problem ? errorId : undefined)}
      ?disabled=${pending}
      aria-label=${`${pending ? r.resending : r.resendSms} ${r.resendTo(phone)}`}
      @click=${() => resend.onResend(phone)}
    >
      ${pending ? r.resending : r.resendSms}
    </button>
    <span role="alert" part="error" class="resend-error" id=${errorId}>${problem ?? nothing}</span>
  `;
}
