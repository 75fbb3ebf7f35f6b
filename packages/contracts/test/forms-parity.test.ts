// The browser pre-checks forms with the schemas of src/forms built against zod/mini (vite.config.ts
// aliases `zod`); the server validates with the same files under classic zod. This builds the
// browser's copy the same way and runs both on the same inputs: any difference in the field errors,
// or a classic-only method in a forms file (the mini build then fails to load), fails here.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Plugin } from 'esbuild';
import * as server from '../src/index.ts';
import * as forms from '../src/forms/index.ts';

type Forms = typeof forms;
type SchemaName = { [K in keyof Forms]: Forms[K] extends { safeParse: unknown } ? K : never }[keyof Forms];

const FORMS_ENTRY = fileURLToPath(new URL('../src/forms/index.ts', import.meta.url));

/** Exactly `zod` becomes `zod/mini`, as in the widgets' build. */
const zodMini: Plugin = {
  name: 'zod-mini',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^zod$/ }, ({ kind, resolveDir }) => pluginBuild.resolve('zod/mini', { kind, resolveDir }));
  },
};

let browser: Forms;
let bundledInputs: string[];
let scratch: string;

before(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'oz-forms-mini-'));
  const outfile = join(scratch, 'forms.mjs');
  const result = await build({
    entryPoints: [FORMS_ENTRY],
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    outfile,
    plugins: [zodMini],
    metafile: true,
    logLevel: 'silent',
  });
  bundledInputs = Object.keys(result.metafile.inputs);
  browser = (await import(pathToFileURL(outfile).href)) as Forms;
});

after(() => rmSync(scratch, { recursive: true, force: true }));

/** Bad and good inputs of every form the widgets pre-check. */
const CASES: Record<SchemaName, unknown[]> = {
  Phone: ['', '   ', '12345', 7, null, ' 8 (921) 123-45-67 ', '+7 921 123 45 67'],
  BirthDate: ['', '2020-02-31', '1899-12-31', '2999-01-01', 'abc', 19560412, ' 1956-04-12 '],
  Password: ['', 'short', 'x'.repeat(129), 8, 'longenough'],
  SmsCode: ['', '12', '12345a', 123456, '482-913', '48 29 13'],
  CenterId: ['', 'elsewhere', 1, 'bakulev'],
  PhoneCodePurpose: ['', 'login', 'register', 'reset'],
  DutyChannel: ['', 'phone', 'video'],
  ConclusionOutcome: ['', 'maybe', 'conclusion', 'in_person'],
  RegisterRequest: [
    {},
    null,
    'form',
    {
      fullName: '   ',
      birthDate: '2020-02-31',
      phone: '123',
      email: 'not-an-email',
      password: 'short',
      code: '12',
      consent: false,
    },
    {
      fullName: 'x'.repeat(201),
      birthDate: '1899-12-31',
      phone: '',
      email: `${'a'.repeat(250)}@b.ru`,
      password: 'x'.repeat(129),
      code: '',
      consent: 'yes',
    },
    { fullName: 5, birthDate: null, phone: 7, email: 5, password: 1, code: 123 },
    { fullName: 'Иванова Мария', birthDate: '2999-01-01', phone: '+1 202 555 0100', email: '', password: 'longenough', code: '48291', consent: true },
    { fullName: ' Иванова Мария Петровна ', birthDate: '1956-04-12', phone: '8 (921) 123-45-67', email: 'Name@Example.RU', password: 'longenough', code: '482-913', consent: true },
    { fullName: 'Иванова Мария', birthDate: '1956-04-12', phone: '9211234567', email: '', password: 'longenough', code: '482913', consent: true },
    { fullName: 'Иванова Мария', birthDate: '1956-04-12', phone: '9211234567', password: 'longenough', code: '482913', consent: true },
  ],
  LoginRequest: [
    {},
    { phone: 'phone', password: '' },
    { phone: '+79211234567', password: 'x'.repeat(129) },
    { phone: '8 921 123 45 67', password: 'x' },
  ],
  ChangePasswordRequest: [
    {},
    { newPassword: 'short' },
    { currentPassword: '', newPassword: 'x'.repeat(129), consent: 'no' },
    { currentPassword: 'samesame1', newPassword: 'samesame1' },
    { currentPassword: 'old-password', newPassword: 'new-password', consent: true },
    { newPassword: 'new-password' },
  ],
  PhoneCodeRequest: [{}, { phone: '123', purpose: 'login' }, { phone: '', purpose: 5 }, { phone: '+7 921 123-45-67', purpose: 'register' }],
  ResetPasswordRequest: [
    {},
    { phone: '', code: 'abc', newPassword: '1', consent: 1 },
    { phone: '9211234567', code: '482913', newPassword: 'x'.repeat(129) },
    { phone: '9211234567', code: ' 482 913 ', newPassword: 'new-password', consent: true },
  ],
  DeleteAccountRequest: [{}, { password: '' }, { password: 'x'.repeat(129) }, { password: 7 }, { password: 'my password' }],
  ConfirmPhoneRequest: [{}, { code: '' }, { code: '12345' }, { code: 'abcdef' }, { code: '12 34 56' }],
  CreateApplicationRequest: [
    {},
    { centerId: 'x', disease: '', diagnosis: '  ', complaints: 'x'.repeat(2001), documentIds: Array.from({ length: 51 }, () => 'd') },
    { centerId: 'bakulev', disease: 'chd', diagnosis: 'x'.repeat(501), complaints: ' ', documentIds: 'd1' },
    { centerId: 'bakulev', disease: 'chd', diagnosis: ' Q21.0 ', complaints: ' Одышка ' },
    { centerId: 'kulakov', disease: 'pregnancy', diagnosis: 'O99', complaints: 'Отёки', documentIds: ['d1', 'd2'] },
  ],
  BookDutySlotRequest: [{ channel: 'phone' }, { topic: 'x'.repeat(501) }, { topic: 5 }, {}, { channel: 'video', topic: ' Вопрос ' }],
  PostMessageRequest: [{}, { text: '' }, { text: '   ' }, { text: 'x'.repeat(2001) }, { text: 42 }, { text: ' Здравствуйте ' }],
  ScheduleApplicationRequest: [
    {},
    { startsAt: 'tomorrow', durationMinutes: 5 },
    { startsAt: '2030-01-01T10:00:00', durationMinutes: 10.5 },
    { startsAt: '2030-01-01T10:00:00+03:00', durationMinutes: 121 },
    { startsAt: '2030-01-01T10:00:00+03:00', durationMinutes: '30' },
    { startsAt: '2030-01-01T10:00:00+03:00' },
    { startsAt: '2030-01-01T07:00:00Z', durationMinutes: 45 },
  ],
  DeclineApplicationRequest: [{}, { reason: ' ' }, { reason: 'x'.repeat(1001) }, { reason: ' Нет документов ' }],
  WriteConclusionRequest: [
    {},
    { text: '', recommendations: 'x'.repeat(20_001), outcome: 'maybe' },
    { text: 'x'.repeat(20_001), outcome: 'conclusion' },
    { text: ' Заключение ', outcome: 'in_person' },
    { text: 'Заключение', recommendations: ' Покой ', outcome: 'conclusion' },
  ],
  CancelConsultationRequest: [{ reason: 5 }, { reason: 'x'.repeat(1001) }, {}, { reason: ' Заболел ' }],
  PublishDutySlotsRequest: [
    {},
    { startsAt: 'x', endsAt: 'y', durationMinutes: 9 },
    { startsAt: '2030-01-01T10:00:00+03:00', endsAt: '2030-01-01T14:00:00+03:00', durationMinutes: 120.5 },
    { startsAt: '2030-01-01T10:00:00+03:00', endsAt: '2030-01-01T14:00:00+03:00' },
    { startsAt: '2030-01-01T10:00:00+03:00', endsAt: '2030-01-01T14:00:00+03:00', durationMinutes: 120 },
  ],
};

