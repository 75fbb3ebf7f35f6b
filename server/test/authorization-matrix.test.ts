import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerPatient, startTestServer, uniquePhone, type TestServer } from './helpers.ts';
import { SAMPLE_FILES, inDays, signInStaff, uploadOk } from './fixtures.ts';
import { csv, HEADER } from './referral-tables.ts';

// The authorization matrix in one table: every route of the OpenAPI document, called by every kind
// of person against patient A's records. Whoever the table does not allow must get no 2xx and none
// of A's data. A new route fails the first test until it has its row here.

type Actor = 'anonymous' | 'patientA' | 'patientB' | 'doctorOfA' | 'otherDoctorSameCenter' | 'doctorOtherCenter' | 'manager';
const ACTORS: Actor[] = ['anonymous', 'patientA', 'patientB', 'doctorOfA', 'otherDoctorSameCenter', 'doctorOtherCenter', 'manager'];
const SIGNED_IN = ACTORS.filter((actor) => actor !== 'anonymous');
const PATIENTS: Actor[] = ['patientA', 'patientB'];
const DOCTORS: Actor[] = ['doctorOfA', 'otherDoctorSameCenter', 'doctorOtherCenter'];

/** Patient A's records the rows point at. */
interface World {
  documentId: string;
  waitingApplicationId: string;
  consultationId: string;
  notificationId: string;
  slotId: string;
  staffId: string;
}

interface Row {
  /** Who may get a 2xx; `public` rows are open to anyone and carry no one's data. */
  allowed: readonly Actor[] | 'public';
  /**
   * Lists each signed-in person gets their own of (their consultations, their queue): a 2xx is
   * fine for them as long as none of A's data is in it.
   */
  ownScope?: readonly Actor[];
  path?: (world: World) => string;
  body?: (world: World) => unknown;
  form?: () => FormData;
}

const file = () => {
  const form = new FormData();
  form.set('kind', 'ecg');
  form.set('file', new File([SAMPLE_FILES.pdf()], 'scan.pdf', { type: 'application/pdf' }));
  return form;
};
const table = () => {
  const form = new FormData();
  form.set('file', new File([csv([HEADER, ['Новый Пациент', '01.01.1950', uniquePhone(), 'ИБС', 'bakulev', '', '']])], 't.csv'));
  return form;
};

