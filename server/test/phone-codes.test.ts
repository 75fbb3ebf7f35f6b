import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONSENT_VERSION } from '@oz/contracts';
import { hashPassword } from '../src/services/passwords.ts';
import { newId } from '../src/services/tokens.ts';
import { errorOf, normalized, outboxOf, registerPatient, registration, requestSmsCode, startTestServer, uniquePhone, type TestServer } from './helpers.ts';
import { freshDatabaseUrl, reachableServer } from './store/test-databases.ts';
import { signInStaff } from './fixtures.ts';
import { HEADER, csv, importFile } from './referral-tables.ts';
import { smsPassword } from './sms-outbox.ts';

const MINUTE = 60_000;

const askCode = (server: TestServer, phone: string, purpose: 'register' | 'reset') =>
  server.request('/api/v1/auth/phone-code', { json: { phone, purpose } });

const register = (server: TestServer, fields: Record<string, unknown>) => server.request('/api/v1/auth/register', { json: registration(fields) });

/** A code that is not the one sent: the sent one's last digit moved on by one. */
const otherThan = (code: string) => `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;

const codeFieldError = async (response: Response) => {
  assert.equal(response.status, 422);
  const error = await errorOf(response);
  assert.equal(error.code, 'validation_failed');
  return error.details?.fields?.find((field) => field.field === 'code')?.code;
};

/** A patient as an older version stored them: registered before SMS codes, phone not confirmed. */
async function olderPatient(server: TestServer) {
  const phone = normalized(uniquePhone());
  const at = new Date().toISOString();
  await server.services.store.users.insert({
    id: newId(),
    role: 'patient',
    fullName: 'Старова Вера Ивановна',
    phone,
    email: null,
    birthDate: '1948-03-12',
    centerId: null,
    isDutyDoctor: false,
    mustChangePassword: false,
    passwordHash: await hashPassword('old password 1'),
    consent: { at, version: CONSENT_VERSION },
    createdAt: at,
    updatedAt: at,
  });
  return { phone, password: 'old password 1' };
}

describe('SMS codes (POST /auth/phone-code)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('sends «код» and six digits, answers 202 with expiresAt and resendAfter, and stores only a hash', async () => {
    const phone = uniquePhone();
    const response = await askCode(server, phone, 'register');
    assert.equal(response.status, 202);
    const { expiresAt, resendAfter } = (await response.json()) as { expiresAt: string; resendAfter: string };
    const sms = (await outboxOf(server)(normalized(phone))).at(-1) ?? '';
    assert.match(sms, /^Облако здоровья: код \d{6} /);
    const code = /код (\d{6})/.exec(sms)![1]!;
    assert.ok(Math.abs(Date.parse(expiresAt) - Date.now() - 10 * MINUTE) < 5_000, 'valid 10 minutes');
    assert.ok(Math.abs(Date.parse(resendAfter) - Date.now() - MINUTE) < 5_000, 'a new one after a minute');
    const file = await readFile(join(server.dataDir, 'oz-store.json'), 'utf8');
    assert.ok(!file.includes(code), 'the code itself is never stored');
  });

  it('registers with the right code, marks the phone confirmed, and the code works once', async () => {
    const phone = uniquePhone();
    const code = await requestSmsCode(server, phone);
    const response = await register(server, { phone, code });
    assert.equal(response.status, 201);
    assert.equal(((await response.json()) as { user: { phoneConfirmed: boolean } }).user.phoneConfirmed, true);
  });

  it('refuses registration without a sent code, with a wrong one, and with the code of another phone', async () => {
    const phone = uniquePhone();
    assert.equal(await codeFieldError(await register(server, { phone, code: '123456' })), 'code_expired');
    const code = await requestSmsCode(server, phone);
    assert.equal(await codeFieldError(await register(server, { phone, code: otherThan(code) })), 'code_wrong');
    const other = uniquePhone();
    await requestSmsCode(server, other);
    assert.equal(await codeFieldError(await register(server, { phone: other, code })), 'code_wrong');
    assert.equal((await register(server, { phone, code: `${code.slice(0, 3)} ${code.slice(3)}` })).status, 201, 'spaces in the code are fine');
  });

  it('expires a code after 10 minutes', async () => {
    const phone = uniquePhone();
    const code = await requestSmsCode(server, phone);
    server.advance(10 * MINUTE + 1_000);
    assert.equal(await codeFieldError(await register(server, { phone, code })), 'code_expired');
  });

  it('takes 5 tries: after 5 wrong ones even the right code no longer works', async () => {
    const phone = uniquePhone();
    const code = await requestSmsCode(server, phone);
    const codes = [];
    for (let attempt = 0; attempt < 5; attempt += 1) codes.push(await codeFieldError(await register(server, { phone, code: otherThan(code) })));
    assert.deepEqual(codes, ['code_wrong', 'code_wrong', 'code_wrong', 'code_wrong', 'code_used_up']);
    assert.equal(await codeFieldError(await register(server, { phone, code })), 'code_used_up');
    server.advance(MINUTE);
    const fresh = await requestSmsCode(server, phone);
    assert.equal((await register(server, { phone, code: fresh })).status, 201, 'a new code starts over');
  });

  it('sends one SMS a minute per phone: 429 with the seconds to wait, then a new code replaces the old', async () => {
    const phone = uniquePhone();
    const first = await requestSmsCode(server, phone);
    const again = await askCode(server, phone, 'register');
    assert.equal(again.status, 429);
    const error = await errorOf(again);
    assert.equal(error.code, 'rate_limited');
    assert.ok(error.details!.retryAfterSeconds! > 0 && error.details!.retryAfterSeconds! <= 60);
    assert.equal(Number(again.headers.get('Retry-After')), error.details?.retryAfterSeconds);
    assert.equal((await outboxOf(server)(normalized(phone))).length, 1, 'no second SMS');
    server.advance(MINUTE);
    const second = await requestSmsCode(server, phone);
    if (second !== first) assert.equal(await codeFieldError(await register(server, { phone, code: first })), 'code_wrong', 'the old code is replaced');
    assert.equal((await register(server, { phone, code: second })).status, 201);
  });

  it('validates the request', async () => {
    const response = await server.request('/api/v1/auth/phone-code', { json: { phone: '123', purpose: 'hello' } });
    assert.equal(response.status, 422);
    assert.deepEqual((await errorOf(response)).details?.fields?.map((field) => field.field).sort(), ['phone', 'purpose']);
  });
});

describe('a forgotten password (POST /auth/password/reset)', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('sets a new password with the SMS code, signs in, and ends every other session', async () => {
    const patient = await registerPatient(server);
    const other = await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } });
    const otherToken = ((await other.json()) as { token: string }).token;
    const code = await requestSmsCode(server, patient.user.phone, 'reset');
    assert.match((await outboxOf(server)(patient.user.phone)).at(-1)!, /нового пароля/);
    const response = await server.request('/api/v1/auth/password/reset', { json: { phone: patient.user.phone, code, newPassword: 'a brand new one' } });
    assert.equal(response.status, 200);
    const auth = (await response.json()) as { token: string; user: { id: string } };
    assert.equal(auth.user.id, patient.user.id);
    assert.equal((await server.request('/api/v1/me', { token: auth.token })).status, 200);
    for (const token of [patient.token, otherToken]) assert.equal((await server.request('/api/v1/me', { token })).status, 401, 'other sessions ended');
    const oldLogin = await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } });
    assert.equal(oldLogin.status, 401);
    const newLogin = await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: 'a brand new one' } });
    assert.equal(newLogin.status, 200);
  });

  it('does not tell whether a phone has an account: the same 202, an SMS only to an account', async () => {
    const patient = await registerPatient(server);
    const nobody = normalized(uniquePhone());
    const [known, unknown] = [await askCode(server, patient.user.phone, 'reset'), await askCode(server, nobody, 'reset')];
    assert.equal(known.status, 202);
    assert.equal(unknown.status, 202);
    assert.deepEqual(Object.keys((await known.json()) as object), Object.keys((await unknown.json()) as object));
    assert.deepEqual(await outboxOf(server)(nobody), [], 'no SMS to a phone without an account');
    assert.equal((await askCode(server, nobody, 'reset')).status, 429, 'and the same one-a-minute limit');
    const reset = await server.request('/api/v1/auth/password/reset', { json: { phone: nobody, code: '123456', newPassword: 'whatever long' } });
    assert.equal(await codeFieldError(reset), 'code_wrong');
  });

  it('refuses a wrong code and keeps the old password', async () => {
    const patient = await registerPatient(server);
    const code = await requestSmsCode(server, patient.user.phone, 'reset');
    const reset = await server.request('/api/v1/auth/password/reset', { json: { phone: patient.user.phone, code: otherThan(code), newPassword: 'a brand new one' } });
    assert.equal(await codeFieldError(reset), 'code_wrong');
    assert.equal((await server.request('/api/v1/me', { token: patient.token })).status, 200);
  });
});

describe('accounts from before SMS codes confirm their phone at the next sign-in', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('signs in with phoneConfirmed false, then confirms with a code sent to the account phone', async () => {
    const older = await olderPatient(server);
    const login = await server.request('/api/v1/auth/login', { json: older });
    assert.equal(login.status, 200);
    const { token, user } = (await login.json()) as { token: string; user: { phoneConfirmed: boolean } };
    assert.equal(user.phoneConfirmed, false);
    assert.equal((await server.request('/api/v1/auth/phone/code', { method: 'POST', token })).status, 202);
    const code = /код (\d{6})/.exec((await outboxOf(server)(older.phone)).at(-1)!)![1]!;
    assert.equal(await codeFieldError(await server.request('/api/v1/auth/phone/confirm', { token, json: { code: otherThan(code) } })), 'code_wrong');
    const confirmed = await server.request('/api/v1/auth/phone/confirm', { token, json: { code } });
    assert.equal(confirmed.status, 200);
    assert.equal(((await confirmed.json()) as { user: { phoneConfirmed: boolean } }).user.phoneConfirmed, true);
    const me = (await (await server.request('/api/v1/me', { token })).json()) as { phoneConfirmed: boolean };
    assert.equal(me.phoneConfirmed, true);
  });

  it('needs a session', async () => {
    assert.equal((await server.request('/api/v1/auth/phone/code', { method: 'POST' })).status, 401);
    assert.equal((await server.request('/api/v1/auth/phone/confirm', { json: { code: '123456' } })).status, 401);
  });

  it('signing in with the SMS one-time password of a referral confirms the phone', async () => {
    const manager = await signInStaff(server, { role: 'manager' });
    const phone = normalized(uniquePhone());
    const table = csv([HEADER, ['Орлова Нина Петровна', '12.03.1948', phone, 'ИБС', 'Бакулева', '', '']]);
    assert.equal((await importFile(server, manager.token, table, 't.csv')).status, 200);
    assert.equal((await server.services.store.users.findByPhone(phone))?.phoneConfirmedAt ?? null, null);
    const login = await server.request('/api/v1/auth/login', { json: { phone, password: await smsPassword(server, phone) } });
    assert.equal(login.status, 200);
    assert.equal(((await login.json()) as { user: { phoneConfirmed: boolean } }).user.phoneConfirmed, true);
    assert.ok((await server.services.store.users.findByPhone(phone))?.phoneConfirmedAt);
  });

  it('a reset also confirms the phone', async () => {
    const older = await olderPatient(server);
    const code = await requestSmsCode(server, older.phone, 'reset');
    const reset = await server.request('/api/v1/auth/password/reset', { json: { phone: older.phone, code, newPassword: 'a brand new one' } });
    assert.equal(((await reset.json()) as { user: { phoneConfirmed: boolean } }).user.phoneConfirmed, true);
  });
});

const noPostgres = !(await reachableServer());

describe('SMS codes on PostgreSQL, shared by two instances', { skip: noPostgres ? 'no PostgreSQL server answers' : false }, () => {
  it('a code sent by one instance works on the other, and both count the same tries and the same minute', async () => {
    const database = (await freshDatabaseUrl())!;
    const first = await startTestServer({ DATABASE_URL: database.url });
    const second = await startTestServer({ DATABASE_URL: database.url });
    try {
      const phone = uniquePhone();
      const code = await requestSmsCode(first, phone);
      assert.equal((await askCode(second, phone, 'register')).status, 429, 'the other instance knows an SMS just went');
      const wrong = [];
      for (const server of [first, second, first, second]) wrong.push(await codeFieldError(await register(server, { phone, code: otherThan(code) })));
      assert.deepEqual(wrong, ['code_wrong', 'code_wrong', 'code_wrong', 'code_wrong']);
      assert.equal((await register(second, { phone, code })).status, 201, 'the fifth try, on the other instance, is the right code');
      const stored = await second.services.store.users.findByPhone(normalized(phone));
      assert.ok(stored?.phoneConfirmedAt);
    } finally {
      await first.close();
      await second.close();
      await database.drop();
    }
  });
});
