import { after, afterEach, before, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditList, DisableStaffResult, StaffList, StaffPasswordResult } from '@oz/contracts';
import { errorOf, outboxOf, registerPatient, startTestServer, uniquePhone, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff } from './fixtures.ts';
import { runCli } from '../src/cli/main.ts';

const normalized = (phone: string) => `+7${phone.replace(/\D/g, '').slice(1)}`;
const passwordIn = (sms: string | undefined) => /пароль (\S+?)\./.exec(sms ?? '')?.[1];

describe('staff accounts over their whole life (API)', () => {
  let server: TestServer;
  let manager: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer();
    manager = await signInStaff(server, { role: 'manager' });
  });
  after(() => server.close());

  const signIn = (phone: string, password: string) => server.request('/api/v1/auth/login', { json: { phone, password } });

  /** The manager adds a doctor; the doctor signs in with the SMS password and chooses their own. */
  async function newDoctor() {
    const phone = normalized(uniquePhone());
    const added = await server.request('/api/v1/staff', {
      token: manager.token,
      json: { role: 'doctor', fullName: 'Орлова Вера Николаевна', phone, centerId: 'bakulev', isDutyDoctor: true },
    });
    assert.equal(added.status, 201);
    const { staff } = (await added.json()) as StaffPasswordResult;
    const password = passwordIn((await outboxOf(server)(phone)).at(-1));
    assert.ok(password, 'the SMS carries a one-time password');
    const first = (await (await signIn(phone, password!)).json()) as { token: string; user: { mustChangePassword: boolean } };
    assert.equal(first.user.mustChangePassword, true);
    const changed = await server.request('/api/v1/auth/password', { token: first.token, json: { currentPassword: password, newPassword: 'doctor own password' } });
    assert.equal(changed.status, 200);
    const { token } = (await (await signIn(phone, 'doctor own password')).json()) as { token: string };
    return { staff, phone, token };
  }

  it('adds a doctor with a password by SMS, lists staff by name, and refuses bad requests', async () => {
    const { staff, phone } = await newDoctor();
    assert.deepEqual([staff.role, staff.centerId, staff.isDutyDoctor, staff.disabledAt, staff.mustChangePassword], ['doctor', 'bakulev', true, null, true]);
    const list = (await (await server.request('/api/v1/staff', { token: manager.token })).json()) as StaffList;
    assert.ok(list.items.some((member) => member.phone === phone && member.mustChangePassword === false));
    assert.ok(list.items.every((member) => member.role === 'doctor' || member.role === 'manager'));
    const names = list.items.map((member) => member.fullName);
    assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'ru')));

    const noCenter = await server.request('/api/v1/staff', { token: manager.token, json: { role: 'doctor', fullName: 'Без Центра', phone: uniquePhone() } });
    assert.equal((await errorOf(noCenter)).code, 'validation_failed');
    const taken = await server.request('/api/v1/staff', { token: manager.token, json: { role: 'manager', fullName: 'Дубль', phone } });
    assert.equal((await errorOf(taken)).code, 'phone_taken');
  });

  it('disables a doctor the same minute: sessions end, sign-in refused, open consultations listed; enables again', async () => {
    const { staff, phone, token } = await newDoctor();
    const patient = await registerPatient(server);
    const { application } = await applyToBakulev(server, patient.token);
    const scheduled = await server.request(`/api/v1/applications/${application.id}/schedule`, { token, json: { startsAt: inDays(2), durationMinutes: 30 } });
    const consultation = (await scheduled.json()) as { id: string };

    const disabled = await server.request(`/api/v1/staff/${staff.id}/disable`, { method: 'POST', token: manager.token });
    assert.equal(disabled.status, 200);
    const result = (await disabled.json()) as DisableStaffResult;
    assert.ok(result.staff.disabledAt);
    assert.deepEqual(result.openConsultations.map((c) => c.id), [consultation.id]);

    assert.equal((await server.request('/api/v1/me', { token })).status, 401, 'the open session ended');
    assert.equal((await errorOf(await signIn(phone, 'doctor own password'))).code, 'account_disabled');
    assert.equal((await errorOf(await signIn(phone, 'a wrong password'))).code, 'invalid_credentials', 'nothing said without the password');

    const enabled = await server.request(`/api/v1/staff/${staff.id}/enable`, { method: 'POST', token: manager.token });
    assert.equal(enabled.status, 200);
    assert.equal((await signIn(phone, 'doctor own password')).status, 200);

    const self = await server.request(`/api/v1/staff/${manager.user.id}/disable`, { method: 'POST', token: manager.token });
    assert.equal((await errorOf(self)).details?.reason, 'own_account');

    // Every change is in the account's trail.
    const trail = (await (await server.request(`/api/v1/audit?patientId=${staff.id}`, { token: manager.token })).json()) as AuditList;
    assert.deepEqual(trail.items.map((entry) => `${entry.subjectType} ${entry.status}`).reverse(), ['staff_account created', 'staff_account disabled', 'staff_account enabled']);
    assert.equal(trail.items[0]!.actorId, manager.user.id);
  });

  it('changes a center and the duty flag, sends a new password that ends every session', async () => {
    const { staff, phone, token } = await newDoctor();
    const moved = await server.request(`/api/v1/staff/${staff.id}`, { method: 'PATCH', token: manager.token, json: { centerId: 'kulakov', isDutyDoctor: false } });
    assert.equal(moved.status, 200);
    assert.deepEqual(await moved.json().then((m: { centerId: string; isDutyDoctor: boolean }) => [m.centerId, m.isDutyDoctor]), ['kulakov', false]);
    const managerCenter = await server.request(`/api/v1/staff/${manager.user.id}`, { method: 'PATCH', token: manager.token, json: { centerId: 'bakulev' } });
    assert.equal((await errorOf(managerCenter)).code, 'validation_failed');

    const sent = await server.request(`/api/v1/staff/${staff.id}/password`, { method: 'POST', token: manager.token });
    assert.equal(sent.status, 200);
    assert.equal((await server.request('/api/v1/me', { token })).status, 401);
    assert.equal((await errorOf(await signIn(phone, 'doctor own password'))).code, 'invalid_credentials');
    const password = passwordIn((await outboxOf(server)(phone)).at(-1));
    assert.equal((await signIn(phone, password!)).status, 200);
  });

  it('is the manager\'s only', async () => {
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    const patient = await registerPatient(server);
    const id = doctor.user.id;
    const routes: [string, string, unknown?][] = [
      ['GET', '/api/v1/staff'],
      ['POST', '/api/v1/staff', { role: 'manager', fullName: 'Захватчик', phone: uniquePhone() }],
      ['PATCH', `/api/v1/staff/${id}`, { isDutyDoctor: true }],
      ['POST', `/api/v1/staff/${id}/disable`],
      ['POST', `/api/v1/staff/${id}/enable`],
      ['POST', `/api/v1/staff/${id}/password`],
    ];
    for (const [method, path, json] of routes) {
      for (const token of [doctor.token, patient.token]) {
        assert.equal((await server.request(path, { method, token, ...(json ? { json } : {}) })).status, 403, `${method} ${path}`);
      }
      assert.equal((await server.request(path, { method, ...(json ? { json } : {}) })).status, 401, `${method} ${path} anonymous`);
    }
  });
});

