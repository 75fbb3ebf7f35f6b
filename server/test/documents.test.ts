import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { SAMPLE_FILES, applyToBakulev, signInStaff, upload, uploadOk } from './fixtures.ts';

describe('documents', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ OZ_MAX_UPLOAD_MB: '1' });
  });
  after(() => server.close());

  it('accepts PDF, JPEG, PNG, HEIC and DICOM, judged by content', async () => {
    const { token } = await registerPatient(server);
    const cases = [
      ['pdf', 'application/pdf', 'ЭКГ от 12.03.pdf'],
      ['jpeg', 'image/jpeg', 'ЭКГ от 12.03.pdf.jpg'],
      ['png', 'image/png', 'ЭКГ от 12.03.pdf.png'],
      ['heic', 'image/heic', 'ЭКГ от 12.03.pdf.heic'],
      ['dicom', 'application/dicom', 'ЭКГ от 12.03.pdf.dcm'],
    ] as const;
    for (const [sample, expected, savedAs] of cases) {
      // The name and declared type say PDF every time: only the content counts, and the saved
      // file's extension follows it so that it opens in the right program.
      const response = await upload(server, token, 'ecg', SAMPLE_FILES[sample](), 'ЭКГ от 12.03.pdf', 'application/pdf');
      assert.equal(response.status, 201, sample);
      const document = (await response.json()) as { mediaType: string; fileName: string; inUse: boolean; kind: string };
      assert.equal(document.mediaType, expected);
      assert.equal(document.fileName, savedAs);
      assert.equal(document.inUse, false);
      assert.ok(!('storageKey' in document));
    }
    const list = (await (await server.request('/api/v1/documents', { token })).json()) as { items: unknown[] };
    assert.equal(list.items.length, 5);
  });

  it('refuses files that lie about their type with 415, storing nothing', async () => {
    const { token } = await registerPatient(server);
    const filesBefore = (await readdir(join(server.dataDir, 'files'))).length;
    for (const sample of ['html', 'exe'] as const) {
      const response = await upload(server, token, 'ecg', SAMPLE_FILES[sample](), 'scan.pdf', 'application/pdf');
      assert.equal(response.status, 415, sample);
      assert.equal((await errorOf(response)).code, 'unsupported_media_type');
    }
    assert.equal((await readdir(join(server.dataDir, 'files'))).length, filesBefore);
    const list = (await (await server.request('/api/v1/documents', { token })).json()) as { items: unknown[] };
    assert.equal(list.items.length, 0);
  });

  it('refuses a file over OZ_MAX_UPLOAD_MB with 413, an unknown kind and a missing file with 422', async () => {
    const { token } = await registerPatient(server);
    const big = new Uint8Array(1024 * 1024 + 10);
    big.set(SAMPLE_FILES.pdf());
    const response = await upload(server, token, 'ecg', big);
    assert.equal(response.status, 413);
    assert.equal((await errorOf(response)).code, 'payload_too_large');
    const badKind = await upload(server, token, 'selfie', SAMPLE_FILES.pdf());
    assert.equal(badKind.status, 422);
    assert.equal((await errorOf(badKind)).details?.fields?.[0]?.field, 'kind');
    const form = new FormData();
    form.set('kind', 'ecg');
    const noFile = await server.request('/api/v1/documents', { method: 'POST', body: form, token });
    assert.equal(noFile.status, 422);
  });

  it('serves the file only to its owner, as an attachment with nosniff', async () => {
    const owner = await registerPatient(server);
    const stranger = await registerPatient(server);
    const document = await uploadOk(server, owner.token, 'ecg');
    const response = await server.request(`/api/v1/documents/${document.id}/content`, { token: owner.token });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('Content-Disposition') ?? '', /^attachment; filename="ecg.pdf"; filename\*=UTF-8''ecg\.pdf$/);
    assert.equal(response.headers.get('X-Content-Type-Options'), 'nosniff');
    assert.equal(response.headers.get('Content-Type'), 'application/pdf');
    assert.deepEqual(new Uint8Array(await response.arrayBuffer()), SAMPLE_FILES.pdf());
    assert.equal((await server.request(`/api/v1/documents/${document.id}/content`, { token: stranger.token })).status, 404);
    assert.equal((await server.request(`/api/v1/documents/${document.id}/content`)).status, 401);
    assert.equal((await server.request(`/api/v1/documents?patientId=${owner.user.id}`, { token: stranger.token })).status, 404);
  });

  it('stores a DICOM file with its preamble zeroed, so one that is also a program is only DICOM', async () => {
    const { token } = await registerPatient(server);
    const twoFaced = SAMPLE_FILES.dicom();
    twoFaced.set(new TextEncoder().encode('@echo off\r\nformat c:\r\n'));
    const response = await upload(server, token, 'ct', twoFaced, 'Просмотр_КТ.bat', 'application/octet-stream');
    assert.equal(response.status, 201);
    const document = (await response.json()) as { id: string; fileName: string; mediaType: string };
    assert.deepEqual([document.mediaType, document.fileName], ['application/dicom', 'Просмотр_КТ.bat.dcm']);
    const saved = new Uint8Array(await (await server.request(`/api/v1/documents/${document.id}/content`, { token })).arrayBuffer());
    assert.deepEqual([...saved.subarray(0, 128)], new Array(128).fill(0));
    assert.equal(new TextDecoder().decode(saved.subarray(128, 132)), 'DICM');
  });

  it('keeps a long name downloadable: it is cut by whole characters', async () => {
    const { token } = await registerPatient(server);
    const name = `${'я'.repeat(199)}😀.pdf`;
    const response = await upload(server, token, 'ecg', SAMPLE_FILES.pdf(), name);
    assert.equal(response.status, 201);
    const document = (await response.json()) as { id: string; fileName: string };
    assert.equal(document.fileName, `${'я'.repeat(199)}😀.pdf`, 'cut after the emoji; the extension added back');
    const content = await server.request(`/api/v1/documents/${document.id}/content`, { token });
    assert.equal(content.status, 200);
  });

  it('shows a patient\'s documents to doctors of the center applied to, and to no other doctor', async () => {
    const patient = await registerPatient(server);
    const { documents } = await applyToBakulev(server, patient.token);
    const bakulevDoctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    const kulakovDoctor = await signInStaff(server, { role: 'doctor', centerId: 'kulakov' });
    const manager = await signInStaff(server, { role: 'manager' });

    const list = await server.request(`/api/v1/documents?patientId=${patient.user.id}`, { token: bakulevDoctor.token });
    assert.equal(list.status, 200);
    assert.equal(((await list.json()) as { items: unknown[] }).items.length, 3);
    const file = await server.request(`/api/v1/documents/${documents[0]!.id}/content`, { token: bakulevDoctor.token });
    assert.equal(file.status, 200);

    for (const other of [kulakovDoctor, manager]) {
      assert.equal((await server.request(`/api/v1/documents?patientId=${patient.user.id}`, { token: other.token })).status, 404);
      assert.equal((await server.request(`/api/v1/documents/${documents[0]!.id}/content`, { token: other.token })).status, 404);
    }
    const withoutPatient = await server.request('/api/v1/documents', { token: bakulevDoctor.token });
    assert.equal(withoutPatient.status, 422);
    const doctorUpload = await upload(server, bakulevDoctor.token, 'ecg', SAMPLE_FILES.pdf());
    assert.equal(doctorUpload.status, 403);
  });

  it('deletes a document, but not one attached to an open application', async () => {
    const patient = await registerPatient(server);
    const { documents } = await applyToBakulev(server, patient.token);
    const attached = documents[0]!;
    const list = (await (await server.request('/api/v1/documents', { token: patient.token })).json()) as { items: { id: string; inUse: boolean }[] };
    assert.ok(list.items.every((item) => item.inUse));
    const refused = await server.request(`/api/v1/documents/${attached.id}`, { method: 'DELETE', token: patient.token });
    assert.equal(refused.status, 409);
    const refusal = await errorOf(refused);
    assert.match(refusal.message, /attached to an application/);
    assert.deepEqual([refusal.code, refusal.details?.reason], ['conflict', 'document_in_use']);

    const loose = await uploadOk(server, patient.token, 'mri');
    const other = await registerPatient(server);
    assert.equal((await server.request(`/api/v1/documents/${loose.id}`, { method: 'DELETE', token: other.token })).status, 404);
    const deleted = await server.request(`/api/v1/documents/${loose.id}`, { method: 'DELETE', token: patient.token });
    assert.equal(deleted.status, 204);
    assert.equal((await server.request(`/api/v1/documents/${loose.id}/content`, { token: patient.token })).status, 404);
  });
});
