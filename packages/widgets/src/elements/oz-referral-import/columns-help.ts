import type { ReferralColumn } from '@oz/contracts';
import { html, type TemplateResult } from 'lit';
import type { Translation } from '../../i18n/index.ts';

/** The columns the table needs, in the order of the template, with what goes in each. */
export function columnsHelp(t: Translation, templateUrl: string): TemplateResult {
  const r = t.referralImport;
  const columns = Object.values(r.columns) as (typeof r.columns)[ReferralColumn][];
  return html`
    <section part="columns" class="columns" aria-labelledby="columns-title">
      <h3 id="columns-title">${r.columnsTitle}</h3>
      <p>${r.columnsIntro}</p>
      <ul class="column-list">
        ${columns.map(
          (column) => html`
            <li part="column">
              <strong class="column-header" lang="ru">${column.header}</strong>
              <span class="column-need">(${column.required ? r.requiredColumn : r.optionalColumn})</span>
              <span class="column-hint">${column.hint}</span>
            </li>
          `,
        )}
      </ul>
      <p class="template">
        <a part="template-link" href=${templateUrl} download="referrals-template.csv">${r.templateLink}</a>
        <span class="hint">${r.templateHint}</span>
      </p>
    </section>
  `;
}