describe('CLI: staff list, disable, enable, password', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'oz-cli-staff-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('lists, disables, enables and sends a new password to a doctor named by phone', async () => {
    const env = { OZ_DATA_DIR: dir };
    await runCli(['staff', 'add', '--role', 'doctor', '--center', 'bakulev', '--phone', '8 921 300-40-50', '--password', 'doctor secret', '--name', 'Зайцев П. П.'], env);
    assert.match(await runCli(['staff', 'list'], env), /\+79213004050\s+doctor\s+bakulev\s+active\s+Зайцев П\. П\./);
    assert.match(await runCli(['staff', 'disable', '+7 921 300 40 50'], env), /Disabled Зайцев П\. П\. \(\+79213004050\)[\s\S]*No open consultations/);
    assert.match(await runCli(['staff', 'list'], env), /disabled \d{4}-/);
    assert.match(await runCli(['staff', 'enable', '89213004050'], env), /Enabled/);
    assert.match(await runCli(['staff', 'password', '89213004050'], env), /Sent a new one-time password to \+79213004050/);
    const outbox = await readFile(join(dir, 'sms-outbox.jsonl'), 'utf8');
    assert.match(outbox, /\+79213004050[\s\S]*пароль/);
    await assert.rejects(runCli(['staff', 'disable', '+79990000000'], env), /not found/);
    await assert.rejects(runCli(['staff', 'disable'], env), /Name one staff member by phone/);
  });
});
