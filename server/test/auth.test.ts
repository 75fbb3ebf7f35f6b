import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONSENT_VERSION } from '@oz/contracts';
import { errorOf, normalized, registerPatient, registration, requestSmsCode, startTestServer, uniquePhone, type TestServer } from './helpers.ts';

const DAY = 24 * 3600 * 1000;

describe('POST /auth/register', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('registers a patient, normalises the phone, stores consent and a hash, and signs in', async () => {
    const body = registration({ phone: '+7 921 555-12-34', email: 'Maria@Example.RU', code: await requestSmsCode(server, '+7 921 555-12-34') });
    const response = await server.request('/api/v1/auth/register', { json: body });
    assert.equal(response.status, 201);
    const { token, user, expiresAt } = (await response.json()) as { token: string; user: Record<string, unknown>; expiresAt: string };
    assert.ok(token.length >= 40);
    assert.ok(Date.parse(expiresAt) > Date.now());
    assert.deepEqual(
      { ...user, id: undefined, createdAt: undefined },
      {
        id: undefined,
        createdAt: undefined,
        role: 'patient',
        fullName: 'Иванова Мария Петровна',
        phone: '+79215551234',
        email: 'maria@example.ru',
        birthDate: '1956-04-12',
        centerId: null,
        isDutyDoctor: false,
        mustChangePassword: false,
        phoneConfirmed: true,
        consentGiven: true,
      },
    );
    const me = await server.request('/api/v1/me', { token });
    assert.equal(me.status, 200);
    assert.equal(((await me.json()) as { phone: string }).phone, '+79215551234');

    const stored = await server.services.store.users.findByPhone('+79215551234');
    assert.equal(stored?.consent?.version, CONSENT_VERSION);
    assert.ok(stored?.consent?.at);
    assert.match(stored!.passwordHash, /^scrypt\$\d+\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    const file = await readFile(join(server.dataDir, 'oz-store.json'), 'utf8');
    assert.ok(!file.includes(body.password as string), 'the password is never stored');
    assert.ok(!file.includes(token), 'the token is never stored');
  });

  it('accepts the common spellings of a phone', async () => {
    for (const [spelling, expected] of [
      ['8 (921) 777-00-01', '+79217770001'],
      ['+7 921 777 00 02', '+79217770002'],
      ['79217770003', '+79217770003'],
      ['9217770004', '+79217770004'],
    ] as const) {
      const { user } = await registerPatient(server, { phone: spelling });
      assert.equal(user.phone, expected);
    }
  });

  it('refuses a phone that is already registered, in any spelling, with 409 on the phone field', async () => {
    const { user } = await registerPatient(server);
    const sameNumber = `8 ${user.phone.slice(2, 5)} ${user.phone.slice(5)}`;
    const response = await server.request('/api/v1/auth/register', { json: registration({ phone: sameNumber }) });
    assert.equal(response.status, 409);
    const error = await errorOf(response);
    assert.equal(error.code, 'phone_taken');
    assert.deepEqual(error.details?.fields?.map((field) => [field.field, field.code]), [['phone', 'taken']]);
    // Asking for a registration code says so at once, before any SMS.
    const code = await server.request('/api/v1/auth/phone-code', { json: { phone: sameNumber, purpose: 'register' } });
    assert.equal(code.status, 409);
    assert.equal((await errorOf(code)).code, 'phone_taken');
  });

  it('names every bad field with a code, and writes nothing', async () => {
    const before = await server.services.store.users.count();
    const response = await server.request('/api/v1/auth/register', {
      json: { fullName: '  ', birthDate: '2001-02-30', phone: '12345', email: 'not-an-email', password: 'short', consent: false },
    });
    assert.equal(response.status, 422);
    const error = await errorOf(response);
    assert.equal(error.code, 'validation_failed');
    assert.deepEqual(
      Object.fromEntries(error.details!.fields!.map((field) => [field.field, field.code])),
      {
        fullName: 'required',
        birthDate: 'date_invalid',
        phone: 'phone_invalid',
        email: 'email_invalid',
        password: 'too_short',
        code: 'required',
        consent: 'consent_required',
      },
    );
    assert.equal(await server.services.store.users.count(), before);
  });

  it('refuses a birth date in the future or before 1900', async () => {
    for (const birthDate of ['2999-01-01', '1899-12-31']) {
      const response = await server.request('/api/v1/auth/register', { json: registration({ birthDate }) });
      assert.equal(response.status, 422);
      assert.equal((await errorOf(response)).details?.fields?.[0]?.code, 'birth_date_out_of_range');
    }
  });

  it('requires consent', async () => {
    const { consent: _omitted, ...withoutConsent } = registration();
    const response = await server.request('/api/v1/auth/register', { json: withoutConsent });
    assert.equal(response.status, 422);
    assert.deepEqual((await errorOf(response)).details?.fields?.map((field) => field.field), ['consent']);
  });

  it('answers 400 for malformed JSON, 415 for a non-JSON body and 413 for a huge one', async () => {
    const malformed = await server.app.request('/api/v1/auth/register', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"fullName":',
    });
    assert.equal(malformed.status, 400);
    assert.equal((await errorOf(malformed)).code, 'malformed_request');

    const form = await server.app.request('/api/v1/auth/register', { method: 'POST', body: new URLSearchParams({ fullName: 'x' }) });
    assert.equal(form.status, 415);
    assert.equal((await errorOf(form)).code, 'unsupported_media_type');

    const huge = await server.request('/api/v1/auth/register', { json: registration({ fullName: 'я'.repeat(100_000) }) });
    assert.equal(huge.status, 413);
    assert.equal((await errorOf(huge)).code, 'payload_too_large');
  });
});

