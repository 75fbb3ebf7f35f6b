// The SMS the test API server "sent" (its outbox, served by web-test-runner.config.mjs), and a
// patient imported by referral who signs in with the one-time password from theirs.
import type { AuthResponse } from '@oz/contracts';
import { signInViaApi } from './api.ts';
import { MANAGER, importViaApi, referralFile, referralRow } from './referrals.ts';

/** The texts of the SMS to `phone` (normalised, +7…), oldest first. */
export async function smsTo(phone: string): Promise<string[]> {
  const response = await fetch('/__oz-test__/sms-outbox');
  const lines = (await response.text()).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => JSON.parse(line) as { to: string; text: string }).filter((sms) => sms.to === phone).map((sms) => sms.text);
}

/** A new patient from a referral table: the one-time password of their SMS, and nothing signed in yet. */
export async function importedPatient(): Promise<{ phone: string; password: string; fullName: string }> {
  const manager = await signInViaApi(MANAGER);
  const row = referralRow();
  const report = await importViaApi(manager.token, referralFile([row]));
  const phone = report.rows[0]!.phone;
  const text = (await smsTo(phone)).at(-1) ?? '';
  const password = /пароль (\S+)$/.exec(text)?.[1];
  if (!password) throw new Error(`no credentials SMS to ${phone}: ${text}`);
  return { phone, password, fullName: row[0]! };
}

/** An imported patient signed in with their one-time password (typed in upper case, as phones often do). */
export async function importedPatientAuth(): Promise<AuthResponse & { phone: string; password: string }> {
  const patient = await importedPatient();
  const auth = await signInViaApi({ phone: patient.phone, password: patient.password.toUpperCase() });
  return { ...auth, phone: patient.phone, password: patient.password };
}