const MATRIX: Record<string, Row> = {
  // Signing in and the person's own account: open, or theirs by their token.
  'POST /auth/phone-code': { allowed: 'public' },
  'POST /auth/password/reset': { allowed: 'public' },
  'POST /auth/register': { allowed: 'public' },
  'POST /auth/login': { allowed: 'public' },
  'POST /auth/phone/code': { allowed: SIGNED_IN },
  'POST /auth/phone/confirm': { allowed: SIGNED_IN, body: () => ({ code: '123456' }) },
  'POST /auth/logout': { allowed: SIGNED_IN },
  'POST /auth/password': { allowed: SIGNED_IN, body: () => ({ currentPassword: 'wrong password', newPassword: 'a new password 1' }) },
  'GET /me': { allowed: SIGNED_IN },
  'GET /me/audit': { allowed: PATIENTS },
  // Each patient's own (personal-data.test.ts unpacks B's and finds none of A's data in it).
  'GET /me/export': { allowed: PATIENTS },
  // Each patient's own, with their password (account-erasure.test.ts erases and checks the rest).
  'DELETE /me': { allowed: PATIENTS, body: () => ({ password: 'wrong password' }) },
  'GET /audit': { allowed: ['manager'] },
  'GET /audit/export.csv': { allowed: ['manager'] },
  'GET /staff': { allowed: ['manager'] },
  'POST /staff': { allowed: ['manager'], body: () => ({ role: 'doctor', fullName: 'Новый Врач', phone: uniquePhone(), centerId: 'bakulev' }) },
  'PATCH /staff/{id}': { allowed: ['manager'], body: () => ({ isDutyDoctor: true }) },
  'POST /staff/{id}/disable': { allowed: ['manager'] },
  'POST /staff/{id}/enable': { allowed: ['manager'] },
  'POST /staff/{id}/password': { allowed: ['manager'] },
  'GET /centers': { allowed: 'public' },
  'GET /consent': { allowed: 'public' },
  'POST /documents': { allowed: PATIENTS, form: file },
  'GET /documents': { allowed: ['patientA', 'doctorOfA', 'otherDoctorSameCenter'], ownScope: ['patientB'] },
  'GET /documents/{id}/content': { allowed: ['patientA', 'doctorOfA', 'otherDoctorSameCenter'] },
  'DELETE /documents/{id}': { allowed: ['patientA'] },
  'POST /applications': { allowed: PATIENTS, body: () => ({ centerId: 'kulakov', disease: 'x', diagnosis: 'x', complaints: 'x', documentIds: [] }) },
  'GET /applications': { allowed: ['patientA', 'doctorOfA', 'otherDoctorSameCenter'], ownScope: ['patientB', 'doctorOtherCenter'] },
  'GET /applications/{id}': { allowed: ['patientA', 'doctorOfA', 'otherDoctorSameCenter'] },
  'POST /applications/{id}/schedule': { allowed: ['doctorOfA', 'otherDoctorSameCenter'], body: () => ({ startsAt: inDays(5), durationMinutes: 30 }) },
  'POST /applications/{id}/decline': { allowed: ['doctorOfA', 'otherDoctorSameCenter'], body: () => ({ reason: 'Нет показаний' }) },
  'POST /applications/{id}/cancel': { allowed: ['patientA'] },
  'GET /consultations': { allowed: ['patientA', 'doctorOfA'], ownScope: ['patientB', 'otherDoctorSameCenter', 'doctorOtherCenter'] },
  'GET /consultations/{id}': { allowed: ['patientA', 'doctorOfA'] },
  'POST /consultations/{id}/cancel': { allowed: ['patientA', 'doctorOfA'], body: () => ({ reason: 'Не смогу' }) },
  'POST /consultations/{id}/conclusion': { allowed: ['doctorOfA'], body: () => ({ text: 'Заключение', outcome: 'conclusion' }) },
  'GET /consultations/{id}/conclusion': { allowed: ['patientA', 'doctorOfA'] },
  'GET /consultations/{id}/messages': { allowed: ['patientA', 'doctorOfA'] },
  'POST /consultations/{id}/messages': { allowed: ['patientA', 'doctorOfA'], body: () => ({ text: 'Здравствуйте' }) },
  'POST /consultations/{id}/messages/read': { allowed: ['patientA', 'doctorOfA'] },
  'GET /notifications': { allowed: ['patientA'], ownScope: ['patientB', ...DOCTORS, 'manager'] },
  'POST /notifications/{id}/read': { allowed: ['patientA'] },
  'POST /notifications/stream-ticket': { allowed: SIGNED_IN },
  // Opened with a one-use ticket, never a token (routes/notifications.ts and its tests).
  'GET /notifications/stream': { allowed: 'public', path: () => '/notifications/stream?ticket=not-a-ticket-of-anyone-at-all' },
  'GET /duty/slots': { allowed: 'public' },
  'POST /duty/slots': { allowed: ['otherDoctorSameCenter'], body: () => ({ startsAt: inDays(9), endsAt: new Date(Date.parse(inDays(9)) + 3600_000).toISOString(), durationMinutes: 20 }) },
  'GET /duty/slots/mine': { allowed: ['otherDoctorSameCenter'], ownScope: ['doctorOfA', 'doctorOtherCenter'] },
  'DELETE /duty/slots/{id}': { allowed: ['otherDoctorSameCenter'] },
  'POST /duty/slots/{id}/book': { allowed: PATIENTS, body: () => ({ channel: 'video' }) },
  'POST /consultations/{id}/video': { allowed: ['patientA', 'doctorOfA'] },
  'POST /consultations/{id}/video/end': { allowed: ['doctorOfA'] },
  'GET /video/speedtest': { allowed: SIGNED_IN },
  'POST /video/speedtest': { allowed: SIGNED_IN },
  'POST /referrals/import': { allowed: ['manager'], form: table },
  'POST /referrals/credentials': { allowed: ['manager'], body: () => ({ phone: uniquePhone() }) },
  'GET /referrals/template.csv': { allowed: 'public' },
};

/** The path with patient A's (or the staff member's) record in place of `{id}`. */
function pathOf(key: string, row: Row, world: World): string {
  if (row.path) return row.path(world);
  const path = key.slice(key.indexOf(' ') + 1);
  const id = path.startsWith('/documents/')
    ? world.documentId
    : path.startsWith('/applications/')
      ? world.waitingApplicationId
      : path.startsWith('/consultations/')
        ? world.consultationId
        : path.startsWith('/notifications/')
          ? world.notificationId
          : path.startsWith('/duty/slots/')
            ? world.slotId
            : world.staffId;
  const filled = path.replace('{id}', id);
  if (key === 'GET /documents') return `${filled}?patientId=PATIENT_A`;
  if (key.startsWith('GET /audit')) return `${filled}?patientId=PATIENT_A`;
  return filled;
}

