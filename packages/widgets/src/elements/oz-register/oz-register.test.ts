import { PASSWORD_MIN_LENGTH } from '@oz/contracts';
import { expect, fixture, html, oneEvent, waitUntil } from '../../../test/testing.ts';
import { callApi, newPatient, registerPatient, testApi, watchApi } from '../../../test/api.ts';
import { importedPatientAuth } from '../../../test/sms.ts';
import { alertText, buttonPart, field, fieldErrorText, fill, query, submitButton, text } from '../../../test/dom.ts';
import { forgetSession } from '../../../test/session.ts';
import { en } from '../../i18n/en.ts';
import { ru } from '../../i18n/ru.ts';
import { configure, session } from '../../index.ts';
import { tokenStorageKey } from '../../session/token-storage.ts';
import type { OzRegister } from './oz-register.ts';

/** Registers through the form as a person would; resolves with the oz-signed-in event. */
async function registerThroughForm(el: OzRegister, patient = newPatient()) {
  el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part~="tab"]')[1]!.click();
  await el.updateComplete;
  expect(query(el, 'h2').textContent).to.contain(ru.register.registerTitle);
  await expect(el).to.be.accessible();
  fill(el, {
    fullName: patient.fullName,
    birthDate: patient.birthDate,
    phone: patient.phone,
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
      fill(el, { fullName: 'Петров Пётр', birthDate: '1950-01-31', phone: '12345', password: 'Достаточно-длинный', consent: true });
      submitButton(el).click();
      await el.updateComplete;
      await waitUntil(() => fieldErrorText(el, 'phone') !== undefined, 'no phone error appeared');
    } finally {
      requests.stop();
    }

    expect(requests.count, 'a failed pre-check sends nothing').to.equal(0);
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.phone_invalid);
    expect(field(el, 'phone').getAttribute('aria-invalid')).to.equal('true');
    expect(field(el, 'fullName').getAttribute('aria-invalid')).to.equal('false');
    expect(shadowFocus(el), 'focus moves to the first invalid field').to.equal(field(el, 'phone'));
    await expect(el).to.be.accessible();
  });

  it('lists every missing field of an empty registration and asks for the 152-FZ consent', async () => {
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    submitButton(el).click();
    await waitUntil(() => fieldErrorText(el, 'consent') !== undefined);

    expect(fieldErrorText(el, 'fullName')).to.equal(ru.fieldErrors.required);
    expect(fieldErrorText(el, 'phone')).to.equal(ru.fieldErrors.required);
    expect(fieldErrorText(el, 'password')).to.equal(ru.fieldErrors.too_short(PASSWORD_MIN_LENGTH));
    expect(fieldErrorText(el, 'email'), 'e-mail is optional').to.equal(undefined);
    expect(fieldErrorText(el, 'consent')).to.equal(ru.fieldErrors.consent_required);
    expect(shadowFocus(el)).to.equal(field(el, 'fullName'));
    // The length rule comes from the contract, so the hint and the check cannot disagree.
    expect(query(el, '#password-hint').textContent).to.equal(ru.fields.newPasswordHint(PASSWORD_MIN_LENGTH));
    expect(field(el, 'password').getAttribute('aria-describedby')).to.equal('password-error password-hint');
  });

  it('shows the server’s 409 for a taken phone next to the phone field', async () => {
    const { patient } = await registerPatient();
    const el = await fixture<OzRegister>(html`<oz-register mode="register"></oz-register>`);
    fill(el, { ...stringFields(newPatient({ phone: patient.phone })), consent: true });
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
    const link = query<HTMLAnchorElement>(byDefault, 'a[part~="consent-link"]');
    expect(link.href).to.equal(`${testApi}/api/v1/consent?lang=en&format=html`);
    const page = await fetch(link.href);
    expect(page.status, 'the API serves the consent page').to.equal(200);

    const custom = await fixture<OzRegister>(
      html`<oz-register mode="register" consent-href="https://portal.example.ru/soglasie"></oz-register>`,
    );
    expect(query<HTMLAnchorElement>(custom, 'a[part~="consent-link"]').href).to.equal('https://portal.example.ru/soglasie');
  });

  it('has the input types phones need and no field narrower than a 360px screen allows', async () => {
    const wrapper = await fixture(html`<div style="width: 360px"><oz-register mode="register"></oz-register></div>`);
    const el = wrapper.querySelector('oz-register') as OzRegister;
    expect(field(el, 'phone').type).to.equal('tel');
    expect(field(el, 'phone').inputMode).to.equal('tel');
    expect(field(el, 'phone').autocomplete).to.equal('tel');
    expect(field(el, 'birthDate').type).to.equal('date');
    expect(field(el, 'email').type).to.equal('email');
    expect(el.scrollWidth, 'no horizontal overflow').to.be.at.most(360);
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      expect(button.getBoundingClientRect().height, button.textContent!).to.be.at.least(44);
    }
    expect(parseFloat(getComputedStyle(field(el, 'phone')).fontSize)).to.be.at.least(16);
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

function stringFields(patient: ReturnType<typeof newPatient>): Record<string, string> {
  return {
    fullName: patient.fullName,
    birthDate: patient.birthDate,
    phone: patient.phone,
    password: patient.password,
  };
}
