import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorOf, normalized, registerPatient, startTestServer, uniquePhone, type TestServer } from './helpers.ts';
import { signInStaff } from './fixtures.ts';
import { HEADER, csv, importFile } from './referral-tables.ts';
import { outbox, smsPassword } from './sms-outbox.ts';
import { startFakeSmsGateway } from './fake-sms-gateway.ts';

const DAY_MS = 24 * 3600 * 1000;

async function importPatient(server: TestServer, managerToken: string): Promise<string> {
  const phone = normalized(uniquePhone());
  const response = await importFile(server, managerToken, csv([HEADER, ['Зайцева Ольга Ивановна', '01.01.1950', phone, 'ИБС', 'Бакулева', '', '']]), 't.csv');
  assert.equal(response.status, 200);
  return phone;
}

const signIn = (server: TestServer, phone: string, password: string) => server.request('/api/v1/auth/login', { json: { phone, password } });
const resend = (server: TestServer, token: string, phone: string) => server.request('/api/v1/referrals/credentials', { token, json: { phone } });

describe('POST /referrals/credentials: a new one-time password by SMS', () => {
  let server: TestServer;
  let manager: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer({ OZ_OTP_TTL_DAYS: '7' });
    manager = await signInStaff(server, { role: 'manager' });
  });
  after(() => server.close());

  it('replaces an expired password: the new SMS works, the old password and sessions do not', async () => {
    const phone = await importPatient(server, manager.token);
    const first = await smsPassword(server, phone);
    const early = (await (await signIn(server, phone, first)).json()) as { token: string };
    server.advance(8 * DAY_MS);
    assert.equal((await errorOf(await signIn(server, phone, first))).code, 'one_time_password_expired');

    const response = await resend(server, manager.token, `8 ${phone.slice(2)}`);
    assert.equal(response.status, 200);
    const result = (await response.json()) as { phone: string; fullName: string; expiresAt: string };
    assert.deepEqual([result.phone, result.fullName], [phone, 'Зайцева Ольга Ивановна']);
    const days = (Date.parse(result.expiresAt) - (Date.now() + 8 * DAY_MS)) / DAY_MS;
    assert.ok(days > 6.99 && days <= 7, `expires in 7 days, not ${days}`);

    const second = await smsPassword(server, phone);
    assert.notEqual(second, first);
    assert.match((await outbox(server)).at(-1)!.text, new RegExp(`логин \\${phone}, пароль ${second}$`));
    assert.equal((await errorOf(await signIn(server, phone, first))).code, 'invalid_credentials');
    assert.equal((await server.request('/api/v1/me', { token: early.token })).status, 401, 'the session of the old password ended');
    const signedIn = await signIn(server, phone, second);
    assert.equal(signedIn.status, 200);
    assert.equal(((await signedIn.json()) as { user: { mustChangePassword: boolean } }).user.mustChangePassword, true);
  });

  it('sends one SMS a minute to a phone, and says how long to wait', async () => {
    const phone = await importPatient(server, manager.token);
    assert.equal((await resend(server, manager.token, phone)).status, 200);
    const again = await resend(server, manager.token, phone);
    assert.equal(again.status, 429);
    assert.equal((await errorOf(again)).code, 'rate_limited');
    assert.ok(Number(again.headers.get('Retry-After')) > 0);
    const sent = (await outbox(server)).filter((message) => message.to === phone).length;
    assert.equal(sent, 2, 'the import and one resend');
    server.advance(61_000);
    assert.equal((await resend(server, manager.token, phone)).status, 200);

    // A double click: two requests at once, one SMS.
    server.advance(61_000);
    const before = (await outbox(server)).length;
    const statuses = (await Promise.all([resend(server, manager.token, phone), resend(server, manager.token, phone)])).map((r) => r.status);
    assert.deepEqual(statuses.sort(), [200, 429]);
    assert.equal((await outbox(server)).length, before + 1);
  });

  it('refuses patients with their own password, unknown and staff phones, bad phones and non-managers', async () => {
    const registered = await registerPatient(server);
    const own = await resend(server, manager.token, registered.user.phone);
    assert.deepEqual([own.status, (await errorOf(own)).code], [409, 'password_already_set']);

    const changed = await importPatient(server, manager.token);
    const { token } = (await (await signIn(server, changed, await smsPassword(server, changed))).json()) as { token: string };
    const change = await server.request('/api/v1/auth/password', {
      token,
      json: { currentPassword: await smsPassword(server, changed), newPassword: 'my own long password', consent: true },
    });
    assert.equal(change.status, 200);
    assert.equal((await resend(server, manager.token, changed)).status, 409);

    assert.equal((await resend(server, manager.token, normalized(uniquePhone()))).status, 404);
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    assert.equal((await resend(server, manager.token, doctor.user.phone)).status, 404, 'staff are not sent patient passwords');

    const bad = await resend(server, manager.token, '12345');
    assert.equal(bad.status, 422);
    assert.deepEqual((await errorOf(bad)).details?.fields?.map((f) => [f.field, f.code]), [['phone', 'phone_invalid']]);

    const imported = await importPatient(server, manager.token);
    const before = (await outbox(server)).length;
    assert.equal((await resend(server, doctor.token, imported)).status, 403);
    assert.equal((await resend(server, registered.token, imported)).status, 403);
    assert.equal((await server.request('/api/v1/referrals/credentials', { json: { phone: imported } })).status, 401);
    assert.equal((await outbox(server)).length, before, 'no SMS sent on a refusal');
  });
});

describe('POST /referrals/credentials through a failing SMS gateway', () => {
  it('answers 502 sms_unavailable and keeps the current password working', async () => {
    const gateway = await startFakeSmsGateway();
    const server = await startTestServer({ OZ_SMS_URL: gateway.url });
    try {
      const manager = await signInStaff(server, { role: 'manager' });
      const phone = normalized(uniquePhone());
      await importFile(server, manager.token, csv([HEADER, ['Лебедева Ия', '01.01.1950', phone, 'ИБС', 'Бакулева', '', '']]), 't.csv');
      const password = /пароль (\S+)$/.exec(gateway.received.at(-1)!.body.text)![1]!;

      gateway.failing = true;
      const failed = await resend(server, manager.token, phone);
      assert.deepEqual([failed.status, (await errorOf(failed)).code], [502, 'sms_unavailable']);
      assert.equal((await signIn(server, phone, password)).status, 200, 'nothing changed');

      gateway.failing = false;
      assert.equal((await resend(server, manager.token, phone)).status, 200, 'a failed SMS does not count against the minute');
      assert.equal((await signIn(server, phone, password)).status, 401);
    } finally {
      await server.close();
      await gateway.close();
    }
  });
});
