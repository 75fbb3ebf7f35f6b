// Test helpers for the manager's staff accounts: doctors added through the API (the shared test
// server's demo doctors must never be disabled), one signed in with the password from their SMS
// and holding a scheduled consultation.
import type { AuthResponse, Consultation, StaffMember, StaffPasswordResult } from '@oz/contracts';
import { callApi, outboxTexts, signInViaApi, uniquePhone } from './api.ts';
import { MANAGER } from './audit.ts';
import { applyTo, futureSlot, scheduleThroughApi, uniqueName } from './doctor-desk.ts';

export { MANAGER };

/** The one-time password of the newest SMS to the phone: «… пароль abc234. …». */
export async function staffPasswordIn(phone: string): Promise<string> {
  const password = /пароль (\S+?)\./.exec((await outboxTexts(phone)).at(-1) ?? '')?.[1];
  if (!password) throw new Error(`no password SMS to ${phone}`);
  return password;
}

/** The manager adds a Bakulev doctor through the API; the API sends the SMS. */
export async function addDoctorViaApi(manager: AuthResponse, overrides: Partial<{ fullName: string; isDutyDoctor: boolean }> = {}): Promise<StaffMember> {
  const body = { role: 'doctor', fullName: overrides.fullName ?? uniqueName(), phone: uniquePhone(), centerId: 'bakulev', isDutyDoctor: overrides.isDutyDoctor ?? true };
  const { status, body: answer } = await callApi('POST', '/staff', { token: manager.token, body });
  if (status !== 201) throw new Error(`adding a doctor failed: ${status} ${JSON.stringify(answer)}`);
  return (answer as StaffPasswordResult).staff;
}

/** The doctor signs in with the SMS password and chooses their own, as a person would. */
async function signInAsNewDoctor(phone: string): Promise<AuthResponse> {
  const oneTime = await staffPasswordIn(phone);
  const first = await signInViaApi({ phone, password: oneTime });
  const own = 'Своё-пароль-2026';
  const { status } = await callApi('POST', '/auth/password', { token: first.token, body: { currentPassword: oneTime, newPassword: own } });
  if (status !== 200) throw new Error(`changing the password failed: ${status}`);
  return signInViaApi({ phone, password: own });
}

/** A new Bakulev doctor who scheduled one patient's application: a consultation that needs another doctor once they are disabled. */
export async function doctorWithConsultation(manager: AuthResponse): Promise<{ staff: StaffMember; consultation: Consultation }> {
  const staff = await addDoctorViaApi(manager);
  const doctor = await signInAsNewDoctor(staff.phone);
  const { application } = await applyTo('bakulev');
  const consultation = await scheduleThroughApi(doctor.token, application.id, futureSlot().iso);
  return { staff, consultation };
}

/** The staff as the API lists them now. */
export async function staffNow(manager: AuthResponse): Promise<StaffMember[]> {
  const { status, body } = await callApi('GET', '/staff', { token: manager.token });
  if (status !== 200) throw new Error(`listing staff failed: ${status}`);
  return (body as { items: StaffMember[] }).items;
}
