import { PASSWORD_MIN_LENGTH } from '@oz/contracts/constants';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { callApi, codeInLastSms, newPatient, registerPatient, stubApi, testApi, uniquePhone, watchApi } from '../../../test/api.ts';
import { importedPatientAuth } from '../../../test/sms.ts';
import { alertText, buttonPart, field, fieldErrorText, fill, query, submitButton, text } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { catchDownloads } from '../../../test/documents.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { tokenStorageKey } from '../../session/token-storage.ts';
import type { OzRegister } from './oz-register.ts';

/** 1956-04-12 → 12.04.1956, as a person types it. */
const typedDate = (iso: string) => iso.split('-').reverse().join('.');

/** The phone step: types the number, presses «Получить код», waits for the code field. */
async function askForCode(el: OzRegister, phone: string) {
  fill(el, { phone });
  submitButton(el).click();
  await waitUntil(() => el.shadowRoot!.querySelector('[name="code"]') !== null, 'the code step did not come');
}

/** Registers through the form as a person would, the code read from their SMS; resolves with the oz-signed-in event. */
async function registerThroughForm(el: OzRegister, patient = newPatient()) {
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="tab"]')[1]!.click();
  await el.updateComplete;
  expect(query(el, 'h2').textContent).to.contain(ru.register.registerTitle);
  await expect(el).to.be.accessible();
  await askForCode(el, patient.phone);
  expect(shadowFocus(el), 'focus goes to the code').to.equal(field(el, 'code'));
  await expect(el).to.be.accessible();
  fill(el, {
    code: await codeInLastSms(patient.phone),
    fullName: patient.fullName,
    birthDate: typedDate(patient.birthDate),
    password: patient.password,
    consent: true,
  });
  const signedIn = oneEvent(el, 'oz-signed-in');
  submitButton(el).click();
  return { patient, event: await signedIn };
}

/** Signs in through the form; resolves after the click, without waiting for an outcome. */
async function submitSignIn(el: OzRegister, phone: string, password: string) {
  fill(el, { phone, password });
  submitButton(el).click();
  await el.updateComplete;
}

