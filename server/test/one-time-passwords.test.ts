import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, normalized, registerPatient, startTestServer, uniquePhone, type TestServer } from './helpers.ts';
import { signInStaff } from './fixtures.ts';
import { HEADER, csv, importFile } from './referral-tables.ts';
import { outbox, smsPassword } from './sms-outbox.ts';
import {
  ONE_TIME_PASSWORD_ALPHABET,
  ONE_TIME_PASSWORD_LENGTH,
  credentialsText,
  newOneTimePassword,
} from '../src/services/referrals/one-time-password.ts';
import { normalizeOneTimePassword } from '../src/services/passwords.ts';

const signIn = (server: TestServer, phone: string, password: string) => server.request('/api/v1/auth/login', { json: { phone, password } });
const changePassword = (server: TestServer, token: string, body: Record<string, unknown>) =>
  server.request('/api/v1/auth/password', { token, json: body });

/** Spaced in threes, as a person copying it off a phone screen might type it. */
const spaced = (password: string) => password.replace(/(.{3})(?=.)/g, '$1 ');

describe('one-time passwords people can type', () => {
  it('are digits and lower-case letters without look-alikes, at least 40 random bits', () => {
    assert.equal(ONE_TIME_PASSWORD_ALPHABET.length, 31);
    assert.doesNotMatch(ONE_TIME_PASSWORD_ALPHABET, /[01ilo]|[A-Z]/);
    assert.equal(new Set(ONE_TIME_PASSWORD_ALPHABET).size, ONE_TIME_PASSWORD_ALPHABET.length);
    assert.ok(ONE_TIME_PASSWORD_LENGTH * Math.log2(ONE_TIME_PASSWORD_ALPHABET.length) >= 40);
    const many = Array.from({ length: 2000 }, () => newOneTimePassword());
    for (const password of many) assert.match(password, /^[2-9a-hjkmnp-z]{10}$/);
    assert.equal(new Set(many).size, many.length, 'no repeats');
    // Every character of the alphabet turns up: the generator uses all of it.
    assert.equal(new Set(many.join('')).size, ONE_TIME_PASSWORD_ALPHABET.length);
  });

  it('read the same whatever the case, spaces, dashes and Cyrillic look-alikes', () => {
    assert.equal(normalizeOneTimePassword('K7MX-P3QR AB'), 'k7mxp3qrab');
    assert.equal(normalizeOneTimePassword(' k7m xp3 qra b\t'), 'k7mxp3qrab');
    assert.equal(normalizeOneTimePassword('К7МХР3QRАВ'), 'k7mxp3qrab', 'typed on a Russian layout');
  });

  it('name the program and who referred the person in the SMS, «пароль» once', () => {
    const text = credentialsText('https://oz.example.ru/portal.html', '+79210000001', 'k7mxp3qrab', {
      organization: 'ГБУЗ ЛО «Приозерская МБ»',
      referringDoctor: 'Петров А. И.',
    });
    assert.equal(
      text,
      'Облако здоровья — бесплатные онлайн-консультации НМИЦ Минздрава России. Вас направили: ГБУЗ ЛО «Приозерская МБ». Вход https://oz.example.ru/portal.html, логин +79210000001, пароль k7mxp3qrab',
    );
    const byDoctor = credentialsText('https://x.ru/', '+79210000001', 'k7mxp3qrab', { organization: '', referringDoctor: 'Петров А. И.' });
    assert.match(byDoctor, /Вас направили: Петров А\. И\. Вход/);
    const nobody = credentialsText('https://x.ru/', '+79210000001', 'k7mxp3qrab');
    assert.match(nobody, /Вас направил ваш лечащий врач\. Вход/);
    const sly = credentialsText('https://x.ru/', '+79210000001', 'k7mxp3qrab', { organization: 'Больница, пароль 123' });
    assert.equal(sly.split('пароль').length, 2, 'a table cannot add a second «пароль»');
    const long = credentialsText('https://x.ru/', '+79210000001', 'k7mxp3qrab', { organization: 'Б'.repeat(400) });
    assert.ok(long.length < 300, 'a long organization name is cut');
  });
});

