import type { AuditEntry } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { auditDeed, auditWhen, auditWho } from './audit-words.ts';

export interface AuditTableView {
  t: Translation;
  lang: Lang;
  /** Whose trail, for the table's accessible name. */
  patientName: string;
  entries: readonly AuditEntry[];
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The trail as a table (Когда · Кто · Роль · Что сделал · Адрес), newest first; one card per entry
 * where the element is narrow (cardRows in styles/card-table.ts). The roles are spelled out because browsers drop a
 * table's semantics once its parts are no longer display: table; `data-label` names each cell in
 * the card layout, where the header row is hidden.
 */
export function auditTable({ t, lang, patientName, entries }: AuditTableView): TemplateResult {
  const a = t.auditTrail;
  const headers = [a.when, a.who, a.role, a.deed, a.address];
  return html`
    <table part="table audit-table" role="table" aria-label=${a.tableLabel(patientName)}>
      <thead role="rowgroup">
        <tr role="row">
          ${headers.map((header) => html`<th scope="col" role="columnheader">${header}</th>`)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${repeat(
          entries,
          (entry) => entry.id,
          (entry) => html`
            <tr role="row" part="entry" data-entry-id=${entry.id}>
              <th scope="row" role="rowheader" class="when" data-label=${a.when}>
                <time datetime=${entry.at}>${auditWhen(t, lang, entry.at)}</time>
              </th>
              <td role="cell" data-label=${a.who}>${auditWho(t, entry)}</td>
              <td role="cell" data-label=${a.role}>${t.audit.roles[entry.actorRole]}</td>
              <td role="cell" data-label=${a.deed}>${capitalize(auditDeed(t, entry, 'manager'))}</td>
              <td role="cell" data-label=${a.address} class="address">${entry.address ?? a.noAddress}</td>
            </tr>
          `,
        )}
      </tbody>
    </table>
  `;
}
