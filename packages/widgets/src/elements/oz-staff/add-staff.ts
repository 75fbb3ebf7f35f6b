import type { Center, StaffPasswordResult, StaffRole } from '@oz/contracts';
import { html, nothing, type ReactiveElement, type TemplateResult } from 'lit';
import type { ApiClient } from '../../api/client.ts';
import { addStaff } from '../../api/staff.ts';
import { FormSubmit } from '../../controllers/form-submit.ts';
import type { Lang, Translation } from '../../i18n/index.ts';
import { fieldError, formAlert } from '../../internal/fields.ts';
import { phoneInput } from '../../internal/phone-input.ts';
import { centerField, dutyField, nameField, readStaffForm, type StaffFieldsView } from './staff-fields.ts';
import { describeStaffField, describeStaffProblem, displayPhone, staffWhen } from './staff-words.ts';

interface AddInput {
  role: StaffRole;
  fullName: string;
  phone: string;
  centerId: Center['id'] | null;
  isDutyDoctor: boolean;
}

export interface AddStaffOptions {
  client: () => ApiClient;
  /** The account was created and its SMS sent. */
  added: (result: StaffPasswordResult) => void;
}

const FIELDS = ['role', 'fullName', 'phone', 'centerId', 'isDutyDoctor'] as const;

/**
 * «Добавить сотрудника»: role, name, phone, and for a doctor the center and the duty flag. The API
 * checks with the contract's CreateStaffRequest and answers field errors, shown next to each field;
 * on success it has sent the SMS, and the form says so with the password's expiry.
 */
export class AddStaffForm {
  /** The role chosen: a manager has no center and takes no duty, so those fields go. */
  role: StaffRole = 'doctor';
  /** The last added account, for the confirmation; cleared by the next submit. */
  last: StaffPasswordResult | undefined;

  readonly #host: ReactiveElement;
  readonly #submit: FormSubmit<AddInput, StaffPasswordResult>;

  constructor(host: ReactiveElement, options: AddStaffOptions) {
    this.#host = host;
    this.#submit = new FormSubmit<AddInput, StaffPasswordResult>(host, {
      fields: FIELDS,
      precheck: () => [],
      send: (input, signal) => addStaff(options.client(), input, signal),
      // The confirmation shows above the button the manager pressed, which keeps the focus.
      onSuccess: (result) => {
        this.last = result;
        this.role = 'doctor';
        this.#host.renderRoot.querySelector<HTMLFormElement>('form.add-form')?.reset();
        options.added(result);
        this.#host.requestUpdate();
      },
    });
  }

  /** Another person signed in: nothing of the last one's work stays. */
  reset(): void {
    this.role = 'doctor';
    this.last = undefined;
    this.#submit.reset();
  }

  render(t: Translation, lang: Lang, centers: readonly Center[]): TemplateResult {
    const s = t.staff;
    const form = this.#submit;
    const errorOf = (field: string) => {
      const error = form.errorFor(field);
      return error ? describeStaffField(t, error) : undefined;
    };
    const view: StaffFieldsView = { t, lang, prefix: 'add', errorOf };
    const phoneError = errorOf('phone');
    const isDoctor = this.role === 'doctor';
    return html`
      <section part="add" class="add" aria-labelledby="add-title">
        <h3 id="add-title">${s.addTitle}</h3>
        <p class="hint-text">${s.addIntro}</p>
        <form part="form add-form" class="add-form" novalidate @submit=${this.#onSubmit}>
          <fieldset class="field" part="field role-field">
            <legend part="label">${s.roleLegend}</legend>
            ${(['doctor', 'manager'] as const).map(
              (role) => html`
                <div class="radio-row">
                  <input type="radio" id=${`add-role-${role}`} name="role" value=${role} ?checked=${this.role === role} @change=${() => this.#choose(role)} />
                  <label for=${`add-role-${role}`}>${s.roles[role]}</label>
                </div>
              `,
            )}
          </fieldset>
          ${nameField(view)}
          <div class="field" part="field phone-field">
            <label for="add-phone" part="label">${t.fields.phone}</label>
            <span class="hint" part="hint" id="add-phone-hint">${t.fields.phoneHint}</span>
            ${phoneInput({ id: 'add-phone', part: 'input phone-input', hintId: 'add-phone-hint', errorId: 'add-phone-error', invalid: Boolean(phoneError) })}
            ${fieldError('add-phone-error', phoneError)}
          </div>
          ${isDoctor ? html`${centerField(view, centers, null)} ${dutyField(view, false)}` : nothing}
          ${formAlert(form.formError === undefined ? undefined : describeStaffProblem(t, form.formError))}
          <div role="status" part="status added" class="status">${this.last ? s.added(this.last.staff.fullName, displayPhone(this.last.staff.phone), staffWhen(lang, this.last.expiresAt)) : nothing}</div>
          <button type="submit" class="primary" part="button add-button" aria-disabled=${form.pending ? 'true' : 'false'}>
            ${form.pending ? s.adding : s.add}
          </button>
        </form>
      </section>
    `;
  }

  #choose(role: StaffRole): void {
    this.role = role;
    this.#host.requestUpdate();
  }

  #onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.#submit.pending) return;
    const form = event.currentTarget as HTMLFormElement;
    const { fullName, centerId, isDutyDoctor } = readStaffForm(form);
    const phone = (form.elements.namedItem('phone') as HTMLInputElement).value.trim();
    this.last = undefined;
    const doctor = this.role === 'doctor';
    void this.#submit.submit({ role: this.role, fullName, phone, centerId: doctor ? centerId : null, isDutyDoctor: doctor && isDutyDoctor });
  };
}