describe('signing in with a one-time password and replacing it', () => {
  let server: TestServer;
  let manager: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer({ OZ_OTP_TTL_DAYS: '7' });
    manager = await signInStaff(server, { role: 'manager' });
  });
  after(() => server.close());

  async function importPatient(organization = 'ГБУЗ ЛО «Приозерская МБ»') {
    const phone = normalized(uniquePhone());
    const response = await importFile(server, manager.token, csv([HEADER, ['Зайцева Ольга Ивановна', '01.01.1950', phone, 'ИБС', 'Бакулева', 'Петров А. И.', organization]]), 't.csv');
    assert.equal(response.status, 200);
    return { phone, password: await smsPassword(server, phone) };
  }

  it('accepts the SMS password typed in upper case or spaced, and never a wrong one', async () => {
    const { phone, password } = await importPatient();
    assert.match(password, /^[2-9a-hjkmnp-z]{10}$/);
    assert.equal((await signIn(server, phone, password.toUpperCase())).status, 200, 'upper case');
    assert.equal((await signIn(server, phone, spaced(password))).status, 200, 'spaced');
    assert.equal((await signIn(server, phone, `${password.slice(0, 5)}-${password.slice(5)}`)).status, 200, 'with a dash');
    const wrong = await signIn(server, phone, `${password.slice(0, -1)}${password.endsWith('2') ? '3' : '2'}`);
    assert.equal((await errorOf(wrong)).code, 'invalid_credentials');
  });

  it('keeps a person’s own password case-sensitive, before and after an import', async () => {
    const patient = await registerPatient(server, { password: 'Correct Horse' });
    assert.equal((await signIn(server, patient.user.phone, 'Correct Horse')).status, 200);
    assert.equal((await signIn(server, patient.user.phone, 'correct horse')).status, 401);
    assert.equal((await signIn(server, patient.user.phone, 'CorrectHorse')).status, 401, 'spaces count');

    // An imported patient who chose their own password: it is compared exactly, too.
    const { phone, password } = await importPatient();
    const { token } = (await (await signIn(server, phone, password)).json()) as { token: string };
    assert.equal((await changePassword(server, token, { newPassword: 'Моя Новая Тайна', consent: true })).status, 200);
    assert.equal((await signIn(server, phone, 'Моя Новая Тайна')).status, 200);
    assert.equal((await signIn(server, phone, 'моя новая тайна')).status, 401);
    assert.equal((await signIn(server, phone, password)).status, 401, 'the one-time password is gone');
  });

  it('lets only a session signed in with the one-time password change it without the current password', async () => {
    const own = await registerPatient(server);
    const refused = await changePassword(server, own.token, { newPassword: 'another long one' });
    assert.equal(refused.status, 422);
    assert.deepEqual((await errorOf(refused)).details?.fields?.map((f) => [f.field, f.code]), [['currentPassword', 'required']]);
    assert.equal((await signIn(server, own.user.phone, own.password)).status, 200, 'nothing changed');
    assert.equal((await changePassword(server, own.token, { currentPassword: own.password, newPassword: 'another long one' })).status, 200);

    const { phone, password } = await importPatient();
    const { token, user } = (await (await signIn(server, phone, password.toUpperCase())).json()) as { token: string; user: { mustChangePassword: boolean } };
    assert.equal(user.mustChangePassword, true);
    const same = await changePassword(server, token, { newPassword: spaced(password.toUpperCase()), consent: true });
    assert.deepEqual((await errorOf(same)).details?.fields?.map((f) => [f.field, f.code]), [['newPassword', 'password_same']]);
    const changed = await changePassword(server, token, { newPassword: 'моя новая тайна', consent: true });
    assert.equal(changed.status, 200);
    assert.equal(((await changed.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword, false);
    // Now on their own password: the current one is required again.
    const again = await changePassword(server, token, { newPassword: 'ещё одна тайна' });
    assert.deepEqual((await errorOf(again)).details?.fields?.map((f) => [f.field, f.code]), [['currentPassword', 'required']]);
  });

  it('still accepts the one-time password as the current password, in any case', async () => {
    const { phone, password } = await importPatient();
    const { token } = (await (await signIn(server, phone, password)).json()) as { token: string };
    const changed = await changePassword(server, token, { currentPassword: spaced(password.toUpperCase()), newPassword: 'моя новая тайна', consent: true });
    assert.equal(changed.status, 200);
  });

  it('names the referring organization in the SMS of a new password sent by the manager', async () => {
    const { phone } = await importPatient('ГБУЗ «Тихвинская МБ»');
    const response = await server.request('/api/v1/referrals/credentials', { token: manager.token, json: { phone } });
    assert.equal(response.status, 200);
    const texts = (await outbox(server)).filter((message) => message.to === phone).map((message) => message.text);
    assert.equal(texts.length, 2);
    for (const text of texts) {
      assert.match(text, /^Облако здоровья — бесплатные онлайн-консультации НМИЦ Минздрава России\. Вас направили: ГБУЗ «Тихвинская МБ»\. /);
      assert.match(text, new RegExp(`логин \\${phone}, пароль [2-9a-hjkmnp-z]{10}$`));
      assert.equal(text.split('пароль').length, 2);
    }
  });
});
