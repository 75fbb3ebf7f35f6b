// Test helpers for the referral import (path 3): referral tables built in the test as files, the
// manager's and a center doctor's view of the API, and uniquely named patients per test.
import type { Application, ReferralImportReport } from '@oz/contracts';
import { REFERRAL_COLUMNS } from '@oz/contracts/constants';
import { allItems, callApi, signInViaApi, testApi, uniquePhone } from './api.ts';

/** Staff accounts the test server seeds with `--demo`. */
export const MANAGER = { phone: '+79000000009', password: 'demo-manager' } as const;
export const BAKULEV_DOCTOR = { phone: '+79000000001', password: 'demo-bakulev' } as const;

export const HEADER: readonly string[] = Object.values(REFERRAL_COLUMNS);

/** A surname nobody else in this run has, so a test finds its own rows in a shared store. */
export function uniqueSurname(): string {
  const letters = 'абвгдежзиклмнопрстуфхцчшэюя';
  return `Направленова${Array.from({ length: 6 }, () => letters[Math.floor(Math.random() * letters.length)]).join('')}`;
}

/** A data row in the column order of the template; `overrides` by header. */
export function referralRow(overrides: Partial<Record<string, string>> = {}): string[] {
  const row: Record<string, string> = {
    ФИО: `${uniqueSurname()} Мария Петровна`,
    'Дата рождения': '12.04.1956',
    Телефон: uniquePhone(),
    Диагноз: 'ИБС, стенокардия напряжения',
    Центр: 'Бакулева',
    'Направивший врач': 'Петров А. И.',
    'Медицинская организация': 'ГБУЗ ЛО «Приозерская МБ»',
    ...overrides,
  };
  return HEADER.map((column) => row[column] ?? '');
}

/** A CSV as Excel saves it for Russian users: UTF-8 with a BOM, `;` between cells. */
export function referralCsv(rows: readonly (readonly string[])[], header: readonly string[] = HEADER): string {
  const cell = (value: string) => (/[";\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value);
  return `\ufeff${[header, ...rows].map((cells) => cells.map(cell).join(';')).join('\r\n')}\r\n`;
}

export function referralFile(rows: readonly (readonly string[])[], name = 'направления.csv', header?: readonly string[]): File {
  return new File([referralCsv(rows, header)], name, { type: 'text/csv' });
}

/** Imports through the API (not the widget), to arrange a test. */
export async function importViaApi(token: string, file: File, dryRun = false): Promise<ReferralImportReport> {
  const form = new FormData();
  form.set('file', file);
  const response = await fetch(`${testApi}/api/v1/referrals/import${dryRun ? '?dryRun=true' : ''}`, {
    method: 'POST',
    body: form,
    headers: { Authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`import failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as ReferralImportReport;
}

/** The referral applications in a center doctor's queue for patients of this name. */
export async function referralsInQueue(fullName: string, doctor = BAKULEV_DOCTOR): Promise<Application[]> {
  const { token } = await signInViaApi(doctor);
  const queue = await allItems<Application>('/applications?limit=200', token);
  return queue.filter((a) => a.source === 'referral' && a.patient.fullName === fullName);
}

/**
 * Whether the phone has an account: registering with it answers 409 phone_taken; without one, the
 * never-sent code is refused (422), so the check creates nothing and sends no SMS.
 */
export async function phoneHasAccount(phone: string): Promise<boolean> {
  const { status } = await callApi('POST', '/auth/register', {
    body: { fullName: 'Проверка Телефона', birthDate: '1950-01-01', phone, password: 'Проверка-телефона-1', code: '000000', consent: true },
  });
  if (status === 201) throw new Error(`${phone} had no account, and now has one: the check itself wrote`);
  return status === 409;
}

/** A patient the manager imported (through the API) who has not chosen a password yet. */
export async function importedPatient(managerToken: string): Promise<{ fullName: string; phone: string }> {
  const report = await importViaApi(managerToken, referralFile([referralRow()]));
  const [row] = report.rows;
  if (report.created !== 1 || !row) throw new Error(`the import created no patient: ${JSON.stringify(report)}`);
  return { fullName: row.fullName, phone: row.phone };
}

/** Sends a patient a new one-time password through the API (not the widget); answers the status. */
export async function resendViaApi(managerToken: string, phone: string): Promise<number> {
  return (await callApi('POST', '/referrals/credentials', { token: managerToken, body: { phone } })).status;
}

/**
 * Makes the answer of a real import (not a check) say that every new patient's SMS failed, as a
 * refusing SMS gateway would: the test server's outbox never fails. The accounts are really created.
 */
export function failImportSms(): { restore(): void } {
  const proto = XMLHttpRequest.prototype;
  const open = proto.open;
  const responseText = Object.getOwnPropertyDescriptor(proto, 'responseText')!;
  const urls = new WeakMap<XMLHttpRequest, string>();
  proto.open = function (this: XMLHttpRequest, ...args: unknown[]) {
    urls.set(this, String(args[1]));
    return (open as (...rest: unknown[]) => void).apply(this, args);
  };
  Object.defineProperty(proto, 'responseText', {
    configurable: true,
    get(this: XMLHttpRequest) {
      const text = responseText.get!.call(this) as string;
      if (this.status !== 200 || !urls.get(this)?.endsWith('/api/v1/referrals/import')) return text;
      const report = JSON.parse(text) as ReferralImportReport;
      const created = report.rows.filter((row) => row.outcome === 'create');
      return JSON.stringify({ ...report, smsFailures: created.map(({ row, phone }) => ({ row, phone })) });
    },
  });
  return {
    restore() {
      proto.open = open;
      Object.defineProperty(proto, 'responseText', responseText);
    },
  };
}
