import type { DisableStaffResult } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { staffWhen } from './staff-words.ts';

/** The id of the heading focus goes to once a doctor is disabled. */
export const HANDOVER_TITLE_ID = 'handover-title';

export interface HandoverView {
  t: Translation;
  lang: Lang;
  result: DisableStaffResult;
  onHide: () => void;
}

/**
 * After a doctor was disabled: the consultations they still had (date and time, patient, status),
 * with the plain note that these patients need another doctor. The API does not reassign them, so
 * the manager passes the list on to the center.
 */
export function handover({ t, lang, result, onHide }: HandoverView): TemplateResult {
  const s = t.staff;
  const name = result.staff.fullName;
  const open = result.openConsultations;
  return html`
    <section part="handover" class="handover" aria-labelledby=${HANDOVER_TITLE_ID}>
      <h3 id=${HANDOVER_TITLE_ID} tabindex="-1">${s.openTitle(name)}</h3>
      ${open.length === 0
        ? html`<p part="handover-empty">${s.noOpen}</p>`
        : html`
            <p part="handover-note" class="note">${s.openNote}</p>
            <table part="table handover-table" role="table" aria-label=${s.openTableLabel(name)}>
              <thead role="rowgroup">
                <tr role="row">
                  ${[s.openWhen, s.openPatient, s.openStatus].map((header) => html`<th scope="col" role="columnheader">${header}</th>`)}
                </tr>
              </thead>
              <tbody role="rowgroup">
                ${repeat(
                  open,
                  (consultation) => consultation.id,
                  (consultation) => html`
                    <tr role="row" part="handover-row">
                      <th scope="row" role="rowheader" data-label=${s.openWhen}>
                        <time datetime=${consultation.startsAt}>${staffWhen(lang, consultation.startsAt)}</time>
                      </th>
                      <td role="cell" data-label=${s.openPatient}>${consultation.patientName || nothing}</td>
                      <td role="cell" data-label=${s.openStatus}>${t.domain.consultationStatuses[consultation.status]}</td>
                    </tr>
                  `,
                )}
              </tbody>
            </table>
          `}
      <button type="button" part="button hide-handover-button" @click=${onHide}>${s.hideOpen}</button>
    </section>
  `;
}
