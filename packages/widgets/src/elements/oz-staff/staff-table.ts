import type { Center, StaffMember } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { Lang, Translation } from '../../i18n/index.ts';
import { centerName, displayPhone, staffDate } from './staff-words.ts';

export interface StaffTableView {
  t: Translation;
  lang: Lang;
  members: readonly StaffMember[];
  centers: readonly Center[];
  /** The signed-in manager, marked «(это вы)». */
  selfId: string | undefined;
  /** Accounts whose «Включить» request is on its way. */
  enabling: ReadonlySet<string>;
  onEdit: (member: StaffMember, event: Event) => void;
  onDisable: (member: StaffMember, event: Event) => void;
  onEnable: (member: StaffMember) => void;
  onPassword: (member: StaffMember, event: Event) => void;
}

/** The row's name cell id: each row's buttons are described by it, so «Изменить» says whom. */
const nameId = (member: StaffMember) => `staff-${member.id}-name`;

/**
 * The staff as a table (Сотрудник · Роль · Телефон · Центр · Дежурный врач · Состояние · Действия),
 * one card per person where the element is narrow (cardRows in styles/card-table.ts). Roles are
 * spelled out: browsers drop a table's semantics once its parts are no longer display: table.
 */
export function staffTable(view: StaffTableView): TemplateResult {
  const s = view.t.staff;
  const headers = [s.name, s.role, s.phone, s.center, s.duty, s.state, s.actions];
  return html`
    <table part="table staff-table" role="table" aria-label=${s.tableLabel}>
      <thead role="rowgroup">
        <tr role="row">
          ${headers.map((header) => html`<th scope="col" role="columnheader">${header}</th>`)}
        </tr>
      </thead>
      <tbody role="rowgroup">
        ${repeat(view.members, (member) => member.id, (member) => staffRow(view, member))}
      </tbody>
    </table>
  `;
}

function staffRow(view: StaffTableView, member: StaffMember): TemplateResult {
  const { t, lang } = view;
  const s = t.staff;
  const isDoctor = member.role === 'doctor';
  return html`
    <tr role="row" part="staff-row${member.disabledAt ? ' staff-row-disabled' : ''}" data-staff-id=${member.id}>
      <th scope="row" role="rowheader" class="name" id=${nameId(member)}>
        ${member.fullName}${member.id === view.selfId ? html` <span class="you">${s.you}</span>` : nothing}
      </th>
      <td role="cell" data-label=${s.role}>${s.roles[member.role]}</td>
      <td role="cell" data-label=${s.phone} class="phone">${displayPhone(member.phone)}</td>
      <td role="cell" data-label=${s.center}>${centerName(t, lang, view.centers, member.centerId)}</td>
      <td role="cell" data-label=${s.duty}>${isDoctor && member.isDutyDoctor ? s.yes : s.no}</td>
      <td role="cell" data-label=${s.state} part="staff-state">
        ${member.disabledAt
          ? html`<span class="off">${s.disabledSince(staffDate(lang, member.disabledAt))}</span>`
          : html`<span>${s.active}</span>`}
        ${member.mustChangePassword ? html`<span class="must-change">${s.mustChangePassword}</span>` : nothing}
      </td>
      <td role="cell" class="actions-cell">${rowActions(view, member)}</td>
    </tr>
  `;
}

/**
 * One button turns sign-in off or on: it stays the same element when its words change, so focus
 * stays on it after «Включить» (a swapped button would drop focus to the page).
 */
function rowActions(view: StaffTableView, member: StaffMember): TemplateResult {
  const s = view.t.staff;
  const enabling = view.enabling.has(member.id);
  const off = member.disabledAt !== null;
  // No one turns off their own sign-in (the server refuses: own_account), so it is not offered.
  const isSelf = member.id === view.selfId;
  return html`
    <div class="row-actions">
      <button type="button" part="button edit-button" aria-describedby=${nameId(member)} @click=${(e: Event) => view.onEdit(member, e)}>
        ${s.edit}
      </button>
      ${isSelf && !off ? nothing : html`<button
        type="button"
        part="button ${off ? 'enable-button' : 'disable-button'}"
        class=${off ? 'primary' : 'danger'}
        aria-describedby=${nameId(member)}
        aria-disabled=${enabling ? 'true' : 'false'}
        @click=${(e: Event) => (off ? view.onEnable(member) : view.onDisable(member, e))}
      >
        ${off ? (enabling ? s.enabling : s.enable) : s.disable}
      </button>`}
      <button type="button" part="button password-button" aria-describedby=${nameId(member)} @click=${(e: Event) => view.onPassword(member, e)}>
        ${s.sendPassword}
      </button>
    </div>
  `;
}
