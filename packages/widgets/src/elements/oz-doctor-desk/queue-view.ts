import type { Application } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Translation } from '../../i18n/index.ts';
import { REVIEW_TARGET_DAYS, formatDateTime, isOverdue, waitingDays } from './desk-time.ts';

export interface QueueViewProps {
  t: Translation;
  locale: string;
  now: number;
  applications: readonly Application[];
  /** More applications wait on the next pages. */
  more?: boolean;
  /** What follows the list: «Показать ещё» (controllers/paged-list.ts). */
  end?: unknown;
  diseaseName: (id: string) => string;
  onOpen: (application: Application) => void;
}

/** The center's queue, in the server's order (oldest first), as far as it is loaded. */
export function renderQueue(props: QueueViewProps): TemplateResult {
  const { t, applications } = props;
  const desk = t.doctorDesk;
  return html`
    <h3 id="queue-title" tabindex="-1" data-focus-target>${desk.queueTitle}</h3>
    <p class="summary" part="summary">
      ${props.more ? desk.queueSummaryPartial(applications.length) : desk.queueSummary(applications.length)}
    </p>
    ${applications.length === 0
      ? nothing
      : html`<ul class="cards" part="queue" aria-labelledby="queue-title">
          ${repeat(applications, (application) => application.id, (application) => renderQueueItem(props, application))}
        </ul>`}
    ${props.end ?? nothing}
  `;
}

/**
 * One application as a card. Past the target it says so in words as well as in colour, and a
 * referral is marked in words: colour alone reaches neither screen readers nor colour-blind eyes.
 */
export function renderQueueItem(props: QueueViewProps, application: Application): TemplateResult {
  const { t, locale, now } = props;
  const desk = t.doctorDesk;
  const overdue = isOverdue(application.createdAt, now);
  const referral = application.source === 'referral';
  const parts = ['application', overdue ? 'overdue' : '', referral ? 'referral' : ''].filter(Boolean).join(' ');
  return html`
    <li class="card ${overdue ? 'overdue' : ''}" part=${parts} data-application-id=${application.id}>
      <h4 class="card-title">${application.patient.fullName}</h4>
      <p class="meta">${desk.age(application.patient.age)} · ${application.disease ? props.diseaseName(application.disease) : application.diagnosis}</p>
      <p class="badges">
        <span class="badge waiting" part="waiting">${desk.waiting(waitingDays(application.createdAt, now))}</span>
        ${overdue
          ? html`<span class="badge overdue-badge" part="overdue-marker"
              ><span aria-hidden="true">⚠ </span>${desk.overdue(REVIEW_TARGET_DAYS)}</span
            >`
          : nothing}
        ${referral ? html`<span class="badge referral-badge" part="referral-marker">${desk.referral}</span>` : nothing}
      </p>
      <p class="submitted">${desk.submittedAt}: ${formatDateTime(application.createdAt, locale)}</p>
      <button
        type="button"
        part="button open-application-button"
        aria-label=${`${desk.openApplication}: ${application.patient.fullName}`}
        @click=${() => props.onOpen(application)}
      >
        ${desk.openApplication}
      </button>
    </li>
  `;
}
