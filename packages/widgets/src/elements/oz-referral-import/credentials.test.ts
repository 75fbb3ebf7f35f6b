import type { AuthResponse } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { sendKeys } from '@web/test-runner-commands';
import { registerPatient, signInViaApi, uniquePhone } from '../../../test/api.ts';
import { buttonPart, fieldErrorText, fill, query } from '../../../test/dom.ts';
import { chooseFiles } from '../../../test/documents.ts';
import { MANAGER, failImportSms, importedPatient, referralFile, referralRow, resendViaApi } from '../../../test/referrals.ts';
import { signInPage, useTestApi } from '../../../test/session.ts';
import type { OzCredentialsSentEvent } from '../../events/index.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { OzReferralImport } from './oz-referral-import.ts';

OzReferralImport.define('oz-referral-import');

const t = ru.referralImport;
const DAY_MS = 24 * 3600 * 1000;

/** One sign-in for the whole file: the shared test server limits how often anyone signs in. */
let manager: AuthResponse;

async function managerElement(lang = 'ru'): Promise<OzReferralImport> {
  signInPage(manager);
  return fixture<OzReferralImport>(html`<oz-referral-import lang=${lang}></oz-referral-import>`);
}

/** Written independently of the element: +79211234567 → +7 921 123-45-67. */
function spaced(phone: string): string {
  return `${phone.slice(0, 2)} ${phone.slice(2, 5)} ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;
}

/** "8 (921) 123-45-67": one of the spellings a manager copies from a referral. */
function asWrittenByHand(phone: string): string {
  return `8 (${phone.slice(2, 5)}) ${phone.slice(5, 8)}-${phone.slice(8, 10)}-${phone.slice(10)}`;
}

function day(lang: string, iso: string): string {
  return new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric' }).format(new Date(iso));
}

function phoneInput(el: OzReferralImport): HTMLInputElement {
  return query<HTMLInputElement>(el, 'input[part~="phone-input"]');
}

function formAlert(el: OzReferralImport): string {
  return query(el, '[part~="credentials"] [role="alert"]').textContent!.trim();
}

/** What has focus, as words a failing assertion can print (DOM nodes are too big to serialise). */
function focused(el: OzReferralImport): string {
  const active = el.shadowRoot!.activeElement;
  return active ? `${active.localName} ${active.id || active.getAttribute('part') || ''}`.trim() : 'nothing';
}

function describeNode(node: Element | null): string {
  return node ? `${node.localName} ${node.id || node.getAttribute('part') || ''}`.trim() : 'nothing';
}

/** Text as read, with no-break spaces (kept in phones and dates on narrow screens) as plain ones. */
function words(node: Element | null | undefined): string | undefined {
  return node?.textContent?.replace(/\s+/g, ' ').trim();
}

function statusText(el: OzReferralImport): string | undefined {
  return words(query(el, '[role="status"]'));
}

function sentText(el: OzReferralImport): string | undefined {
  return words(el.shadowRoot!.querySelector('[part~="credentials-sent"]'));
}

/** Every oz-credentials-sent the element fires, to check that a refusal fires none. */
function recordSent(el: OzReferralImport): OzCredentialsSentEvent['detail'][] {
  const seen: OzCredentialsSentEvent['detail'][] = [];
  el.addEventListener('oz-credentials-sent', (event) => seen.push(event.detail));
  return seen;
}

/** Sends the form with the button and waits for the answer. */
async function sendPassword(el: OzReferralImport, phone: string): Promise<void> {
  fill(el, { phone });
  const button = buttonPart(el, 'send-password-button');
  button.focus();
  button.click();
  await el.updateComplete;
  await waitUntil(() => !button.disabled, 'the answer did not come', { timeout: 10_000 });
  await el.updateComplete;
}

/** Imports the table through the element (check, then confirm) and waits for the result. */
async function importThroughElement(el: OzReferralImport, file: File): Promise<void> {
  chooseFiles(query<HTMLInputElement>(el, 'input[type="file"]'), file);
  await waitUntil(() => el.shadowRoot!.querySelector('[part~="confirm-button"]'), 'no preview', { timeout: 15_000 });
  buttonPart(el, 'confirm-button').click();
  await waitUntil(() => el.shadowRoot!.querySelector('#result-title'), 'no result', { timeout: 15_000 });
}

function smsRow(el: OzReferralImport, phone: string): HTMLTableRowElement {
  const row = [...el.shadowRoot!.querySelectorAll<HTMLTableRowElement>('tr[part~="sms-failure"]')].find((tr) =>
    tr.textContent!.includes(phone),
  );
  if (!row) throw new Error(`no failed SMS row for ${phone}`);
  return row;
}

describe('<oz-referral-import>: a new password for a patient', () => {
  before(async () => {
    manager = await signInViaApi(MANAGER);
  });
  beforeEach(useTestApi);

  it('sends a new password by phone, pressing Enter: name, phone and last day shown, event fired, field cleared', async () => {
    const patient = await importedPatient(manager.token);
    const el = await managerElement();
    const section = query(el, '[part~="credentials"]');
    expect(section.querySelector('h3')!.textContent).to.equal(t.credentialsTitle);
    expect(section.textContent).to.contain(t.credentialsIntro);
    const input = phoneInput(el);
    expect(input.labels?.[0]?.textContent).to.equal(t.patientPhone);
    expect([input.type, input.inputMode, input.autocomplete]).to.deep.equal(['tel', 'tel', 'off']);
    const hintId = input.getAttribute('aria-describedby')!;
    expect(el.shadowRoot!.getElementById(hintId)!.textContent).to.equal(ru.fields.phoneHint);
    expect(buttonPart(el, 'send-password-button').textContent!.trim()).to.equal(t.sendPassword);
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'oz-credentials-sent');
    input.focus();
    fill(el, { phone: asWrittenByHand(patient.phone) });
    await sendKeys({ press: 'Enter' });
    const { detail } = await sent;
    expect(detail.phone, 'normalised').to.equal(patient.phone);
    const days = (Date.parse(detail.expiresAt) - Date.now()) / DAY_MS;
    expect(days, 'the new password lasts the server’s 7 days').to.be.within(6.99, 7.01);

    await el.updateComplete;
    const expected = t.passwordSent(patient.fullName, spaced(patient.phone), day('ru', detail.expiresAt));
    expect(expected).to.match(/до \d{1,2} [а-я]+ \d{4} г\.$/);
    expect(sentText(el)).to.equal(expected);
    expect(statusText(el), 'announced').to.equal(expected);
    expect(input.value, 'cleared for the next patient').to.equal('');
    expect(focused(el)).to.equal(describeNode(input));
    await expect(el).to.be.accessible();

    // The server really sent it: a second SMS to the phone within the minute is refused.
    expect(await resendViaApi(manager.token, patient.phone)).to.equal(429);
    const seen = recordSent(el);
    await sendPassword(el, patient.phone);
    expect(formAlert(el)).to.equal(t.resendTooSoon(1));
    expect(sentText(el), 'the earlier confirmation is gone').to.equal(undefined);
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('false');
    expect(['input credentials-phone', 'button button send-password-button'], 'focus stays in the form').to.include(focused(el));
    expect(seen).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('shows pending, then says what is wrong: an empty field, a bad phone, an unknown phone, a patient with their own password', async () => {
    const el = await managerElement();
    const seen = recordSent(el);

    buttonPart(el, 'send-password-button').click();
    await waitUntil(() => fieldErrorText(el, 'phone'), 'no field error');
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.required);
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
    expect(focused(el), 'focus goes to the field').to.equal(describeNode(phoneInput(el)));
    expect(formAlert(el)).to.equal('');
    await expect(el).to.be.accessible();

    // Not a phone: the API's 422 field error, next to the field.
    fill(el, { phone: '12345' });
    const button = buttonPart(el, 'send-password-button');
    button.click();
    await el.updateComplete;
    expect(button.disabled, 'pending').to.equal(true);
    expect(button.textContent!.trim()).to.equal(t.sendingPassword);
    await waitUntil(() => !button.disabled, 'no answer', { timeout: 10_000 });
    await el.updateComplete;
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.phone_invalid);
    expect(focused(el)).to.equal(describeNode(phoneInput(el)));
    expect(formAlert(el)).to.equal('');

    await sendPassword(el, uniquePhone());
    expect(formAlert(el)).to.equal(t.noSuchPatient);
    expect(fieldErrorText(el, 'phone'), 'the field error is gone').to.equal(undefined);
    expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('false');

    const { patient } = await registerPatient();
    await sendPassword(el, patient.phone);
    expect(formAlert(el)).to.equal(ru.errors.password_already_set);
    expect(query(el, '[part~="credentials"] [role="alert"]').getAttribute('part')).to.contain('form-error');
    await expect(el).to.be.accessible();

    // The message is kept as words of the strings, so it follows the element's language.
    el.lang = 'en';
    await el.updateComplete;
    expect(formAlert(el)).to.equal(en.errors.password_already_set);
    expect(seen, 'no refusal fires the event').to.deep.equal([]);
  });

  it('sends the SMS again from the result’s list of SMS that did not go out, row by row', async () => {
    const first = referralRow();
    const second = referralRow();
    const el = await managerElement();
    const failing = failImportSms();
    try {
      await importThroughElement(el, referralFile([first, second]));
    } finally {
      failing.restore();
    }
    const section = query(el, '[part~="sms-failures"]');
    expect(section.textContent).to.contain(t.smsFailuresIntro);
    expect(t.smsFailuresIntro).not.to.contain('администратор');
    const outcomes = [...el.shadowRoot!.querySelectorAll('[part~="rows-table"] .outcome')].map((cell) => cell.textContent?.trim());
    expect(outcomes, 'the rows do not claim an SMS went out').to.deep.equal([t.createdSmsFailed, t.createdSmsFailed]);
    const [phone1, phone2] = [first[2]!, second[2]!];
    for (const phone of [phone1, phone2]) {
      const button = smsRow(el, phone).querySelector<HTMLButtonElement>('button[part~="resend-button"]')!;
      // Every row has the same button: its name says whose phone it is.
      expect(button.getAttribute('aria-label')).to.equal(`${t.resendSms} ${t.resendTo(phone)}`);
    }
    await expect(el).to.be.accessible();

    const sent = oneEvent(el, 'oz-credentials-sent');
    const button1 = smsRow(el, phone1).querySelector<HTMLButtonElement>('button[part~="resend-button"]')!;
    // A person's click focuses the button first.
    button1.focus();
    button1.click();
    await el.updateComplete;
    expect(button1.disabled, 'pending').to.equal(true);
    expect(button1.textContent).to.contain(t.resending);
    const { detail } = await sent;
    expect(detail.phone).to.equal(phone1);
    await el.updateComplete;
    const status = smsRow(el, phone1).querySelector('[part~="resend-status"]');
    expect(words(status)).to.equal(t.resent(day('ru', detail.expiresAt)));
    expect(smsRow(el, phone1).querySelector('button'), 'nothing more to press').to.equal(null);
    expect(focused(el), 'focus on the row’s new status').to.equal('span resend-status');
    expect(el.shadowRoot!.activeElement === status).to.equal(true);
    expect(statusText(el)).to.equal(t.passwordSent(first[0]!, spaced(phone1), day('ru', detail.expiresAt)));
    expect(await resendViaApi(manager.token, phone1), 'the server sent it: the next one waits').to.equal(429);

    // The second patient was just sent one another way: the row says to wait, the button stays.
    expect(await resendViaApi(manager.token, phone2)).to.equal(200);
    const button2 = smsRow(el, phone2).querySelector<HTMLButtonElement>('button[part~="resend-button"]')!;
    button2.focus();
    button2.click();
    await el.updateComplete;
    await waitUntil(() => !button2.disabled, 'no answer', { timeout: 10_000 });
    await el.updateComplete;
    const error = smsRow(el, phone2).querySelector('[part~="error"]')!;
    expect(error.textContent!.trim()).to.equal(t.resendTooSoon(1));
    expect(button2.getAttribute('aria-describedby')).to.equal(error.id);
    expect(el.shadowRoot!.activeElement === button2, focused(el)).to.equal(true);
    expect(smsRow(el, phone1).querySelector('[part~="resend-status"]'), 'the first row is still sent').to.exist;
    await expect(el).to.be.accessible();
  });

  it('speaks English with lang="en"', async () => {
    const patient = await importedPatient(manager.token);
    const el = await managerElement('en');
    const e = en.referralImport;
    expect(query(el, '[part~="credentials"] h3').textContent).to.equal(e.credentialsTitle);
    expect(phoneInput(el).labels?.[0]?.textContent).to.equal(e.patientPhone);
    expect(buttonPart(el, 'send-password-button').textContent!.trim()).to.equal(e.sendPassword);

    const sent = oneEvent(el, 'oz-credentials-sent');
    fill(el, { phone: patient.phone });
    buttonPart(el, 'send-password-button').click();
    const { detail } = await sent;
    await el.updateComplete;
    expect(sentText(el)).to.equal(e.passwordSent(patient.fullName, spaced(patient.phone), day('en', detail.expiresAt)));
    expect(sentText(el)).to.match(/until [A-Z][a-z]+ \d{1,2}, \d{4}\.$/);
    await expect(el).to.be.accessible();

    await sendPassword(el, uniquePhone());
    expect(formAlert(el)).to.equal(e.noSuchPatient);
  });

  it('drops an answer that arrives after another person signed in', async () => {
    const patient = await importedPatient(manager.token);
    const el = await managerElement();
    const seen = recordSent(el);
    fill(el, { phone: patient.phone });
    buttonPart(el, 'send-password-button').click();
    session.clear();
    await el.updateComplete;
    signInPage(manager);
    await el.updateComplete;
    // Whether or not the aborted request reached the server, it has answered once this one does.
    expect([200, 429]).to.include(await resendViaApi(manager.token, patient.phone));
    await el.updateComplete;
    expect(sentText(el)).to.equal(undefined);
    expect(buttonPart(el, 'send-password-button').disabled).to.equal(false);
    expect(seen).to.deep.equal([]);
  });

  it('fits a 360px phone: no sideways scrolling, big enough field, button and text', async () => {
    signInPage(manager);
    const wrapper = await fixture(html`<div style="width: 360px"><oz-referral-import></oz-referral-import></div>`);
    const el = wrapper.querySelector('oz-referral-import') as OzReferralImport;
    await sendPassword(el, '12345');
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.phone_invalid);
    expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(360);
    const section = query(el, '[part~="credentials"]');
    // The screen's right edge, from the wrapper's left (the test page's body has a margin).
    const screenRight = wrapper.getBoundingClientRect().left + 360;
    for (const control of section.querySelectorAll<HTMLElement>('input, button')) {
      expect(control.getBoundingClientRect().height, control.outerHTML).to.be.at.least(44);
      expect(control.getBoundingClientRect().right, control.outerHTML).to.be.at.most(screenRight);
    }
    for (const node of section.querySelectorAll<HTMLElement>('p, label, span, input, button')) {
      expect(parseFloat(getComputedStyle(node).fontSize), node.outerHTML).to.be.at.least(16);
    }
  });
});
