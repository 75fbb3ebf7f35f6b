import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AuditEntry, AuditList } from '@oz/contracts';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff } from './fixtures.ts';

/** What an entry says, without its id and time: for comparing trails. */
const gist = (entry: AuditEntry) => `${entry.actorRole} ${entry.action} ${entry.subjectType}${entry.status ? ` → ${entry.status}` : ''}`;

describe('the audit trail of medical data', () => {
  let server: TestServer;
  let patient: Awaited<ReturnType<typeof registerPatient>>;
  let doctor: Awaited<ReturnType<typeof signInStaff>>;
  let manager: Awaited<ReturnType<typeof signInStaff>>;
  let consultationId: string;
  let documentId: string;

  before(async () => {
    server = await startTestServer();
    patient = await registerPatient(server);
    // A name typed to run as a formula in Excel: the CSV must keep it text.
    doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: '=HYPERLINK("http://evil.example")' });
    manager = await signInStaff(server, { role: 'manager' });
    const { application, documents } = await applyToBakulev(server, patient.token);
    documentId = documents[0]!.id;
    const ok = async (path: string, token: string, init: RequestInit & { json?: unknown } = {}) => {
      const response = await server.request(path, { token, ...init });
      assert.ok(response.status < 300, `${path}: ${response.status} ${await response.clone().text()}`);
      return response;
    };
    // The patient's own reads leave nothing.
    await ok(`/api/v1/documents/${documentId}/content`, patient.token);
    await ok(`/api/v1/applications/${application.id}`, patient.token);
    // The doctor reads the queue, the application, a document twice, schedules, reads the chat, concludes.
    await ok('/api/v1/applications', doctor.token);
    await ok(`/api/v1/applications/${application.id}`, doctor.token);
    await ok(`/api/v1/documents/${documentId}/content`, doctor.token);
    await ok(`/api/v1/documents/${documentId}/content`, doctor.token);
    const scheduled = await ok(`/api/v1/applications/${application.id}/schedule`, doctor.token, { json: { startsAt: inDays(1), durationMinutes: 30 } });
    consultationId = ((await scheduled.json()) as { id: string }).id;
    await ok(`/api/v1/consultations/${consultationId}/messages`, doctor.token);
    await ok(`/api/v1/consultations/${consultationId}/conclusion`, doctor.token, { json: { text: 'Показано лечение.', outcome: 'conclusion' } });
    await ok(`/api/v1/consultations/${consultationId}/conclusion`, doctor.token);
    await ok(`/api/v1/consultations/${consultationId}/conclusion`, patient.token);
  });
  after(() => server.close());

  const trailOf = async (patientId: string, token = manager.token) => {
    const response = await server.request(`/api/v1/audit?patientId=${patientId}`, { token });
    assert.equal(response.status, 200);
    return ((await response.json()) as AuditList).items;
  };

  it('records every read by someone else and every change of status, once per person and record in ten minutes', async () => {
    const trail = await trailOf(patient.user.id);
    assert.deepEqual(trail.map(gist).reverse(), [
      'doctor read application',
      'doctor read document',
      'doctor status_changed application → scheduled',
      'doctor read chat',
      'doctor status_changed consultation → completed',
      'doctor read conclusion',
    ]);
    for (const entry of trail) {
      assert.equal(entry.actorId, doctor.user.id);
      assert.equal(entry.actorName, '=HYPERLINK("http://evil.example")');
      assert.equal(entry.patientId, patient.user.id);
    }
    assert.equal(trail.find((entry) => entry.subjectType === 'document')?.subjectId, documentId);

    // Eleven minutes later the same document read again is a new entry.
    server.advance(11 * 60_000);
    await server.request(`/api/v1/documents/${documentId}/content`, { token: doctor.token });
    assert.equal((await trailOf(patient.user.id)).filter((entry) => entry.subjectType === 'document').length, 2);
  });

  it('shows the patient who else looked, without addresses, and keeps their own actions out of their view only', async () => {
    const other = await registerPatient(server);
    const { application } = await applyToBakulev(server, other.token);
    assert.equal((await server.request(`/api/v1/applications/${application.id}/cancel`, { method: 'POST', token: other.token })).status, 200);
    assert.deepEqual((await trailOf(other.user.id)).map(gist), ['patient status_changed application → cancelled']);
    const own = await server.request('/api/v1/me/audit', { token: other.token });
    assert.deepEqual(((await own.json()) as AuditList).items, []);

    const mine = ((await (await server.request('/api/v1/me/audit', { token: patient.token })).json()) as AuditList).items;
    assert.ok(mine.length >= 6);
    assert.ok(mine.every((entry) => entry.actorId === doctor.user.id && entry.address === null));
  });

  it('is the manager\'s only, the patient\'s own view the patient\'s only', async () => {
    for (const token of [doctor.token, patient.token]) {
      assert.equal((await server.request(`/api/v1/audit?patientId=${patient.user.id}`, { token })).status, 403);
      assert.equal((await server.request(`/api/v1/audit/export.csv?patientId=${patient.user.id}`, { token })).status, 403);
    }
    assert.equal((await server.request(`/api/v1/audit?patientId=${patient.user.id}`)).status, 401);
    assert.equal((await server.request('/api/v1/me/audit', { token: doctor.token })).status, 403);
    assert.equal((await server.request('/api/v1/me/audit', { token: manager.token })).status, 403);
    assert.equal((await errorOf(await server.request('/api/v1/audit', { token: manager.token }))).code, 'validation_failed');
  });

  it('finds the trail by the patient\'s phone as people write it, and says whose it is', async () => {
    const digits = patient.user.phone.slice(2);
    const byPhone = await server.request(`/api/v1/audit?phone=${encodeURIComponent(`8 (${digits.slice(0, 3)}) ${digits.slice(3, 6)}-${digits.slice(6, 8)}-${digits.slice(8)}`)}`, { token: manager.token });
    assert.equal(byPhone.status, 200);
    const list = (await byPhone.json()) as AuditList;
    assert.deepEqual(list.patient, { id: patient.user.id, fullName: 'Иванова Мария Петровна', birthDate: '1956-04-12', phone: patient.user.phone });
    assert.deepEqual(list.items, await trailOf(patient.user.id));
    assert.equal((await errorOf(await server.request('/api/v1/audit?phone=%2B79990001122', { token: manager.token }))).code, 'not_found');
    // A doctor's own trail is their account's changes (none here: the test made the account directly).
    const doctors = (await (await server.request(`/api/v1/audit?phone=${encodeURIComponent(doctor.user.phone)}`, { token: manager.token })).json()) as AuditList;
    assert.deepEqual([doctors.patient?.id, doctors.items], [doctor.user.id, []]);
    const both = await server.request(`/api/v1/audit?patientId=${patient.user.id}&phone=${encodeURIComponent(patient.user.phone)}`, { token: manager.token });
    assert.equal((await errorOf(both)).code, 'validation_failed');
  });

  it('exports the whole trail as CSV for Excel, a name that looks like a formula kept as text', async () => {
    const response = await server.request(`/api/v1/audit/export.csv?patientId=${patient.user.id}`, { token: manager.token });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Type') ?? '', /^text\/csv/);
    assert.match(response.headers.get('Content-Disposition') ?? '', /^attachment/);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(await response.arrayBuffer());
    assert.ok(text.startsWith('\ufeff"Когда (UTC)";"Кто"'), text.slice(0, 40));
    const lines = text.trim().split('\r\n');
    assert.equal(lines.length, 1 + (await trailOf(patient.user.id)).length);
    assert.ok(lines.slice(1).every((line) => line.includes(`"'=HYPERLINK(""http://evil.example"")"`)), lines[1]);
    assert.ok(lines.some((line) => line.includes('"status_changed";"completed";"consultation"')));
  });
});
