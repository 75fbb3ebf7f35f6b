import type { Application, Center } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import type { Lang, Translation } from '../../i18n/index.ts';
import { centerName, diseaseName, formatDay } from './arrange.ts';

export interface ApplicationCardContext {
  t: Translation;
  locale: Lang;
  centers: readonly Center[];
  onWithdraw: (application: Application, trigger: HTMLElement) => void;
}

/** An application not (or no longer) leading to a consultation: waiting, declined or withdrawn. */
export function renderApplicationCard(ctx: ApplicationCardContext, application: Application): TemplateResult {
  const { t, locale } = ctx;
  const c = t.consultations;
  const titleId = `application-${application.id}-title`;
  return html`
    <article part="application ${application.status}" class="card" aria-labelledby=${titleId}>
      <h4 id=${titleId} class="card-title">${c.applicationTo(centerName(ctx.centers, application.centerId, locale))}</h4>
      <dl class="facts">
        <div><dt>${c.status}</dt><dd part="status-text" class="status-${application.status}">${t.domain.applicationStatuses[application.status]}</dd></div>
        <div><dt>${c.filedOn}</dt><dd>${formatDay(locale, application.createdAt)}</dd></div>
        ${application.disease ? html`<div><dt>${c.disease}</dt><dd>${diseaseName(ctx.centers, application, locale)}</dd></div>` : nothing /* referrals name a diagnosis only */}
        <div><dt>${c.diagnosis}</dt><dd>${application.diagnosis}</dd></div>
      </dl>
      ${renderNote(t, application)}
      ${application.status === 'submitted'
        ? html`<button
            type="button"
            part="button withdraw-button"
            class="danger-outline"
            @click=${(event: Event) => ctx.onWithdraw(application, event.currentTarget as HTMLElement)}
          >
            ${c.withdraw}
          </button>`
        : nothing}
    </article>
  `;
}

function renderNote(t: Translation, application: Application): TemplateResult | typeof nothing {
  const c = t.consultations;
  switch (application.status) {
    case 'submitted':
      return html`
        ${application.referral?.referringDoctor ? html`<p class="note">${c.referredBy(application.referral.referringDoctor)}</p>` : nothing}
        <p class="note" part="waiting-note">${application.source === 'referral' ? c.referralWaitingNote : c.waitingNote}</p>
      `;
    case 'declined':
      return application.declineReason
        ? html`<p class="note important" part="decline-reason">${c.declinedReason(application.declineReason)}</p>`
        : nothing;
    case 'cancelled':
      return html`<p class="note">${c.withdrawnNote}</p>`;
    default:
      return nothing;
  }
}
