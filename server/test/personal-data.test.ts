import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import yauzl from 'yauzl';
import { registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { SAMPLE_FILES, applyToBakulev, inDays, signInStaff } from './fixtures.ts';

/** Every member of a ZIP by name. */
function unzip(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error ?? new Error('no zip'));
      const members = new Map<string, Buffer>();
      zip.on('entry', (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (streamError, stream) => {
          if (streamError || !stream) return reject(streamError ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (chunk: Buffer) => chunks.push(chunk));
          stream.on('end', () => {
            members.set(entry.fileName, Buffer.concat(chunks));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(members));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

describe('«Скачать мои данные»: GET /me/export', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  it('gives the patient one ZIP with all their records as JSON and their documents, and nobody else anything of it', async () => {
    const patient = await registerPatient(server, { fullName: 'Экспортова Анна Сергеевна' });
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: 'Петров Алексей Иванович' });
    const { application, documents } = await applyToBakulev(server, patient.token);
    const scheduled = await server.request(`/api/v1/applications/${application.id}/schedule`, { token: doctor.token, json: { startsAt: inDays(1), durationMinutes: 30 } });
    const consultation = (await scheduled.json()) as { id: string };
    await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: 'Взять ли ЭКГ с собой?' } });
    await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: doctor.token, json: { text: 'Да, возьмите.' } });
    await server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: doctor.token, json: { text: 'Показано плановое лечение.', outcome: 'conclusion' } });
    await server.request(`/api/v1/documents/${documents[0]!.id}/content`, { token: doctor.token });

    const response = await server.request('/api/v1/me/export', { token: patient.token });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('Content-Type'), 'application/zip');
    assert.match(response.headers.get('Content-Disposition') ?? '', /^attachment/);
    assert.equal(response.headers.get('Cache-Control'), 'private, no-store');
    const members = await unzip(new Uint8Array(await response.arrayBuffer()));
    const data = JSON.parse(members.get('мои-данные.json')!.toString('utf8'));
    assert.equal(data.profile.fullName, 'Экспортова Анна Сергеевна');
    assert.ok(data.profile.consent?.version, 'the consent given, with its version');
    assert.equal(data.documents.length, 3);
    assert.equal(data.applications[0].diagnosis, 'ИБС, стенокардия напряжения II ФК');
    assert.equal(data.consultations[0].conclusion.text, 'Показано плановое лечение.');
    assert.deepEqual(data.consultations[0].chat.map((m: { text: string }) => m.text), ['Взять ли ЭКГ с собой?', 'Да, возьмите.']);
    assert.ok(data.notifications.length > 0);
    assert.ok(data.whoElseLooked.some((entry: { actorName: string; subjectType: string }) => entry.actorName === 'Петров Алексей Иванович' && entry.subjectType === 'document'));
    const files = [...members.keys()].filter((name) => name.startsWith('документы/'));
    assert.equal(files.length, 3, files.join(', '));
    for (const name of files) assert.deepEqual(new Uint8Array(members.get(name)!), SAMPLE_FILES.pdf(), name);

    // Another patient's export holds none of it.
    const other = await registerPatient(server);
    const theirs = await unzip(new Uint8Array(await (await server.request('/api/v1/me/export', { token: other.token })).arrayBuffer()));
    const everything = [...theirs.values()].map((bytes) => bytes.toString('utf8')).join('\n');
    for (const secret of ['Экспортова', patient.user.id, 'Показано плановое', 'Взять ли ЭКГ']) assert.ok(!everything.includes(secret), secret);
    assert.deepEqual([...theirs.keys()], ['мои-данные.json']);

    assert.equal((await server.request('/api/v1/me/export', { token: doctor.token })).status, 403);
    assert.equal((await server.request('/api/v1/me/export')).status, 401);
  });
});
