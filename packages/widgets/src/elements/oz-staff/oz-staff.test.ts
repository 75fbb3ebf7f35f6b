import type { AuthResponse, StaffMember } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { callApi, newPatientAuth, outboxTexts, signInViaApi, uniquePhone } from '../../../test/api.ts';
import { uniqueName } from '../../../test/doctor-desk.ts';
import { query, shadow } from '../../../test/dom.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import { MANAGER, addDoctorViaApi, doctorWithConsultation, staffNow } from '../../../test/staff.ts';
import type { OzStaffChangedEvent } from '../../events/oz-staff-changed.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { OzStaff } from './oz-staff.ts';

OzStaff.define('oz-staff');

const s = ru.staff;
const row = (el: Element, id: string) => shadow(el).querySelector<HTMLTableRowElement>(`tr[data-staff-id="${id}"]`);
const cells = (tr: HTMLTableRowElement) => [...tr.querySelectorAll('th, td')].map((cell) => cell.textContent!.replace(/\s+/g, ' ').trim());
const rowButton = (el: Element, id: string, part: string) => query<HTMLButtonElement>(el, `tr[data-staff-id="${id}"] button[part~="${part}"]`);
const dialog = (el: Element, part: string) => query<HTMLDialogElement>(el, `dialog[part~="${part}"]`);
/**
 * Whether focus is on `target`, compared as words («button edit-button in row 42»): a failed
 * comparison of DOM nodes makes mocha walk the whole DOM for its diff, which freezes the browser.
 */
const describeNode = (node: Element | null | undefined) =>
  node ? `${node.localName}#${node.id} [${node.getAttribute('part') ?? ''}] in ${node.closest('[data-staff-id]')?.getAttribute('data-staff-id') ?? '-'}` : 'nothing';
/** Focus comes back a task after a dialog closes (its close event): wait for it, saying where it is instead. */
const expectFocusOn = (el: Element, target: Element, message = 'focus') =>
  waitUntil(
    () => describeNode(shadow(el).activeElement) === describeNode(target),
    `${message}: on ${describeNode(shadow(el).activeElement)}, not on ${describeNode(target)}`,
    { timeout: 3000 },
  );
/** Text as read: any run of spaces (the element keeps phones whole with no-break ones) as one space. */
const words = (node: Node) => node.textContent!.replace(/\s+/g, ' ').trim();
const statusText = (el: Element) => words(query(el, '[part~="status"]:not([part~="added"])'));

