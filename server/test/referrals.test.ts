import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CONSENT_VERSION } from '@oz/contracts';
import { errorOf, registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { signInStaff } from './fixtures.ts';
import { startFakeSmsGateway } from './fake-sms-gateway.ts';
import { HEADER, csv, encodeWindows1251, importFile, xlsx } from './referral-tables.ts';
import { outbox } from './sms-outbox.ts';

type Report = {
  dryRun: boolean;
  total: number;
  created: number;
  skipped: number;
  attached: number;
  errors: { row: number; field: string | null; code: string; column: string | null; message: string }[];
  rows: { row: number; outcome: string; phone: string; centerId: string | null }[];
  smsFailures: unknown[];
};

let phoneSeed = 5_000_000;
const phone = () => `+7 (931) ${String((phoneSeed += 7)).slice(0, 3)}-${String(phoneSeed).slice(3, 5)}-${String(phoneSeed).slice(5, 7)}`;
const normalized = (p: string) => `+7${p.replace(/\D/g, '').slice(1)}`;

describe('POST /referrals/import', () => {
  let server: TestServer;
  let manager: Awaited<ReturnType<typeof signInStaff>>;
  before(async () => {
    server = await startTestServer({ OZ_PUBLIC_URL: 'https://oz.example.ru', OZ_OTP_TTL_DAYS: '7' });
    manager = await signInStaff(server, { role: 'manager' });
  });
  after(() => server.close());

  it('imports a CSV as Excel saves it in UTF-8 with a BOM and ";", creating patients, referrals and SMS', async () => {
    const a = phone();
    const b = phone();
    const table = csv([
      HEADER,
      ['Соколова Нина Павловна', '03.02.1949', a, 'ИБС', 'НМИЦ ССХ им. Бакулева', 'Петров А. И.', 'ГБУЗ ЛО «Приозерская МБ»'],
      ['Егорова Анна', '1988-07-15', b, 'Аритмия плода', 'НМИЦ АГП им. Кулакова', '', ''],
    ]);
    const response = await importFile(server, manager.token, `\ufeff${table}`, 'направления.csv');
    assert.equal(response.status, 200);
    const report = (await response.json()) as Report;
    assert.deepEqual([report.dryRun, report.total, report.created, report.skipped, report.errors.length], [false, 2, 2, 0, 0]);
    assert.deepEqual(report.rows.map((r) => [r.row, r.outcome, r.centerId]), [[2, 'create', 'bakulev'], [3, 'create', 'kulakov']]);

    const patient = await server.services.store.users.findByPhone(normalized(a));
    assert.equal(patient?.fullName, 'Соколова Нина Павловна');
    assert.equal(patient?.birthDate, '1949-02-03');
    assert.equal(patient?.mustChangePassword, true);
    const applications = await server.services.store.applications.listByPatient(patient!.id);
    assert.deepEqual(applications.map((x) => [x.source, x.status, x.centerId, x.diagnosis, x.referral?.referringDoctor]), [['referral', 'submitted', 'bakulev', 'ИБС', 'Петров А. И.']]);

    const messages = (await outbox(server)).filter((m) => m.to === normalized(a));
    assert.equal(messages.length, 1);
    const match = /^Облако здоровья — бесплатные онлайн-консультации НМИЦ Минздрава России\. Вас направили: ГБУЗ ЛО «Приозерская МБ»\. Вход https:\/\/oz\.example\.ru\/portal\.html, логин (\+7\d{10}), пароль ([2-9a-hjkmnp-z]{10})$/.exec(messages[0]!.text);
    assert.ok(match, messages[0]!.text);
    assert.equal(match[1], normalized(a));
    assert.equal(messages[0]!.text.split('пароль').length, 2, 'the word «пароль» once');

    // The patient signs in with the SMS password: until a new one is set, everything else is 403.
    const login = await server.request('/api/v1/auth/login', { json: { phone: match[1], password: match[2] } });
    assert.equal(login.status, 200);
    const { token, user } = (await login.json()) as { token: string; user: { mustChangePassword: boolean } };
    assert.equal(user.mustChangePassword, true);
    const blocked = await server.request('/api/v1/applications', { token });
    assert.equal(blocked.status, 403);
    assert.equal((await errorOf(blocked)).code, 'password_change_required');
    // Imported patients never ticked the 152-FZ consent: the first password change requires it.
    const withoutConsent = await server.request('/api/v1/auth/password', { token, json: { currentPassword: match[2], newPassword: 'моя новая тайна' } });
    assert.equal(withoutConsent.status, 422);
    assert.deepEqual((await errorOf(withoutConsent)).details?.fields?.map((f) => [f.field, f.code]), [['consent', 'consent_required']]);
    const changed = await server.request('/api/v1/auth/password', { token, json: { currentPassword: match[2], newPassword: 'моя новая тайна', consent: true } });
    assert.equal(changed.status, 200);
    assert.equal(((await changed.json()) as { user: { consentGiven: boolean } }).user.consentGiven, true);
    assert.equal((await server.services.store.users.findByPhone(normalized(a)))?.consent?.version, CONSENT_VERSION);
    const mine = (await (await server.request('/api/v1/applications', { token })).json()) as { items: { source: string }[] };
    assert.deepEqual(mine.items.map((x) => x.source), ['referral']);
  });

  it('reads CSV in Windows-1251 with "," and CSV in UTF-8 without a BOM', async () => {
    const first = phone();
    const win = encodeWindows1251(csv([HEADER, ['Ёлкина Зоя Ивановна', '1.2.1950', first, 'Порок сердца', 'bakulev', 'Иванов', 'ЦРБ']], ','));
    const response = await importFile(server, manager.token, win, 'old-excel.csv', true);
    const report = (await response.json()) as Report;
    assert.equal(report.created, 1, JSON.stringify(report.errors));
    assert.equal((await server.services.store.users.findByPhone(normalized(first))), undefined, 'dry run writes nothing');

    const second = phone();
    const plain = csv([HEADER, ['Ёлкина Зоя Ивановна', '01.02.1950', second, 'Порок сердца', 'Кулакова', 'Иванов', 'ЦРБ']]);
    const written = (await (await importFile(server, manager.token, plain, 'utf8.csv')).json()) as Report;
    assert.equal(written.created, 1);
    assert.equal((await server.services.store.users.findByPhone(normalized(second)))?.fullName, 'Ёлкина Зоя Ивановна');
  });

  it('reads XLSX with date cells, phones typed as numbers and columns in another order', async () => {
    const p = phone();
    const numeric = Number(normalized(p).slice(1));
    const bytes = await xlsx([
      ['Телефон', 'Дата рождения', 'ФИО', 'Центр', 'Диагноз', 'Медицинская организация', 'Направивший врач'],
      [numeric, new Date(Date.UTC(1961, 10, 5)), 'Ким Ольга', 'Бакулева', 'Кардиомиопатия', 'ЦРБ', 'Сидоров'],
    ]);
    const report = (await (await importFile(server, manager.token, bytes, 'направления.xlsx')).json()) as Report;
    assert.deepEqual([report.created, report.errors?.length], [1, 0], JSON.stringify(report));
    const patient = await server.services.store.users.findByPhone(normalized(p));
    assert.equal(patient?.birthDate, '1961-11-05');
  });

  it('reports every bad row by its row number, and imports the good ones', async () => {
    const good = phone();
    const dup = phone();
    const table = csv([
      HEADER,
      ['', '01.01.1950', phone(), 'ИБС', 'Бакулева', '', ''],
      ['Без Даты', '31.02.1950', phone(), 'ИБС', 'Бакулева', '', ''],
      ['Будущий', '01.01.2999', phone(), 'ИБС', 'Бакулева', '', ''],
      ['Плохой Телефон', '01.01.1950', '12-34', 'ИБС', 'Бакулева', '', ''],
      ['Без Диагноза', '01.01.1950', phone(), '', 'Бакулева', '', ''],
      ['Не тот центр', '01.01.1950', phone(), 'ИБС', 'Склифосовского', '', ''],
      [],
      ['Хороший Пациент', '01.01.1950', good, 'ИБС', 'Бакулева', '', ''],
      ['Дубль Один', '01.01.1950', dup, 'ИБС', 'Кулакова', '', ''],
      ['Дубль Два', '01.01.1950', dup, 'ИБС', 'Кулакова', '', ''],
      ['Врач', '01.01.1950', '+7 900 000 00 00', 'ИБС', 'Бакулева', '', ''],
    ]);
    await server.services.accounts.createStaff({ role: 'doctor', fullName: 'Врач', phone: '+79000000000', password: 'staff password', centerId: 'bakulev', isDutyDoctor: false });
    const report = (await (await importFile(server, manager.token, table, 'bad.csv')).json()) as Report;
    assert.deepEqual(report.errors.map((e) => [e.row, e.code, e.column]), [
      [2, 'name_missing', 'ФИО'],
      [3, 'birth_date_invalid', 'Дата рождения'],
      [4, 'birth_date_invalid', 'Дата рождения'],
      [5, 'phone_invalid', 'Телефон'],
      [6, 'diagnosis_missing', 'Диагноз'],
      [7, 'center_unknown', 'Центр'],
      [11, 'duplicate_in_file', null],
      [12, 'phone_belongs_to_staff', 'Телефон'],
    ]);
    assert.deepEqual([report.total, report.created], [10, 2], 'the empty line is not a row');
    assert.ok(await server.services.store.users.findByPhone(normalized(good)));
    assert.equal((await server.services.store.users.findByPhone('+79000000000'))?.role, 'doctor');
  });

  it('reports every problem of a row at once, each with its field and code, and skips the row whole', async () => {
    const good = phone();
    const table = csv([
      HEADER,
      ['Четыре Ошибки', '31.02.1950', '12-34', '', 'Склифосовского', '', ''],
      ['', '', '', '', '', 'Петров А. И.', ''],
      ['Хороший Пациент', '01.01.1950', good, 'ИБС', 'Бакулева', '', ''],
    ]);
    const usersBefore = await server.services.store.users.count();
    for (const dryRun of [true, false]) {
      const response = await importFile(server, manager.token, table, 'four.csv', dryRun);
      assert.equal(response.status, 200);
      const report = (await response.json()) as Report;
      assert.deepEqual(
        report.errors.map((e) => [e.row, e.field, e.code, e.column]),
        [
          [2, 'birthDate', 'birth_date_invalid', 'Дата рождения'],
          [2, 'phone', 'phone_invalid', 'Телефон'],
          [2, 'diagnosis', 'diagnosis_missing', 'Диагноз'],
          [2, 'center', 'center_unknown', 'Центр'],
          [3, 'fullName', 'name_missing', 'ФИО'],
          [3, 'birthDate', 'birth_date_invalid', 'Дата рождения'],
          [3, 'phone', 'phone_invalid', 'Телефон'],
          [3, 'diagnosis', 'diagnosis_missing', 'Диагноз'],
          [3, 'center', 'center_unknown', 'Центр'],
        ],
        `dryRun=${dryRun}`,
      );
      assert.ok(report.errors.every((e) => e.message.length > 0));
      assert.deepEqual(report.rows.map((r) => [r.row, r.outcome]), [[2, 'error'], [3, 'error'], [4, 'create']]);
      assert.equal(report.created, 1);
      assert.equal(await server.services.store.users.count(), usersBefore + (dryRun ? 0 : 1), 'only the good row is written');
    }
    assert.ok(await server.services.store.users.findByPhone(normalized(good)));
  });

  it('creates nothing when the same table comes twice, and attaches a new referral to a known patient', async () => {
    const existing = await registerPatient(server);
    const fresh = phone();
    const table = csv([
      HEADER,
      // The registered patient, her name as a regional office types it.
      ['ИВАНОВА  Мария Петровна', '12.04.1956', existing.user.phone, 'ИБС', 'Бакулева', '', ''],
      ['Новая Пациентка', '01.01.1950', fresh, 'ИБС', 'Бакулева', '', ''],
      ['Новая Пациентка', '01.01.1950', fresh, 'УЗИ плода', 'Кулакова', '', ''],
    ]);
    const first = (await (await importFile(server, manager.token, table, 't.csv')).json()) as Report;
    assert.deepEqual([first.created, first.skipped, first.attached], [1, 1, 1]);
    assert.deepEqual(first.rows.map((r) => r.outcome), ['attach', 'create', 'create']);
    const smsBefore = (await outbox(server)).length;
    const usersBefore = await server.services.store.users.count();

    const again = (await (await importFile(server, manager.token, table, 't.csv')).json()) as Report;
    assert.deepEqual([again.created, again.skipped, again.attached], [0, 3, 0]);
    assert.deepEqual(again.rows.map((r) => r.outcome), ['known', 'known', 'known']);
    assert.equal(await server.services.store.users.count(), usersBefore);
    assert.equal((await outbox(server)).length, smsBefore);
    const freshPatient = await server.services.store.users.findByPhone(normalized(fresh));
    assert.equal((await server.services.store.applications.listByPatient(freshPatient!.id)).length, 2);
    assert.equal((await outbox(server)).filter((m) => m.to === normalized(fresh)).length, 1, 'one SMS for two rows');
    // The known patient's own password still works: their account was not touched.
    assert.equal((await server.request('/api/v1/auth/login', { json: { phone: existing.user.phone, password: existing.password } })).status, 200);
  });

  it('gives no referral to whoever registered the phone under another name or birth date', async () => {
    const stranger = await registerPatient(server, { fullName: 'Кто Угодно', birthDate: '1990-01-01' });
    const table = csv([HEADER, ['Петрова Анна Ивановна', '01.02.1960', stranger.user.phone, 'Рак шейки матки T2N0M0', 'Кулакова', '', '']]);
    const dry = (await (await importFile(server, manager.token, table, 't.csv', true)).json()) as Report;
    assert.deepEqual(dry.errors.map((e) => [e.row, e.code, e.column]), [[2, 'phone_belongs_to_other_person', 'Телефон']]);
    const report = (await (await importFile(server, manager.token, table, 't.csv')).json()) as Report;
    assert.deepEqual([report.created, report.attached, report.errors.length], [0, 0, 1]);
    const seen = (await (await server.request('/api/v1/applications', { token: stranger.token })).json()) as { items: unknown[] };
    assert.deepEqual(seen.items, [], 'the stranger sees no diagnosis');
  });

  it('attaches nothing to a matching account whose phone was never confirmed by SMS, until it is', async () => {
    // An account from before SMS codes: the same name and birth date, the phone never proved.
    const older = await registerPatient(server, { fullName: 'Орлова Нина Петровна', birthDate: '1948-03-12' });
    await server.services.store.users.update(older.user.id, { phoneConfirmedAt: null });
    const table = csv([HEADER, ['Орлова Нина Петровна', '12.03.1948', older.user.phone, 'ИБС', 'Бакулева', '', '']]);
    const report = (await (await importFile(server, manager.token, table, 't.csv')).json()) as Report;
    assert.deepEqual(report.errors.map((e) => [e.row, e.field, e.code]), [[2, 'phone', 'phone_not_confirmed']]);
    assert.deepEqual([report.attached, report.rows[0]?.outcome], [0, 'error']);
    const seen = (await (await server.request('/api/v1/applications', { token: older.token })).json()) as { items: unknown[] };
    assert.deepEqual(seen.items, [], 'no diagnosis reached the account');

    assert.equal((await server.request('/api/v1/auth/phone/code', { method: 'POST', token: older.token })).status, 202);
    const code = /код (\d{6})/.exec((await outbox(server)).filter((m) => m.to === older.user.phone).at(-1)!.text)![1];
    assert.equal((await server.request('/api/v1/auth/phone/confirm', { token: older.token, json: { code } })).status, 200);
    const again = (await (await importFile(server, manager.token, table, 't.csv')).json()) as Report;
    assert.deepEqual([again.attached, again.errors.length], [1, 0], 'once confirmed, the referral attaches');
  });

  it('refuses files that are not tables, tables without the required columns, and non-managers', async () => {
    const pdf = await importFile(server, manager.token, '%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n', 'table.csv');
    // file_unreadable is always 422 (ERROR_STATUS), whether the file is no table or lacks columns.
    assert.equal(pdf.status, 422);
    assert.equal((await errorOf(pdf)).code, 'file_unreadable');
    const noColumns = await importFile(server, manager.token, csv([['Имя', 'Телефон'], ['Иванов', '+79210000001']]), 't.csv');
    assert.equal(noColumns.status, 422);
    const error = await errorOf(noColumns);
    assert.deepEqual((error.details as { missingColumns: string[] }).missingColumns, ['ФИО', 'Дата рождения', 'Диагноз', 'Центр']);
    const doctor = await signInStaff(server, { role: 'doctor', centerId: 'bakulev' });
    assert.equal((await importFile(server, doctor.token, csv([HEADER]), 't.csv')).status, 403);
    const patient = await registerPatient(server);
    assert.equal((await importFile(server, patient.token, csv([HEADER]), 't.csv')).status, 403);
    assert.equal((await server.request('/api/v1/referrals/import', { method: 'POST', body: new FormData() })).status, 401);
  });

  it('offers a template with the headers that Excel opens in Cyrillic', async () => {
    const response = await server.request('/api/v1/referrals/template.csv');
    assert.equal(response.status, 200);
    const bytes = new Uint8Array(await response.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    assert.ok(text.startsWith(HEADER.map((h) => `"${h}"`).join(';')));
    const report = (await (await importFile(server, manager.token, bytes, 'template.csv', true)).json()) as Report;
    assert.deepEqual([report.total, report.errors.length], [1, 0], 'the template itself imports');
  });
});

describe('one-time passwords', () => {
  it('expire after OZ_OTP_TTL_DAYS, with a clear error', async () => {
    const server = await startTestServer({ OZ_OTP_TTL_DAYS: '7' });
    try {
      const manager = await signInStaff(server, { role: 'manager' });
      const p = phone();
      await importFile(server, manager.token, csv([HEADER, ['Петрова Анна', '01.01.1950', p, 'ИБС', 'Бакулева', '', '']]), 't.csv');
      const sms = (await outbox(server)).find((m) => m.to === normalized(p))!;
      const password = /пароль (\S+)$/.exec(sms.text)![1]!;
      server.advance(8 * 24 * 3600 * 1000);
      const late = await server.request('/api/v1/auth/login', { json: { phone: p, password } });
      assert.equal(late.status, 401);
      assert.equal((await errorOf(late)).code, 'one_time_password_expired');
      const wrong = await server.request('/api/v1/auth/login', { json: { phone: p, password: 'not it at all' } });
      assert.equal((await errorOf(wrong)).code, 'invalid_credentials', 'expiry is told only to who knows the password');
    } finally {
      await server.close();
    }
  });
});

describe('SMS through an HTTP gateway (OZ_SMS_URL)', () => {
  it('posts each credentials SMS to the gateway with its token, and reports failures per row', async () => {
    const gateway = await startFakeSmsGateway();
    const { received } = gateway;
    const server = await startTestServer({ OZ_SMS_URL: gateway.url, OZ_SMS_TOKEN: 'gw-token', OZ_SMS_SENDER: 'OblakoZd' });
    try {
      const manager = await signInStaff(server, { role: 'manager' });
      const p = phone();
      const report = (await (await importFile(server, manager.token, csv([HEADER, ['Орлова Вера', '01.01.1950', p, 'ИБС', 'Бакулева', '', '']]), 't.csv')).json()) as Report;
      assert.deepEqual(report.smsFailures, []);
      assert.equal(received.length, 1);
      assert.equal(received[0]!.auth, 'Bearer gw-token');
      assert.equal(received[0]!.body.to, normalized(p));
      assert.equal(received[0]!.body.sender, 'OblakoZd');
      assert.match(received[0]!.body.text, /логин \+7\d{10}, пароль [2-9a-hjkmnp-z]{10}$/);
      assert.equal(await readFile(join(server.dataDir, 'sms-outbox.jsonl'), 'utf8').catch(() => 'none'), 'none', 'no outbox with a gateway');

      gateway.failing = true;
      const q = phone();
      const failed = (await (await importFile(server, manager.token, csv([HEADER, ['Белова Ия', '01.01.1950', q, 'ИБС', 'Бакулева', '', '']]), 't.csv')).json()) as Report;
      assert.deepEqual(failed.smsFailures, [{ row: 2, phone: normalized(q) }]);
      assert.equal(failed.created, 1);
    } finally {
      await server.close();
      await gateway.close();
    }
  });
});