describe('<oz-register>', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  it('registers a new patient, shows who is signed in and fires oz-signed-in', async () => {
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(query(el, 'h2').textContent).to.contain(ru.register.signInTitle);

    const { patient, event } = await registerThroughForm(el);
    expect(event.detail.user.phone).to.equal(patient.phone);
    expect(event.detail.user.fullName).to.equal(patient.fullName);
    expect(event.bubbles && event.composed).to.equal(true);
    await el.updateComplete;

    expect(query(el, '[part~="user"]').textContent).to.contain(ru.register.signedInAs(patient.fullName));
    expect(session.user?.id).to.equal(event.detail.user.id);
    // Kept for the next page load, under a key scoped to this API.
    expect(localStorage.getItem(tokenStorageKey(testApi))).to.equal(session.token);
    const me = await callApi('GET', '/me', { token: session.token! });
    expect(me.status).to.equal(200);
    expect(shadowFocus(el)?.localName).to.equal('h2');
    await expect(el).to.be.accessible();
  });

  it('signs out: fires oz-signed-out, forgets the token and the API refuses it afterwards', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(text(el)).to.contain(ru.register.signedInAs(auth.user.fullName));

    const signedOut = oneEvent(el, 'oz-signed-out');
    buttonPart(el, 'sign-out-button').click();
    const event = await signedOut;
    expect(event.detail).to.deep.equal({});
    await el.updateComplete;

    expect(session.token).to.equal(null);
    expect(session.user).to.equal(null);
    expect(localStorage.getItem(tokenStorageKey(testApi))).to.equal(null);
    expect((await callApi('GET', '/me', { token: auth.token })).status).to.equal(401);
    expect(query(el, 'h2').textContent).to.contain(ru.register.signInTitle);
    await expect(el).to.be.accessible();
  });

  it('downloads a signed-in patient\'s data as one ZIP («Скачать мои данные»), the token never in an address', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(text(el)).to.contain(ru.register.exportDataHint);
    const downloads = catchDownloads();
    try {
      buttonPart(el, 'export-button').click();
      await waitUntil(() => downloads.saved.length === 1, 'nothing was offered for saving');
    } finally {
      downloads.restore();
    }
    const [saved] = downloads.saved;
    expect(saved!.fileName).to.equal(ru.register.exportDataFileName);
    expect(saved!.href).to.match(/^blob:/);
    const bytes = new Uint8Array(await saved!.blob.arrayBuffer());
    expect([...bytes.slice(0, 4)]).to.deep.equal([0x50, 0x4b, 0x03, 0x04], 'a ZIP file');
    await waitUntil(() => query(el, '[role="status"]').textContent?.trim() === ru.register.exportDataSaved, 'no word that it was saved');
    await expect(el).to.be.accessible();

    const refused = stubApi('GET', '/me/export', 503, { error: { code: 'unavailable', message: 'down' } });
    try {
      buttonPart(el, 'export-button').click();
      const failure = () => el.shadowRoot!.querySelector('[part~="export"] [role="alert"]')?.textContent ?? '';
      await waitUntil(() => failure().includes(ru.register.exportDataFailed), 'no word about the failed download');
      expect(failure()).to.contain(ru.errors.unavailable);
    } finally {
      refused.restore();
    }
  });

  it('offers no data download to staff', async () => {
    const auth = (await callApi('POST', '/auth/login', { body: { phone: '+79000000001', password: 'demo-bakulev' } })).body as Parameters<typeof session.adopt>[0];
    session.adopt(auth, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(el.shadowRoot!.querySelector('[part~="export-button"]')).to.equal(null);
  });

  it('signs in with the phone written as people write it', async () => {
    const { patient, auth } = await registerPatient();
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    await expect(el).to.be.accessible();

    const localSpelling = `8 (${patient.phone.slice(2, 5)}) ${patient.phone.slice(5, 8)}-${patient.phone.slice(8, 10)}-${patient.phone.slice(10)}`;
    const signedIn = oneEvent(el, 'oz-signed-in');
    await submitSignIn(el, localSpelling, patient.password);
    expect(submitButton(el).disabled, 'submit is disabled while the request runs').to.equal(true);
    const event = await signedIn;

    expect(event.detail.user.id).to.equal(auth.user.id);
    await el.updateComplete;
    expect(text(el)).to.contain(ru.register.signedInAs(patient.fullName));
    expect(session.token).to.be.a('string').and.not.equal(auth.token);
  });

  it('says in plain Russian that the phone or password is wrong', async () => {
    const { patient } = await registerPatient();
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    let signedIn = false;
    el.addEventListener('oz-signed-in', () => (signedIn = true));

    await submitSignIn(el, patient.phone, 'не-тот-пароль');
    await waitUntil(() => alertText(el) !== '', 'no form-level error appeared');

    expect(alertText(el)).to.equal(ru.errors.invalid_credentials);
    expect(submitButton(el).disabled).to.equal(false);
    expect(signedIn).to.equal(false);
    expect(session.user).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('checks the phone before sending and shows the problem next to the phone field', async () => {
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    const requests = countRequests();
    try {
      fill(el, { phone: '12345' });
      submitButton(el).click();
      await el.updateComplete;
      await waitUntil(() => fieldErrorText(el, 'phone') !== undefined, 'no phone error appeared');
    } finally {
      requests.stop();
    }

    expect(requests.count, 'a failed pre-check sends nothing').to.equal(0);
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.phone_invalid);
    expect(field(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    expect(shadowFocus(el), 'focus moves to the first invalid field').to.equal(field(el, 'phone'));
    await expect(el).to.be.accessible();
  });

  it('lists every missing field of an empty registration and asks for the 152-FZ consent', async () => {
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'phone') !== undefined);
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.required);

    await askForCode(el, uniquePhone());
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'consent') !== undefined);
    expect(fieldErrorText(el, 'code')).to.equal(ru.fieldErrors.required);
    expect(fieldErrorText(el, 'fullName')).to.equal(ru.fieldErrors.required);
    expect(fieldErrorText(el, 'birthDate')).to.equal(ru.fieldErrors.required);
    expect(fieldErrorText(el, 'password')).to.equal(ru.fieldErrors.too_short(PASSWORD_MIN_LENGTH));
    expect(fieldErrorText(el, 'email'), 'e-mail is optional').to.equal(undefined);
    expect(fieldErrorText(el, 'consent')).to.equal(ru.fieldErrors.consent_required);
    expect(shadowFocus(el)).to.equal(field(el, 'code'));
    // The length rule comes from the contract, so the hint and the check cannot disagree.
    expect(query(el, '#password-hint').textContent).to.equal(ru.fields.newPasswordHint(PASSWORD_MIN_LENGTH));
    expect(field(el, 'password').getAttribute('aria-describedby')).to.equal('password-error password-hint');
  });

  it('shows the server’s 409 for a taken phone next to the phone field', async () => {
    const { patient } = await registerPatient();
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    // Said at the phone step already: no SMS goes to a number that has an account.
    fill(el, { phone: patient.phone });
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'phone') !== undefined, 'no phone error appeared');

    expect(fieldErrorText(el, 'phone')).to.equal(ru.errors.phone_taken);
    expect(field(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    expect(shadowFocus(el)).to.equal(field(el, 'phone'));
    expect(session.user).to.equal(null);
  });

  it('speaks English with lang="en", in forms and errors', async () => {
    const { patient } = await registerPatient();
    const el = await fixture<OzRegister>(html`<oz-register lang="en"></oz-register>`);
    expect(query(el, 'h2').textContent).to.contain(en.register.signInTitle);
    expect(query(el, '[part~="base"]').getAttribute('lang')).to.equal('en');

    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'phone') !== undefined);
    expect(fieldErrorText(el, 'phone')).to.equal(en.fieldErrors.required);

    await submitSignIn(el, patient.phone, 'wrong-password');
    await waitUntil(() => alertText(el) !== '');
    expect(alertText(el)).to.equal(en.errors.invalid_credentials);
    await expect(el).to.be.accessible();
  });

  it('follows the page-wide language unless it has its own lang', async () => {
    const wrapper = await fixture(html`<div><oz-register></oz-register><oz-register lang="ru"></oz-register></div>`);
    const [follower, russian] = [...wrapper.querySelectorAll('oz-register')] as [OzRegister, OzRegister];
    // Inside a wrapper the fixture does not wait for them: their first render waits for the forms' chunk.
    await Promise.all([follower.updateComplete, russian.updateComplete]);
    try {
      configure({ lang: 'en' });
      await follower.updateComplete;
      expect(query(follower, 'h2').textContent).to.contain(en.register.signInTitle);
      expect(query(russian, 'h2').textContent).to.contain(ru.register.signInTitle);
    } finally {
      configure({ lang: 'ru' });
    }
  });

  it('shares one session between two elements on a page', async () => {
    const { patient } = await registerPatient();
    const wrapper = await fixture(html`<div><oz-register></oz-register><oz-register></oz-register></div>`);
    const [first, second] = [...wrapper.querySelectorAll('oz-register')] as [OzRegister, OzRegister];
    await Promise.all([first.updateComplete, second.updateComplete]); // their first render waits for the forms' chunk
    let secondSignedIn = false;
    second.addEventListener('oz-signed-in', () => (secondSignedIn = true));

    const signedIn = oneEvent(first, 'oz-signed-in');
    await submitSignIn(first, patient.phone, patient.password);
    await signedIn;
    await second.updateComplete;
    expect(text(second)).to.contain(ru.register.signedInAs(patient.fullName));
    expect(secondSignedIn, 'only the element the user acted in fires the event').to.equal(false);

    const signedOut = oneEvent(second, 'oz-signed-out');
    buttonPart(second, 'sign-out-button').click();
    await signedOut;
    await first.updateComplete;
    expect(query(first, 'h2').textContent).to.contain(ru.register.signInTitle);
  });

  it('makes a user with a one-time password set a new one, without asking for it again, then fires oz-password-changed', async () => {
    // A real patient imported by referral, signed in with the SMS password typed in upper case.
    const auth = await importedPatientAuth();
    expect(auth.user.mustChangePassword).to.equal(true);
    session.adopt({ token: auth.token, user: auth.user }, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(query(el, 'h2').textContent).to.contain(ru.register.forcedTitle);
    expect(text(el)).not.to.contain(ru.register.changePassword);
    expect(el.shadowRoot!.querySelector('[name="currentPassword"]'), 'the sign-in already proved the SMS password').to.equal(null);
    expect(text(el)).not.to.contain(ru.fields.oneTimePassword);
    await expect(el).to.be.accessible();

    fill(el, { newPassword: 'Новый-пароль-1', repeatPassword: 'Новый-пароль-2', consent: true });
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'repeatPassword') !== undefined);
    expect(fieldErrorText(el, 'repeatPassword')).to.equal(ru.fieldErrors.password_mismatch);

    fill(el, { repeatPassword: 'Новый-пароль-1' });
    const sent = watchApi('POST', '/auth/password');
    const changed = oneEvent(el, 'oz-password-changed');
    submitButton(el).click();
    const event = await changed;
    sent.restore();
    expect(sent.calls.length).to.equal(1);
    expect(event.detail.user.mustChangePassword).to.equal(false);
    await el.updateComplete;

    expect(text(el)).to.contain(ru.register.signedInAs(auth.user.fullName));
    expect(query(el, '[role="status"]').textContent).to.contain(ru.register.passwordChanged);
    const login = await callApi('POST', '/auth/login', { body: { phone: auth.phone, password: 'Новый-пароль-1' } });
    expect(login.status).to.equal(200);
    const stale = await callApi('POST', '/auth/login', { body: { phone: auth.phone, password: auth.password } });
    expect(stale.status, 'the SMS password stopped working').to.equal(401);
    await expect(el).to.be.accessible();
  });

  it('asks for the current password on a change the user asked for, and shows a wrong one on its field', async () => {
    const { patient, auth } = await registerPatient();
    session.adopt(auth, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    buttonPart(el, 'change-password-button').click();
    await el.updateComplete;

    fill(el, { currentPassword: 'не-тот-пароль', newPassword: 'Новый-пароль-1', repeatPassword: 'Новый-пароль-1' });
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'currentPassword') !== undefined, 'the API’s 422 was not shown');
    expect(fieldErrorText(el, 'currentPassword')).to.equal(ru.register.wrongCurrentPassword);
    expect(session.user, 'a wrong current password does not sign out').not.to.equal(null);

    fill(el, { currentPassword: patient.password });
    const changed = oneEvent(el, 'oz-password-changed');
    submitButton(el).click();
    expect((await changed).detail.user.mustChangePassword).to.equal(false);
    const login = await callApi('POST', '/auth/login', { body: { phone: patient.phone, password: 'Новый-пароль-1' } });
    expect(login.status).to.equal(200);
  });

  it('asks an imported patient, who never consented, for the 152-FZ consent with the first password', async () => {
    const auth = await importedPatientAuth();
    expect(auth.user.consentGiven).to.equal(false);
    session.adopt({ token: auth.token, user: auth.user }, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(query(el, 'input[name="consent"]'), 'the consent checkbox is on the forced screen').to.exist;
    fill(el, { newPassword: 'Новый-пароль-1', repeatPassword: 'Новый-пароль-1' });
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'consent') !== undefined, 'no consent error');
    expect(fieldErrorText(el, 'consent')).to.equal(ru.fieldErrors.consent_required);
    await expect(el).to.be.accessible();
    query<HTMLInputElement>(el, 'input[name="consent"]').click();
    const changed = oneEvent(el, 'oz-password-changed');
    submitButton(el).click();
    expect((await changed).detail.user.consentGiven).to.equal(true);
  });

  it('keeps the other elements quiet until the one-time password is replaced', async () => {
    const { auth } = await registerPatient();
    session.adopt({ token: auth.token, user: { ...auth.user, mustChangePassword: true } }, testApi);
    const requests: string[] = [];
    const observer = new PerformanceObserver((list) => list.getEntries().forEach((entry) => requests.push(entry.name)));
    observer.observe({ type: 'resource', buffered: false });
    const page = await fixture(html`<div><oz-register></oz-register><oz-documents></oz-documents><oz-consultations></oz-consultations></div>`);
    const documents = page.querySelector('oz-documents')!;
    const consultations = page.querySelector('oz-consultations')!;
    await (documents as unknown as { updateComplete: Promise<unknown> }).updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 300));
    observer.disconnect();
    expect(text(documents)).to.contain(ru.common.finishPasswordChange);
    expect(text(consultations)).to.contain(ru.common.finishPasswordChange);
    expect(requests.filter((url) => /\/api\/v1\/(documents|consultations|applications)/.test(url)), 'no request the API would refuse').to.deep.equal([]);
  });

  it('lets a signed-in user open and cancel the password change', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);

    buttonPart(el, 'change-password-button').click();
    await el.updateComplete;
    expect(query(el, 'h2').textContent).to.contain(ru.register.changePasswordTitle);
    expect(field(el, 'currentPassword').type).to.equal('password');
    buttonPart(el, 'reveal-button').click();
    await el.updateComplete;
    expect(field(el, 'currentPassword').type, 'the show-password button reveals it').to.equal('text');
    await expect(el).to.be.accessible();

    buttonPart(el, 'cancel-button').click();
    await el.updateComplete;
    expect(text(el)).to.contain(ru.register.signedInAs(auth.user.fullName));
  });

  it('takes focus to its first field, or to its heading when the view has none (focus() is how pages lead here)', async () => {
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    el.focus();
    expect(document.activeElement).to.equal(el);
    expect(shadowFocus(el)).to.equal(field(el, 'phone'));

    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    await el.updateComplete;
    el.focus();
    expect(shadowFocus(el)?.localName).to.equal('h2');
  });

  it('links the consent to its text: the API page by default, consent-href when given', async () => {
    const byDefault = await fixture<OzRegister>(html`<oz-register mode="register" lang="en"></oz-register>`);
    await askForCode(byDefault, uniquePhone());
    const link = query<HTMLAnchorElement>(byDefault, 'a[part~="consent-link"]');
    expect(link.href).to.equal(`${testApi}/api/v1/consent?lang=en&format=html`);
    const page = await fetch(link.href);
    expect(page.status, 'the API serves the consent page').to.equal(200);

    const custom = await fixture<OzRegister>(
      html`<oz-register mode="register" consent-href="https://portal.example.ru/soglasie"></oz-register>`,
    );
    await askForCode(custom, uniquePhone());
    expect(query<HTMLAnchorElement>(custom, 'a[part~="consent-link"]').href).to.equal('https://portal.example.ru/soglasie');
  });

  it('has the input types phones need and no field narrower than a 360px screen allows', async () => {
    const wrapper = await fixture(html`<div style="width: 360px"><oz-register mode="register"></oz-register></div>`);
    const el = wrapper.querySelector('oz-register') as OzRegister;
    await el.updateComplete;
    expect(field(el, 'phone').type).to.equal('tel');
    expect(field(el, 'phone').inputMode).to.equal('tel');
    expect(field(el, 'phone').autocomplete).to.equal('tel');
    await askForCode(el, uniquePhone());
    expect(field(el, 'code').inputMode).to.equal('numeric');
    expect(field(el, 'code').autocomplete).to.equal('one-time-code');
    // Not a calendar: a text field with a digit pad and a дд.мм.гггг mask.
    expect(field(el, 'birthDate').type).to.equal('text');
    expect(field(el, 'birthDate').inputMode).to.equal('numeric');
    expect(query(el, '#birthDate-hint').textContent).to.equal(ru.fields.birthDateHint);
    expect(field(el, 'email').type).to.equal('email');
    expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(360);
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
    }
    expect(parseFloat(getComputedStyle(field(el, 'code')).fontSize)).to.be.at.least(16);
  });
});