/** «+7 921 123-45-67», as the element writes a phone. */
const spaced = (phone: string) => `+7 ${phone.slice(2, 5)} ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;

/** The element for the signed-in manager, once the list is on screen. */
async function managerView(manager: AuthResponse, markup = html`<oz-staff></oz-staff>`): Promise<OzStaff> {
  signInPage(manager);
  const el = await fixture<OzStaff>(markup);
  await waitUntil(() => shadow(el).querySelector('tr[data-staff-id]'), 'the staff list did not show');
  return el;
}

/** Types into a field of the add form, as a person would. */
function type(el: Element, selector: string, value: string): void {
  const input = query<HTMLInputElement>(el, selector);
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
}

function click(el: Element, selector: string): void {
  query<HTMLElement>(el, selector).click();
}

/** The next oz-staff-changed event, heard on the page as a host page would hear it; fails after 10 s, saying what the element shows. */
function nextChange(el: Element): Promise<OzStaffChangedEvent> {
  const timeout = new Promise<never>((_, reject) =>
    setTimeout(() => reject(new Error(`no oz-staff-changed; the element says: ${words(shadow(el))}`)), 10_000),
  );
  return Promise.race([oneEvent(document, 'oz-staff-changed') as Promise<OzStaffChangedEvent>, timeout]);
}

describe('<oz-staff>', () => {
  let manager: AuthResponse;
  beforeEach(async () => {
    await useTestApi();
    manager = await signInViaApi(MANAGER);
  });

  it('asks a signed-out visitor to sign in and tells other users that it is for the manager', async () => {
    const el = await fixture<OzStaff>(html`<oz-staff></oz-staff>`);
    expect(query(el, 'h2').textContent).to.equal(s.title);
    expect(query(el, '[part~="sign-in-prompt"]').textContent).to.equal(s.signInPrompt);
    expect(shadow(el).querySelector('table, form')).to.equal(null);
    await expect(el).to.be.accessible();

    signInPage(await newPatientAuth());
    await el.updateComplete;
    expect(query(el, '[part~="managers-only"]').textContent).to.equal(s.managersOnly);
    expect(shadow(el).querySelector('table, form')).to.equal(null);
  });

  it('lists doctors and managers: role, name, phone, center, duty, status; marks the manager themselves', async () => {
    const doctor = await addDoctorViaApi(manager);
    const el = await managerView(manager);
    await waitUntil(() => row(el, doctor.id), 'the new doctor is not listed');

    const headers = [...shadow(el).querySelectorAll('thead th')].map((th) => th.textContent!.trim());
    expect(headers).to.deep.equal(['Сотрудник', 'Роль', 'Телефон', 'Центр', 'Дежурный врач', 'Состояние', 'Действия']);
    await waitUntil(() => cells(row(el, doctor.id)!)[3] === 'НМИЦ ССХ им. А.Н. Бакулева', 'no center name from the catalog');
    const [name, role, phone, center, duty, status] = cells(row(el, doctor.id)!);
    expect([name, role, phone, center, duty]).to.deep.equal([doctor.fullName, 'врач', spaced(doctor.phone), 'НМИЦ ССХ им. А.Н. Бакулева', 'да']);
    expect(status).to.equal(`${s.active} ${s.mustChangePassword}`);

    const self = cells(row(el, manager.user.id)!);
    expect(self.slice(0, 5)).to.deep.equal([`${MANAGER.fullName} ${s.you}`, 'руководитель программы', spaced(MANAGER.phone), s.noCenter, s.no]);
    expect(self[5]).to.equal(s.active);
    const edit = rowButton(el, doctor.id, 'edit-button');
    expect(shadow(el).getElementById(edit.getAttribute('aria-describedby')!)!.textContent!.trim(), 'whom «Изменить» is for').to.equal(doctor.fullName);
    await expect(el).to.be.accessible();
  });

  it('adds a doctor: the API sends the SMS, the form says until when the password works, the list shows them', async () => {
    const el = await managerView(manager);
    const fullName = uniqueName();
    const phone = uniquePhone();

    // Nothing filled in: the API's field errors stand next to the fields, translated.
    click(el, 'button[part~="add-button"]');
    await waitUntil(() => query(el, '#add-fullName').getAttribute('aria-invalid') === 'true', 'no word about the empty name');
    expect(query(el, '#add-fullName-error').textContent!.trim()).to.equal(ru.fieldErrors.required);
    expect(query(el, '#add-phone-error').textContent!.trim()).to.equal(ru.fieldErrors.required);
    await expectFocusOn(el, query(el, '#add-fullName'), 'focus goes to the first problem');

    type(el, '#add-fullName', fullName);
    type(el, '#add-phone', phone);
    click(el, 'button[part~="add-button"]');
    await waitUntil(() => shadow(el).querySelector('#add-centerId-error'), 'no word about the missing center');
    expect(query(el, '#add-centerId-error').textContent!.trim()).to.equal(s.centerRequired);

    click(el, '#add-center-kulakov');
    const changed = nextChange(el);
    click(el, 'button[part~="add-button"]');
    const event = await changed;
    expect(event.detail.change).to.equal('created');
    expect(event.detail.staff).to.include({ fullName, phone, role: 'doctor', centerId: 'kulakov', isDutyDoctor: false, mustChangePassword: true });
    expect(event.bubbles && event.composed).to.equal(true);

    await waitUntil(() => query(el, '[part~="added"]').textContent!.includes(fullName), 'no confirmation');
    const added = words(query(el, '[part~="added"]'));
    expect(added).to.contain(spaced(phone));
    expect(added).to.match(/Пароль действует до \d+ \S+ \d{4} г\.,? в? ?\d\d:\d\d\.$/);
    expect(query<HTMLInputElement>(el, '#add-fullName').value, 'the form is empty for the next person').to.equal('');
    expect((await outboxTexts(phone)).at(-1)).to.match(/пароль \S+\./);
    await waitUntil(() => row(el, event.detail.staff.id), 'the new doctor is not in the list');
    expect(cells(row(el, event.detail.staff.id)!)[3]).to.equal('НМИЦ АГП им. В.И. Кулакова');

    // The same phone again: said next to the phone.
    type(el, '#add-fullName', uniqueName());
    type(el, '#add-phone', phone);
    click(el, '#add-role-manager');
    await el.updateComplete;
    expect(shadow(el).querySelector('#add-center-kulakov'), 'a manager has no center').to.equal(null);
    click(el, 'button[part~="add-button"]');
    await waitUntil(() => shadow(el).querySelector('#add-phone-error')?.textContent?.trim() === s.phoneTaken, 'no word about the phone taken');
    await expect(el).to.be.accessible();
  });

  it("changes a doctor's name, center and duty flag", async () => {
    const doctor = await addDoctorViaApi(manager, { isDutyDoctor: true });
    const el = await managerView(manager);
    await waitUntil(() => row(el, doctor.id), 'the doctor is not listed');
    rowButton(el, doctor.id, 'edit-button').click();
    await waitUntil(() => dialog(el, 'edit-dialog').open, 'the dialog did not open');
    expect(query<HTMLInputElement>(el, '#edit-fullName').value).to.equal(doctor.fullName);
    expect(query<HTMLInputElement>(el, '#edit-center-bakulev').checked).to.equal(true);
    expect(query<HTMLInputElement>(el, '#edit-isDutyDoctor').checked).to.equal(true);
    await expect(el).to.be.accessible();

    const newName = uniqueName();
    type(el, '#edit-fullName', newName);
    click(el, '#edit-center-kulakov');
    click(el, '#edit-isDutyDoctor');
    const changed = nextChange(el);
    click(el, 'button[part~="save-button"]');
    expect((await changed).detail.change).to.equal('updated');
    await waitUntil(() => !dialog(el, 'edit-dialog').open, 'the dialog did not close');
    expect(cells(row(el, doctor.id)!).slice(0, 5)).to.deep.equal([newName, 'врач', spaced(doctor.phone), 'НМИЦ АГП им. В.И. Кулакова', 'нет']);
    expect(statusText(el)).to.equal(s.saved(newName));
    await expectFocusOn(el, rowButton(el, doctor.id, 'edit-button'), 'back on the button that opened it');
    const saved = (await staffNow(manager)).find((member) => member.id === doctor.id)!;
    expect([saved.fullName, saved.centerId, saved.isDutyDoctor]).to.deep.equal([newName, 'kulakov', false]);
  });

  it("disables a doctor after a confirmation that says every session ends, and lists the consultations that need another doctor", async () => {
    const { staff, consultation } = await doctorWithConsultation(manager);
    const el = await managerView(manager);
    await waitUntil(() => row(el, staff.id), 'the doctor is not listed');

    rowButton(el, staff.id, 'disable-button').click();
    await waitUntil(() => dialog(el, 'disable-dialog').open, 'no confirmation');
    expect(query(el, '#disable-title').textContent).to.equal(s.disableTitle(staff.fullName));
    expect(query(el, '#disable-text').textContent).to.equal(s.disableText);
    await expectFocusOn(el, query(el, 'dialog[part~="disable-dialog"] button[part~="keep-button"]'), 'the harmless answer first');
    await expect(el).to.be.accessible();

    const changed = nextChange(el);
    click(el, 'button[part~="confirm-disable-button"]');
    const event = await changed;
    expect(event.detail.change).to.equal('disabled');
    expect(event.detail.staff.disabledAt).to.be.a('string');
    await waitUntil(() => shadow(el).querySelector('[part~="handover-row"]'), 'the open consultations are not shown');

    expect(query(el, '#handover-title').textContent).to.equal(s.openTitle(staff.fullName));
    expect(query(el, '[part~="handover-note"]').textContent).to.equal(s.openNote);
    const [when, patient, status] = cells(query<HTMLTableRowElement>(el, '[part~="handover-row"]'));
    expect(patient).to.equal(consultation.patientName);
    expect(status).to.equal(ru.domain.consultationStatuses.scheduled);
    expect(when).to.equal(new Intl.DateTimeFormat('ru', { dateStyle: 'long', timeStyle: 'short' }).format(new Date(consultation.startsAt)));
    expect(query(el, '[part~="handover-row"] time').getAttribute('datetime')).to.equal(consultation.startsAt);
    await expectFocusOn(el, query(el, '#handover-title'), 'focus goes to the list to read');
    expect(cells(row(el, staff.id)!)[5]).to.match(/^Вход отключён с \d+ \S+ \d{4} г\.$/);
    expect(statusText(el)).to.equal(s.disabled(staff.fullName));

    // The API did it: the doctor's sign-in is refused.
    const refused = await callApi('POST', '/auth/login', { body: { phone: staff.phone, password: 'Своё-пароль-2026' } });
    expect((refused.body as { error: { code: string } }).error.code).to.equal('account_disabled');
    await expect(el).to.be.accessible();

    click(el, 'button[part~="hide-handover-button"]');
    await waitUntil(() => !shadow(el).querySelector('[part~="handover"]'), 'the list did not hide');
    await expectFocusOn(el, rowButton(el, staff.id, 'enable-button'));
  });

  it('enables a disabled account again, focus staying on the button', async () => {
    const doctor = await addDoctorViaApi(manager);
    await callApi('POST', `/staff/${doctor.id}/disable`, { token: manager.token });
    const el = await managerView(manager);
    await waitUntil(() => row(el, doctor.id), 'the doctor is not listed');
    expect(cells(row(el, doctor.id)!)[5]).to.contain('Вход отключён с');

    const button = rowButton(el, doctor.id, 'enable-button');
    button.focus();
    const changed = nextChange(el);
    button.click();
    expect((await changed).detail.change).to.equal('enabled');
    await waitUntil(() => cells(row(el, doctor.id)!)[5]!.startsWith(s.active), 'the row still says disabled');
    expect(statusText(el)).to.equal(s.enabled(doctor.fullName));
    expect(button.getAttribute('part')).to.contain('disable-button');
    await expectFocusOn(el, button, 'the same button, now «Отключить»');
    expect((await staffNow(manager)).find((member) => member.id === doctor.id)!.disabledAt).to.equal(null);
  });

  it('sends a new password by SMS after a confirmation and says until when it works', async () => {
    const doctor = await addDoctorViaApi(manager);
    const before = (await outboxTexts(doctor.phone)).length;
    const el = await managerView(manager);
    await waitUntil(() => row(el, doctor.id), 'the doctor is not listed');

    rowButton(el, doctor.id, 'password-button').click();
    await waitUntil(() => dialog(el, 'password-dialog').open, 'no confirmation');
    expect(words(query(el, '#password-text'))).to.equal(s.passwordText(spaced(doctor.phone)));
    const changed = nextChange(el);
    click(el, 'button[part~="confirm-password-button"]');
    expect((await changed).detail.change).to.equal('password_sent');
    await waitUntil(() => statusText(el).startsWith('СМС с новым паролем'), 'no confirmation of the SMS');
    expect(statusText(el).startsWith(`СМС с новым паролем отправлено: ${doctor.fullName}, ${spaced(doctor.phone)}. Пароль действует до `)).to.equal(true);
    expect(statusText(el)).to.match(/действует до \d+ \S+ \d{4} г\.,? в? ?\d\d:\d\d\.$/);
    expect(await outboxTexts(doctor.phone)).to.have.length(before + 1);
    await expectFocusOn(el, rowButton(el, doctor.id, 'password-button'));
  });

  it("offers no «Отключить» on the manager's own row (the server would refuse: own_account)", async () => {
    const doctor: StaffMember = await addDoctorViaApi(manager);
    const el = await managerView(manager);
    await waitUntil(() => row(el, doctor.id), 'the doctor is not listed');
    const self = manager.user.id;
    const parts = (id: string) => [...row(el, id)!.querySelectorAll('button')].map((button) => button.getAttribute('part'));
    expect(parts(self)).to.deep.equal(['button edit-button', 'button password-button']);
    expect(parts(doctor.id)).to.deep.equal(['button edit-button', 'button disable-button', 'button password-button']);
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const doctor: StaffMember = await addDoctorViaApi(manager);
    const el = await managerView(manager, html`<oz-staff lang="en"></oz-staff>`);
    expect(query(el, 'h2').textContent).to.equal(en.staff.title);
    await waitUntil(() => row(el, doctor.id) && cells(row(el, doctor.id)!)[3] !== 'bakulev', 'the doctor is not listed');
    expect(cells(row(el, doctor.id)!).slice(1, 6)).to.deep.equal(['doctor', spaced(doctor.phone), 'Bakulev National Medical Research Center for Cardiovascular Surgery', 'yes', `${en.staff.active} ${en.staff.mustChangePassword}`]);
    await expect(el).to.be.accessible();
  });

  it('turns the table into cards on a 360px phone, with big buttons and text of at least 16px', async () => {
    signInPage(manager);
    const wrapper = await fixture(html`<div style="width: 360px"><oz-staff></oz-staff></div>`);
    const el = wrapper.querySelector('oz-staff') as OzStaff;
    await waitUntil(() => shadow(el).querySelector('tr[data-staff-id]'), 'the staff list did not show');
    const first = row(el, manager.user.id)!;
    expect(getComputedStyle(first).display, 'a card, not a table row').to.equal('block');
    expect(getComputedStyle(query(el, 'thead tr')).position, 'the header row is only for screen readers').to.equal('absolute');
    for (const button of shadow(el).querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      if (box.width === 0) continue;
      expect(box.height, button.textContent!).to.be.at.least(44);
      expect(box.right).to.be.at.most(el.getBoundingClientRect().right + 1);
    }
    for (const cell of first.querySelectorAll('th, td')) expect(parseFloat(getComputedStyle(cell).fontSize)).to.be.at.least(16);
    await expect(el).to.be.accessible();
  });
});