describe('sign-in, sign-out and tokens', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('signs in with the phone in another spelling and the password', async () => {
    const patient = await registerPatient(server);
    const response = await server.request('/api/v1/auth/login', {
      json: { phone: `8${patient.user.phone.slice(2)}`, password: patient.password },
    });
    assert.equal(response.status, 200);
    const body = (await response.json()) as { token: string; user: { id: string } };
    assert.equal(body.user.id, patient.user.id);
    assert.notEqual(body.token, patient.token, 'each sign-in gets its own token');
  });

  it('answers the same 401 for a wrong password and an unknown phone', async () => {
    const patient = await registerPatient(server);
    const wrong = await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: 'wrong password' } });
    const unknown = await server.request('/api/v1/auth/login', { json: { phone: uniquePhone(), password: 'wrong password' } });
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    assert.deepEqual(await errorOf(wrong), await errorOf(unknown));
    assert.equal((await errorOf(await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: 'x' } }))).code, 'invalid_credentials');
  });

  it('validates the sign-in body', async () => {
    const response = await server.request('/api/v1/auth/login', { json: { phone: 'abc' } });
    assert.equal(response.status, 422);
    assert.deepEqual(
      (await errorOf(response)).details?.fields?.map((field) => [field.field, field.code]),
      [['phone', 'phone_invalid'], ['password', 'required']],
    );
  });

  it('signs out by revoking only that token', async () => {
    const patient = await registerPatient(server);
    const second = (await (await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } })).json()) as { token: string };
    const logout = await server.request('/api/v1/auth/logout', { method: 'POST', token: patient.token });
    assert.equal(logout.status, 204);
    const after = await server.request('/api/v1/me', { token: patient.token });
    assert.equal(after.status, 401);
    assert.equal((await errorOf(after)).code, 'unauthenticated');
    assert.equal((await server.request('/api/v1/me', { token: second.token })).status, 200);
  });

  it('refuses a missing, malformed, unknown or expired token', async () => {
    assert.equal((await server.request('/api/v1/me')).status, 401);
    assert.equal((await server.request('/api/v1/me', { headers: { Authorization: 'Basic abc' } })).status, 401);
    assert.equal((await server.request('/api/v1/me', { token: 'x'.repeat(43) })).status, 401);
    assert.equal((await server.request('/api/v1/auth/logout', { method: 'POST' })).status, 401);
    const patient = await registerPatient(server);
    server.advance(15 * DAY);
    const expired = await server.request('/api/v1/me', { token: patient.token });
    assert.equal(expired.status, 401);
    assert.match((await errorOf(expired)).message, /expired/);
  });
});

describe('POST /auth/password', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('changes the password, keeps this session and ends every other one', async () => {
    const patient = await registerPatient(server);
    const other = (await (await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } })).json()) as { token: string };
    const response = await server.request('/api/v1/auth/password', {
      token: patient.token,
      json: { currentPassword: patient.password, newPassword: 'a brand new secret' },
    });
    assert.equal(response.status, 200);
    assert.equal(((await response.json()) as { user: { id: string } }).user.id, patient.user.id);
    assert.equal((await server.request('/api/v1/me', { token: patient.token })).status, 200);
    assert.equal((await server.request('/api/v1/me', { token: other.token })).status, 401);
    const oldPassword = await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } });
    assert.equal(oldPassword.status, 401);
    const newPassword = await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: 'a brand new secret' } });
    assert.equal(newPassword.status, 200);
  });

  it('refuses a wrong current password, a reused one and a short one', async () => {
    const patient = await registerPatient(server);
    const cases = [
      [{ currentPassword: 'not my password', newPassword: 'another secret' }, 'currentPassword', 'invalid'],
      [{ currentPassword: patient.password, newPassword: patient.password }, 'newPassword', 'password_same'],
      [{ currentPassword: patient.password, newPassword: 'short' }, 'newPassword', 'too_short'],
    ] as const;
    for (const [json, field, code] of cases) {
      const response = await server.request('/api/v1/auth/password', { token: patient.token, json });
      assert.equal(response.status, 422);
      assert.deepEqual((await errorOf(response)).details?.fields?.map((f) => [f.field, f.code]), [[field, code]]);
    }
    assert.equal((await server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } })).status, 200);
  });

  it('needs a signed-in user', async () => {
    const response = await server.request('/api/v1/auth/password', { json: { currentPassword: 'a', newPassword: 'bbbbbbbb' } });
    assert.equal(response.status, 401);
  });

  it('lets a user with a one-time password reach only /me, the password change and sign-out', async () => {
    const patient = await registerPatient(server);
    await server.services.store.users.update(patient.user.id, { mustChangePassword: true });
    const me = await server.request('/api/v1/me', { token: patient.token });
    assert.equal(((await me.json()) as { mustChangePassword: boolean }).mustChangePassword, true);
    const changed = await server.request('/api/v1/auth/password', {
      token: patient.token,
      json: { currentPassword: patient.password, newPassword: 'my own password' },
    });
    assert.equal(((await changed.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword, false);
  });
});