describe('<oz-register> SMS codes', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));

  beforeEach(forgetSession);

  /** Types digits one by one into the birth date, as a phone's number pad does. */
  async function typeBirthDate(el: OzRegister, digits: string) {
    const input = field(el, 'birthDate');
    input.value = '';
    for (const digit of digits) {
      input.value += digit;
      input.setSelectionRange(input.value.length, input.value.length);
      input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    }
    await el.updateComplete;
  }

  it('says a wrong code plainly, next to the code field, and keeps the person signed out', async () => {
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    const patient = newPatient();
    await askForCode(el, patient.phone);
    const right = await codeInLastSms(patient.phone);
    const wrong = `${right.slice(0, 5)}${(Number(right[5]) + 1) % 10}`;
    fill(el, { code: wrong, fullName: patient.fullName, birthDate: typedDate(patient.birthDate), password: patient.password, consent: true });
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'code') !== undefined, 'no code error appeared');
    expect(fieldErrorText(el, 'code')).to.equal(ru.fieldErrors.code_wrong);
    expect(shadowFocus(el)).to.equal(field(el, 'code'));
    expect(session.user).to.equal(null);
    await expect(el).to.be.accessible();

    fill(el, { code: right });
    const signedIn = oneEvent(el, 'oz-signed-in');
    submitButton(el).click();
    expect((await signedIn).detail.user.phoneConfirmed).to.equal(true);
  });

  it('counts down to the next code, «Отправить ещё раз через 0:45», then sends a new one', async () => {
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    await askForCode(el, uniquePhone());
    const resend = buttonPart(el, 'resend-button');
    expect(resend.disabled).to.equal(true);
    expect(resend.textContent!.trim()).to.match(/^Отправить ещё раз через (1:00|0:5\d)$/);
    await expect(el).to.be.accessible();

    // The real API allows one SMS a minute; a short wait from a canned answer lets the test see the end.
    const soon = () => ({ expiresAt: new Date(Date.now() + 600_000).toISOString(), resendAfter: new Date(Date.now() + 2_000).toISOString() });
    const change = buttonPart(el, 'change-phone-button');
    change.click();
    await el.updateComplete;
    const stub = stubApi('POST', '/auth/phone-code', 202, soon());
    try {
      await askForCode(el, uniquePhone());
      await waitUntil(() => buttonPart(el, 'resend-button').textContent!.trim() === ru.register.resendIn('0:01'), 'the countdown does not tick', { timeout: 3_000 });
      await waitUntil(() => !buttonPart(el, 'resend-button').disabled, 'the countdown does not end', { timeout: 4_000 });
      expect(buttonPart(el, 'resend-button').textContent!.trim()).to.equal(ru.register.resend);
      stub.restore();
      const again = stubApi('POST', '/auth/phone-code', 202, soon());
      try {
        buttonPart(el, 'resend-button').click();
        await waitUntil(() => text(el).includes(ru.register.codeResent), 'no word that a new code went');
        expect(again.calls.length).to.equal(1);
        expect(buttonPart(el, 'resend-button').disabled, 'the countdown starts again').to.equal(true);
      } finally {
        again.restore();
      }
    } finally {
      stub.restore();
    }
  });

  it('puts the dots into the birth date as it is typed, and names an impossible date', async () => {
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    await askForCode(el, uniquePhone());
    await typeBirthDate(el, '12031948');
    expect(field(el, 'birthDate').value).to.equal('12.03.1948');
    await typeBirthDate(el, '1203194899');
    expect(field(el, 'birthDate').value, 'no more than a date').to.equal('12.03.1948');

    await typeBirthDate(el, '31021948');
    expect(field(el, 'birthDate').value).to.equal('31.02.1948');
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'birthDate') !== undefined);
    expect(fieldErrorText(el, 'birthDate')).to.equal(ru.fields.birthDateImpossible);

    await typeBirthDate(el, '1203');
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'birthDate') === ru.fields.birthDateIncomplete, 'an unfinished date is not named');
    await expect(el).to.be.accessible();
  });

  it('«Забыли пароль?»: phone, code from the SMS, a new password, and signed in', async () => {
    const { patient } = await registerPatient();
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    buttonPart(el, 'forgot-button').click();
    await el.updateComplete;
    expect(query(el, 'h2').textContent).to.contain(ru.register.resetTitle);
    await expect(el).to.be.accessible();
    await askForCode(el, patient.phone);
    expect(text(el)).to.contain(ru.register.resetCodeIntro);
    await expect(el).to.be.accessible();
    fill(el, { code: await codeInLastSms(patient.phone), newPassword: 'Незабудка-2025' });
    const signedIn = oneEvent(el, 'oz-signed-in');
    submitButton(el).click();
    expect((await signedIn).detail.user.phone).to.equal(patient.phone);
    await el.updateComplete;
    expect(text(el)).to.contain(ru.register.signedInAs(patient.fullName));
    const login = await callApi('POST', '/auth/login', { body: { phone: patient.phone, password: 'Незабудка-2025' } });
    expect(login.status, 'the new password works').to.equal(200);
  });

  it('answers a reset for any number the same way, and goes back to sign-in', async () => {
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    buttonPart(el, 'forgot-button').click();
    await el.updateComplete;
    await askForCode(el, uniquePhone());
    expect(text(el)).to.contain(ru.register.resetCodeIntro);
    buttonPart(el, 'back-button').click();
    await el.updateComplete;
    expect(query(el, 'h2').textContent).to.contain(ru.register.signInTitle);
  });

  it('asks an account from before SMS codes to confirm its phone at sign-in', async () => {
    const { auth } = await registerPatient();
    // As the API answers for such an account; the confirmation itself goes to the real API.
    session.adopt({ ...auth, user: { ...auth.user, phoneConfirmed: false } }, testApi);
    const el = await fixture<OzRegister>(html`<oz-register></oz-register>`);
    expect(query(el, 'h2').textContent).to.contain(ru.register.confirmTitle);
    expect(text(el)).to.contain(ru.register.confirmIntro(auth.user.phone));
    await expect(el).to.be.accessible();
    submitButton(el).click();
    await waitUntil(() => el.shadowRoot!.querySelector('[name="code"]') !== null, 'no code field');
    fill(el, { code: await codeInLastSms(auth.user.phone) });
    submitButton(el).click();
    await waitUntil(() => text(el).includes(ru.register.phoneConfirmed), 'not confirmed');
    expect(session.user?.phoneConfirmed).to.equal(true);
    expect(text(el)).to.contain(ru.register.signedInAs(auth.user.fullName));
  });
});

/** The element focused inside a shadow root. */
function shadowFocus(el: Element): Element | null {
  return el.shadowRoot!.activeElement;
}

/** Counts fetches to the API while a test step runs (observing only; requests still go out). */
function countRequests() {
  const original = window.fetch;
  const counter = {
    count: 0,
    stop: () => {
      window.fetch = original;
    },
  };
  window.fetch = (input, init) => {
    counter.count++;
    return original(input, init);
  };
  return counter;
}
