import type { DisableStaffResult, StaffMember } from '@oz/contracts';
import { html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import type { ApiClient } from '../../api/client.ts';
import { disableStaff, enableStaff, sendStaffPassword, staffList, updateStaff } from '../../api/staff.ts';
import { CentersController } from '../../controllers/centers-catalog.ts';
import { ConfirmDialogController } from '../../controllers/confirm-dialog.ts';
import { LoadController } from '../../controllers/load.ts';
import { SignInGate } from '../../controllers/sign-in-gate.ts';
import type { StaffChange } from '../../events/oz-staff-changed.ts';
import type { Translation } from '../../i18n/index.ts';
import { formAlert } from '../../internal/fields.ts';
import { OzElement } from '../../internal/oz-element.ts';
import { AddStaffForm } from './add-staff.ts';
import { HANDOVER_TITLE_ID, handover } from './handover.ts';
import { styles } from './oz-staff.styles.ts';
import { disableDialog, editDialog, passwordDialog } from './staff-dialogs.ts';
import { readStaffForm } from './staff-fields.ts';
import { staffTable } from './staff-table.ts';
import { byName, describeStaffProblem, displayPhone, staffWhen } from './staff-words.ts';
import { strings } from './strings.ts';

/** A message kept as a function of the strings, so it follows a change of language. */
type Words = (t: Translation) => string;

/**
 * @summary The program manager's «Сотрудники»: every doctor and manager with their role, phone,
 * center, duty flag and whether they can sign in (or since when they cannot, and whether they still
 * use the password from the SMS). The manager adds a colleague (the API sends a one-time password
 * by SMS), changes a name, a doctor's center or duty flag, turns sign-in off (every session ends at
 * once; the doctor's open consultations are listed, as they need another doctor) or on again, and
 * sends a new password by SMS. On a narrow screen the table becomes one card per person. Everyone
 * but the manager sees a short note instead.
 *
 * @event oz-staff-changed - An account was added, changed, disabled, enabled or sent a new password;
 *   `detail: {change, staff}`.
 *
 * @csspart base - The wrapper of everything.
 * @csspart intro - What the section is for.
 * @csspart table - The staff table (also `staff-table`); `staff-row` each person (a card on a narrow
 *   screen; also `staff-row-disabled` when they cannot sign in), `staff-state` the status cell.
 * @csspart staff-table - The staff table (also `table`).
 * @csspart staff-row - Each person (a card on a narrow screen); also `staff-row-disabled`.
 * @csspart staff-row-disabled - A person who cannot sign in (also `staff-row`).
 * @csspart staff-state - The status cell.
 * @csspart button - Every button; also `edit-button`, `disable-button`, `enable-button`,
 *   `password-button`, `add-button`, `confirm-button`, `keep-button`, `hide-handover-button`, `retry-button`.
 * @csspart retry-button - Tries a failed load again.
 * @csspart edit-button - «Изменить» of a person.
 * @csspart disable-button - «Отключить» of a person (asks first).
 * @csspart enable-button - «Включить» of a disabled person.
 * @csspart password-button - A new password by SMS (asks first).
 * @csspart add-button - The add form's submit.
 * @csspart confirm-button - Confirms in a dialog.
 * @csspart keep-button - Closes a dialog and changes nothing.
 * @csspart hide-handover-button - Hides the open consultations of a disabled doctor.
 * @csspart handover - After a doctor was disabled: `handover-note`, `handover-table` (also `table`),
 *   `handover-row` each open consultation, `handover-empty` when there were none.
 * @csspart handover-note - What to do with the open consultations.
 * @csspart handover-table - Their table (also `table`).
 * @csspart handover-row - Each open consultation.
 * @csspart handover-empty - The note that there were none.
 * @csspart add - The «Добавить сотрудника» section; `add-form` its form (also `form`).
 * @csspart add-form - The add form (also `form`).
 * @csspart dialog - Each confirmation: `edit-dialog`, `disable-dialog`, `password-dialog`; `form` inside.
 * @csspart edit-dialog - The change of a name, center or duty flag (also `dialog`).
 * @csspart disable-dialog - The confirmation before turning sign-in off (also `dialog`).
 * @csspart password-dialog - The confirmation before a new password by SMS (also `dialog`).
 * @csspart form - Each form; also `add-form`, `edit-form`, `disable-form`, `password-form`.
 * @csspart edit-form - The form of the change dialog (also `form`).
 * @csspart disable-form - The form of the disable dialog (also `form`).
 * @csspart password-form - The form of the new password dialog (also `form`).
 * @csspart field - Each labelled field; `label`, `hint`, `input`, `phone-input`.
 * @csspart role-field - Doctor or manager.
 * @csspart full-name-field - The name.
 * @csspart phone-field - The phone.
 * @csspart center-field - A doctor's center.
 * @csspart duty-field - Whether a doctor is on duty.
 * @csspart label - A field's label or legend.
 * @csspart hint - Help text of a field.
 * @csspart input - A text input.
 * @csspart phone-input - The phone input.
 * @csspart error - Any error text; `field-error` next to a field, `form-error` for a form or the list.
 * @csspart field-error - The error next to a field.
 * @csspart form-error - The error of a whole form or action.
 * @csspart status - Confirmations such as "СМС с новым паролем отправлено…"; `added` under the add form.
 * @csspart added - The confirmation under the add form (also `status`).
 * @csspart loading - "Загружаем список сотрудников…".
 * @csspart empty - The note when there is nobody yet.
 * @csspart load-error - Why the list could not be shown (its `error` text) and the `retry-button`.
 * @csspart sign-in-prompt - The note for signed-out visitors; `managers-only` the note for other users.
 * @csspart managers-only - The note for signed-in users who are not managers.
 *
 * @cssproperty --oz-color-primary - Buttons and the focus ring (default #0b5cad).
 * @cssproperty --oz-color-text - Text colour (default #1b1f24).
 * @cssproperty --oz-color-text-muted - Hints and the column names in the cards (default #4a5563).
 * @cssproperty --oz-color-danger - Errors, «Отключить» and a disabled account's status (default #b3261e).
 * @cssproperty --oz-color-surface - Background (default #fff).
 * @cssproperty --oz-color-surface-alt - The table's header and the handover box (default #f2f5f8).
 * @cssproperty --oz-color-border - The table's and the cards' lines (default #6b7280).
 * @cssproperty --oz-font-family - Font.
 * @cssproperty --oz-font-size - Base text size, never below 16px (default 18px).
 * @cssproperty --oz-radius - Corner radius (default 8px).
 * @cssproperty --oz-spacing - Base spacing (default 16px).
 */
export class OzStaff extends OzElement {
  static override strings = [strings];

  static override styles = [OzElement.styles, styles];

  /** The staff as last read or changed here, by name. */
  @state() private members: StaffMember[] | undefined;
  @state() private status: Words | undefined;
  /** «Включить» failed: said above the table. */
  @state() private actionError: Words | undefined;
  /** The last disabled doctor and their open consultations. */
  @state() private disabledResult: DisableStaffResult | undefined;
  @state() private enabling: ReadonlySet<string> = new Set();

  readonly #gate = new SignInGate(this, {
    roles: ['manager'],
    words: (t) => ({ restoring: t.staff.restoring, signInPrompt: t.staff.signInPrompt, otherRole: t.staff.managersOnly }),
    otherRoleParts: 'managers-only',
  });

  readonly #centers = new CentersController(this, () => this.client, () => this.#gate.open);

  readonly #list = new LoadController(this, {
    task: async ([managerId, client]: readonly [string | undefined, ApiClient], { signal }) =>
      managerId ? (await staffList(client, signal)).items : undefined,
    args: () => [this.#gate.open ? this.user?.id : undefined, this.client] as const,
    onComplete: (items) => {
      this.members = items;
    },
  });

  readonly #add = new AddStaffForm(this, {
    client: () => this.client,
    added: (result) => this.#changed('created', result.staff),
  });

  readonly #edit = new ConfirmDialogController<StaffMember>(this, {
    selector: 'dialog[part~="edit-dialog"]',
    confirm: async (member, form) => {
      const { fullName, centerId, isDutyDoctor } = readStaffForm(form!);
      // A manager has no center and takes no duty: the API refuses those fields for them.
      const changes = member.role === 'doctor' ? { fullName, isDutyDoctor, ...(centerId ? { centerId } : {}) } : { fullName };
      const updated = await updateStaff(this.client, member.id, changes);
      this.#changed('updated', updated, (t) => t.staff.saved(updated.fullName));
    },
  });

  /** Whom the disable dialog was last confirmed for, to put focus back on their row. */
  #lastDisabledId: string | undefined;

  readonly #disable = new ConfirmDialogController<StaffMember>(this, {
    selector: 'dialog[part~="disable-dialog"]',
    confirm: async (member) => {
      this.#lastDisabledId = member.id;
      const result = await disableStaff(this.client, member.id);
      this.disabledResult = result.staff.role === 'doctor' ? result : undefined;
      this.#changed('disabled', result.staff, (t) => t.staff.disabled(result.staff.fullName));
    },
    // A doctor's open consultations are read next; the invoker (now «Включить») otherwise.
    focusAfterConfirm: () => void this.focusAfterUpdate(`#${HANDOVER_TITLE_ID}`, this.#enableButtonOf(this.#lastDisabledId)),
  });

  readonly #password = new ConfirmDialogController<StaffMember>(this, {
    selector: 'dialog[part~="password-dialog"]',
    confirm: async (member) => {
      const result = await sendStaffPassword(this.client, member.id);
      const { fullName, phone } = result.staff;
      this.#changed('password_sent', result.staff, (t) => t.staff.passwordSent(fullName, displayPhone(phone), staffWhen(this.locale, result.expiresAt)));
    },
  });

  protected override userChanged(): void {
    this.members = undefined;
    this.status = undefined;
    this.actionError = undefined;
    this.disabledResult = undefined;
    this.enabling = new Set();
    this.#add.reset();
  }

  override render(): TemplateResult {
    const s = this.t.staff;
    return html`
      <div part="base" class="oz-base" lang=${this.locale}>
        <h2 id="title" tabindex="-1">${s.title}</h2>
        ${this.#gate.render() ?? this.#renderBody()}
      </div>
    `;
  }

  #renderBody(): TemplateResult {
    const t = this.t;
    const s = t.staff;
    const centers = this.#centers.value ?? [];
    const words = { loading: s.loading, retry: s.retry, failed: s.failed, describe: (error: unknown) => describeStaffProblem(t, error) };
    return html`
      <p part="intro" class="intro">${s.intro}</p>
      <div role="status" part="status" class="status">${this.status?.(t) ?? nothing}</div>
      ${formAlert(this.actionError?.(t))}
      ${this.disabledResult
        ? handover({ t, lang: this.locale, result: this.disabledResult, onHide: this.#hideHandover })
        : nothing}
      ${this.#list.render(words, () => this.#renderTable())}
      ${this.#add.render(t, this.locale, centers)}
      ${editDialog({ t, lang: this.locale, dialog: this.#edit, centers })}
      ${disableDialog({ t, lang: this.locale, dialog: this.#disable })}
      ${passwordDialog({ t, lang: this.locale, dialog: this.#password })}
    `;
  }

  #renderTable(): TemplateResult {
    const members = this.members ?? [];
    if (members.length === 0) return html`<p part="empty" class="empty">${this.t.staff.empty}</p>`;
    return staffTable({
      t: this.t,
      lang: this.locale,
      members,
      centers: this.#centers.value ?? [],
      selfId: this.user?.id,
      enabling: this.enabling,
      onEdit: (member, event) => void this.#edit.show(member, event),
      onDisable: (member, event) => void this.#disable.show(member, event),
      onEnable: (member) => void this.#enable(member),
      onPassword: (member, event) => void this.#password.show(member, event),
    });
  }

  async #enable(member: StaffMember): Promise<void> {
    if (this.enabling.has(member.id)) return;
    this.enabling = new Set([...this.enabling, member.id]);
    this.actionError = undefined;
    this.status = undefined;
    const generation = this.user?.id;
    try {
      const enabled = await enableStaff(this.client, member.id);
      if (generation !== this.user?.id) return;
      if (this.disabledResult?.staff.id === member.id) this.disabledResult = undefined;
      this.#changed('enabled', enabled, (t) => t.staff.enabled(enabled.fullName));
    } catch (error) {
      if (generation === this.user?.id) this.actionError = (t) => `${t.staff.enableFailed(member.fullName)} ${describeStaffProblem(t, error)}`;
    } finally {
      const left = new Set(this.enabling);
      left.delete(member.id);
      this.enabling = left;
    }
  }

  /** The account as the API answered: into the list (by name), a word for the manager, an event for the page. */
  #changed(change: StaffChange, staff: StaffMember, words?: Words): void {
    const others = (this.members ?? []).filter((member) => member.id !== staff.id);
    this.members = byName([...others, staff]);
    this.actionError = undefined;
    if (change !== 'created') this.status = words;
    this.emit('oz-staff-changed', { change, staff });
  }

  #hideHandover = (): void => {
    const id = this.disabledResult?.staff.id;
    this.disabledResult = undefined;
    void this.focusAfterUpdate(this.#enableButtonOf(id), '#title');
  };

  #enableButtonOf(id: string | undefined): string {
    return `[data-staff-id="${id}"] button[part~="enable-button"]`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'oz-staff': OzStaff;
  }
}
