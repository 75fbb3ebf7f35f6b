import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import { S3Client } from '@aws-sdk/client-s3';
import { emptyData, type StoreData } from '../src/adapters/store/lowdb-repositories.ts';
import { registerPatient, startTestServer } from './helpers.ts';
import { applyToBakulev, inDays, signInStaff } from './fixtures.ts';
import { csv, HEADER, importFile } from './referral-tables.ts';

/** A deployment on the embedded store with every kind of record, made through the API as people would. */
export interface World {
  dataDir: string;
  patient: { id: string; phone: string; password: string; token: string; loggedOutToken: string };
  doctor: { token: string };
  documentId: string;
  applicationConsultationId: string;
  dutyConsultationId: string;
  conclusionText: string;
  referralPhone: string;
}

export async function buildWorld(dataDir: string): Promise<World> {
  const server = await startTestServer({ OZ_DATA_DIR: dataDir });
  try {
    const patient = await registerPatient(server);
    const { application, documents } = await applyToBakulev(server, patient.token);
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true, fullName: 'Петров А. И.' });
    const scheduled = await ok(server.request(`/api/v1/applications/${application.id}/schedule`, { token: doctor.token, json: { startsAt: inDays(2), durationMinutes: 20 } }));
    const consultation = (await scheduled.json()) as { id: string };
    await ok(server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: patient.token, json: { text: 'Взять ли с собой ЭКГ?' } }));
    await ok(server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: doctor.token, json: { text: 'Да, пожалуйста' } }));
    const conclusionText = 'Показано плановое обследование';
    await ok(server.request(`/api/v1/consultations/${consultation.id}/conclusion`, { token: doctor.token, json: { text: conclusionText, recommendations: 'Контроль через 3 месяца', outcome: 'conclusion' } }));

    const start = new Date(Date.now() + 3 * 24 * 3600_000);
    start.setUTCMinutes(0, 0, 0);
    const published = await ok(server.request('/api/v1/duty/slots', { token: doctor.token, json: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), durationMinutes: 20 } }));
    const [slot] = ((await published.json()) as { items: { id: string }[] }).items;
    const booked = await ok(server.request(`/api/v1/duty/slots/${slot!.id}/book`, { token: patient.token, json: { channel: 'video', topic: 'Давление по утрам' } }));
    const dutyConsultation = (await booked.json()) as { id: string };

    const notes = (await (await server.request('/api/v1/notifications', { token: patient.token })).json()) as { items: { id: string }[] };
    await ok(server.request(`/api/v1/notifications/${notes.items.at(-1)!.id}/read`, { method: 'POST', token: patient.token }));

    // A second sign-in that ends: its session must not come over.
    const second = (await (await ok(server.request('/api/v1/auth/login', { json: { phone: patient.user.phone, password: patient.password } }))).json()) as { token: string };
    await server.request('/api/v1/auth/logout', { method: 'POST', token: second.token });
    // A forgotten password asked for: its live SMS code comes over too (another instance may check it).
    await ok(server.request('/api/v1/auth/phone-code', { json: { phone: patient.user.phone, purpose: 'reset' } }));

    const manager = await signInStaff(server, { role: 'manager' });
    const referralPhone = '+79315550101';
    await ok(importFile(server, manager.token, csv([HEADER, ['Соколова Нина Павловна', '03.02.1949', referralPhone, 'ИБС', 'bakulev', 'Иванов И. И.', 'ЦРБ']]), 'направления.csv'));

    return {
      dataDir,
      patient: { id: patient.user.id, phone: patient.user.phone, password: patient.password, token: patient.token, loggedOutToken: second.token },
      doctor: { token: doctor.token },
      documentId: documents[0]!.id,
      applicationConsultationId: consultation.id,
      dutyConsultationId: dutyConsultation.id,
      conclusionText,
      referralPhone,
    };
  } finally {
    await server.close();
  }
}

export async function ok(pending: Promise<Response>): Promise<Response> {
  const response = await pending;
  if (response.status >= 300) throw new Error(`${response.url || 'request'} answered ${response.status}: ${await response.text()}`);
  return response;
}

export const BUCKET = 'oz-files';
const S3_KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/** An S3-compatible server in this process, on a free port, with an empty bucket. */
export async function startLocalS3() {
  const directory = await mkdtemp(join(tmpdir(), 'oz-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, directory, silent: true, configureBuckets: [{ name: BUCKET, configs: [] }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new S3Client({ endpoint, region: 'us-east-1', forcePathStyle: true, credentials: S3_KEYS });
  return {
    env: { OZ_S3_ENDPOINT: endpoint, OZ_S3_BUCKET: BUCKET, OZ_S3_FORCE_PATH_STYLE: 'true', OZ_S3_ACCESS_KEY_ID: S3_KEYS.accessKeyId, OZ_S3_SECRET_ACCESS_KEY: S3_KEYS.secretAccessKey, OZ_S3_PREFIX: 'oz/' },
    client,
    stop: async () => {
      client.destroy();
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

/** One patient with many notifications, some written in the same millisecond, as a raw store file. */
export function syntheticStore(notifications: number): StoreData {
  const data = emptyData();
  const at = '2024-03-01T09:00:00.000Z';
  data.users.push({
    id: 'u-1',
    role: 'patient',
    fullName: 'Иванова Мария Петровна',
    phone: '+79210000001',
    email: null,
    birthDate: '1956-04-12',
    centerId: null,
    isDutyDoctor: false,
    mustChangePassword: false,
    passwordHash: 'scrypt$x',
    consent: { at, version: '1' },
    createdAt: at,
    updatedAt: at,
    seq: data.nextSeq++,
  });
  for (let i = 0; i < notifications; i += 1) {
    data.notifications.push({
      id: `n-${String(i).padStart(5, '0')}`,
      userId: 'u-1',
      kind: 'application_scheduled',
      text: `Уведомление ${i}`,
      data: { applicationId: 'a-1' },
      createdAt: new Date(Date.parse(at) + Math.floor(i / 3)).toISOString(),
      readAt: i % 2 ? at : null,
      seq: data.nextSeq++,
    } as StoreData['notifications'][number]);
  }
  return data;
}