describe('the authorization matrix: every route, every kind of person, patient A\'s records', () => {
  let server: TestServer;
  let world: World;
  const tokens: Partial<Record<Actor, string>> = {};
  /** Text that only patient A's records hold: none of it may reach anyone the table does not allow. */
  const secrets: string[] = [];
  let patientAId = '';

  before(async () => {
    server = await startTestServer({ OZ_RATE_LIMIT_PER_MINUTE: '0' });
    const a = await registerPatient(server, { fullName: 'Секретова Ариадна Маркеровна' });
    const b = await registerPatient(server);
    patientAId = a.user.id;
    const doctorOfA = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', fullName: 'Врач Пациентки А' });
    const sameCenter = await signInStaff(server, { role: 'doctor', centerId: 'bakulev', isDutyDoctor: true, fullName: 'Дежурный Бакулева' });
    const otherCenter = await signInStaff(server, { role: 'doctor', centerId: 'kulakov', fullName: 'Врач Кулакова' });
    const manager = await signInStaff(server, { role: 'manager' });
    Object.assign(tokens, { patientA: a.token, patientB: b.token, doctorOfA: doctorOfA.token, otherDoctorSameCenter: sameCenter.token, doctorOtherCenter: otherCenter.token, manager: manager.token });

    const documents = await Promise.all(['discharge_summary', 'ecg', 'echocg'].map((kind) => uploadOk(server, a.token, kind)));
    const apply = async (diagnosis: string) => {
      const response = await server.request('/api/v1/applications', {
        token: a.token,
        json: { centerId: 'bakulev', disease: 'coronary_heart_disease', diagnosis, complaints: 'Секретные жалобы пациентки А', documentIds: documents.map((d) => d.id) },
      });
      assert.equal(response.status, 201, await response.clone().text());
      return (await response.json()) as { id: string };
    };
    const first = await apply('Секретный диагноз пациентки А');
    const scheduled = await server.request(`/api/v1/applications/${first.id}/schedule`, { token: doctorOfA.token, json: { startsAt: inDays(2), durationMinutes: 30 } });
    const consultation = (await scheduled.json()) as { id: string };
    await server.request(`/api/v1/consultations/${consultation.id}/messages`, { token: a.token, json: { text: 'Секретное сообщение пациентки А' } });
    const waiting = await apply('Второй секретный диагноз пациентки А');
    const notifications = (await (await server.request('/api/v1/notifications', { token: a.token })).json()) as { items: { id: string }[] };
    const start = new Date(Date.parse(inDays(3)));
    start.setUTCMinutes(0, 0, 0);
    const slots = await server.request('/api/v1/duty/slots', {
      token: sameCenter.token,
      json: { startsAt: start.toISOString(), endsAt: new Date(start.getTime() + 3600_000).toISOString(), durationMinutes: 20 },
    });
    const slot = ((await slots.json()) as { items: { id: string }[] }).items[0]!;
    world = {
      documentId: documents[0]!.id,
      waitingApplicationId: waiting.id,
      consultationId: consultation.id,
      notificationId: notifications.items[0]!.id,
      slotId: slot.id,
      staffId: otherCenter.user.id,
    };
    secrets.push('Секретова Ариадна', a.user.phone, 'Секретный диагноз', 'Секретные жалобы', 'Секретное сообщение', patientAId);
  });
  after(() => server.close());

  it('has a row for every route of the OpenAPI document, and no row for a route that is gone', async () => {
    const doc = (await (await server.request('/api/v1/openapi.json')).json()) as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    assert.deepEqual([...routes].sort(), Object.keys(MATRIX).sort());
  });

  for (const [key, row] of Object.entries(MATRIX)) {
    if (row.allowed === 'public') continue;
    const allowed = row.allowed;
    it(`${key}: nobody else gets a 2xx or patient A's data`, async () => {
      const method = key.slice(0, key.indexOf(' '));
      const path = `/api/v1${pathOf(key, row, world).replace('PATIENT_A', patientAId)}`;
      for (const actor of ACTORS) {
        if (allowed.includes(actor)) continue;
        const token = tokens[actor];
        const form = row.form?.();
        const response = await server.request(path, {
          method,
          ...(token ? { token } : {}),
          ...(form ? { body: form } : row.body ? { json: row.body(world) } : method === 'POST' && key.endsWith('speedtest') ? { body: new Uint8Array(16) } : {}),
        });
        const text = await response.text();
        const leaked = secrets.filter((secret) => text.includes(secret));
        assert.deepEqual(leaked, [], `${actor} ${key} saw patient A's data: ${text.slice(0, 300)}`);
        if (row.ownScope?.includes(actor)) continue;
        assert.ok(response.status >= 400, `${actor} ${key} answered ${response.status}: ${text.slice(0, 300)}`);
        assert.ok(actor !== 'anonymous' || response.status === 401, `anonymous ${key} answered ${response.status}, not 401`);
      }
    });
  }
});