interface Checkable {
  safeParse(input: unknown): { success: boolean; data?: unknown; error?: { issues: Parameters<typeof forms.fieldErrorsFromIssues>[0] } };
}

/**
 * What a form gets back: the parsed value, or the field errors' fields, codes and limits. Not their
 * messages: zod/mini carries no English locale (the widgets word every error by its code), and
 * in one process both copies of zod share the locale anyway (globalThis.__zod_globalConfig).
 */
function outcome(schema: Checkable, errorsOf: typeof forms.fieldErrorsFromIssues, input: unknown) {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: errorsOf(result.error!.issues).map(({ field, code, limit }) => ({ field, code, limit })) };
}

describe('the form schemas in the browser (zod/mini) and on the server (classic zod)', () => {
  it('builds the browser copy from zod/mini alone', () => {
    assert.ok(bundledInputs.some((input) => input.includes('zod/v4/mini/')), 'zod/mini is in the build');
    assert.deepEqual(
      bundledInputs.filter((input) => input.includes('zod/v4/classic/')),
      [],
      'classic zod is not in the build',
    );
  });

  it('has cases for every schema of the forms module', () => {
    const schemas = Object.keys(forms).filter((name) => typeof (forms as Record<string, unknown>)[name] === 'object');
    assert.deepEqual(schemas.sort(), Object.keys(CASES).sort());
  });

  for (const [name, inputs] of Object.entries(CASES) as [SchemaName, unknown[]][]) {
    it(`${name}: the same field errors and the same values`, () => {
      // The server's name for the schema is the forms module's very object: one definition.
      assert.equal((server as Record<string, unknown>)[name], forms[name], `@oz/contracts re-exports ${name} from forms`);
      let failures = 0;
      for (const input of inputs) {
        const onServer = outcome(forms[name] as Checkable, server.fieldErrorsFromIssues, input);
        const inBrowser = outcome(browser[name] as Checkable, browser.fieldErrorsFromIssues, input);
        assert.deepEqual(inBrowser, onServer, `${name} of ${JSON.stringify(input)?.slice(0, 120)}`);
        if (!onServer.ok) failures += 1;
      }
      // Every table has both kinds of input, so neither side passes by refusing or accepting all.
      assert.ok(failures > 0 && failures < inputs.length, `${name}: ${failures} of ${inputs.length} inputs refused`);
    });
  }
});