describe('rate limits on sign-in and registration', () => {
  it('answers 429 with Retry-After after the limit per client, and lets the client in again a minute later', async () => {
    const server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '3' });
    try {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const response = await server.request('/api/v1/auth/login', { json: { phone: uniquePhone(), password: 'guess' } });
        assert.equal(response.status, 401);
      }
      const limited = await server.request('/api/v1/auth/login', { json: { phone: uniquePhone(), password: 'guess' } });
      assert.equal(limited.status, 429);
      const seconds = Number(limited.headers.get('Retry-After'));
      assert.ok(seconds >= 1 && seconds <= 60);
      const error = await errorOf(limited);
      assert.equal(error.code, 'rate_limited');
      assert.equal(error.details?.retryAfterSeconds, seconds);
      const register = await server.request('/api/v1/auth/register', { json: registration() });
      assert.equal(register.status, 429, 'registration shares the limit');
      server.advance(61_000);
      assert.equal((await server.request('/api/v1/auth/login', { json: { phone: uniquePhone(), password: 'guess' } })).status, 401);
    } finally {
      await server.close();
    }
  });

  it('limits attempts on one phone from many addresses (behind a trusted proxy)', async () => {
    const server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '3', OZ_TRUST_PROXY: 'true' });
    try {
      const phone = uniquePhone();
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await server.request('/api/v1/auth/login', {
          json: { phone, password: 'guess' },
          headers: { 'X-Forwarded-For': `203.0.113.${attempt + 1}` },
        });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429]);
      const otherPhone = await server.request('/api/v1/auth/login', {
        json: { phone: uniquePhone(), password: 'guess' },
        headers: { 'X-Forwarded-For': '203.0.113.99' },
      });
      assert.equal(otherPhone.status, 401);
    } finally {
      await server.close();
    }
  });

  it('takes the address our proxy appended, not what the client put before it', async () => {
    const server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '3', OZ_TRUST_PROXY: 'true' });
    try {
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        const response = await server.request('/api/v1/auth/login', {
          json: { phone: uniquePhone(), password: 'guess' },
          headers: { 'X-Forwarded-For': `10.0.0.${attempt + 1}, 203.0.113.7` },
        });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [401, 401, 401, 429], 'a forged first entry does not make a new client');
    } finally {
      await server.close();
    }
  });

  it('limits password changes per user, since each checks the current password', async () => {
    const server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '3', OZ_TRUST_PROXY: 'true' });
    try {
      const { token } = await registerPatient(server);
      const statuses = [];
      for (let attempt = 0; attempt < 4; attempt += 1) {
        // From a new address each time: the user's own count stops it.
        const response = await server.request('/api/v1/auth/password', {
          token,
          json: { currentPassword: `wrong ${attempt}`, newPassword: 'a new long password' },
          headers: { 'X-Forwarded-For': `203.0.113.${attempt + 10}` },
        });
        statuses.push(response.status);
      }
      assert.deepEqual(statuses, [422, 422, 422, 429]);
    } finally {
      await server.close();
    }
  });

  it('forgets ended sessions a day after they end, keeping live ones', async () => {
    const server = await startTestServer();
    try {
      const ended = await registerPatient(server);
      const live = await registerPatient(server);
      await server.request('/api/v1/auth/logout', { method: 'POST', token: ended.token });
      assert.equal(await server.services.accounts.purgeEndedSessions(), 0, 'not before a day has passed');
      server.advance(25 * 3600 * 1000);
      assert.equal(await server.services.accounts.purgeEndedSessions(), 1);
      assert.equal((await server.request('/api/v1/me', { token: live.token })).status, 200);
    } finally {
      await server.close();
    }
  });

  it('is off with OZ_RATE_LIMIT_PER_MINUTE=0', async () => {
    const server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '0' });
    try {
      for (let attempt = 0; attempt < 15; attempt += 1) {
        const response = await server.request('/api/v1/auth/login', { json: { phone: '+79210000000', password: '' } });
        assert.equal(response.status, 422);
      }
    } finally {
      await server.close();
    }
  });
});

void normalized;
