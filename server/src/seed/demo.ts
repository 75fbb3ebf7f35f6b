import type { AccountService, StaffAccount } from '../services/accounts.ts';
import type { Store } from '../ports/store.ts';

/** Demo sign-ins printed by `npm start`; for the demo store only, never for production. */
export const DEMO_STAFF: readonly StaffAccount[] = [
  { role: 'doctor', fullName: 'Петров Алексей Иванович', phone: '+79000000001', password: 'demo-bakulev', centerId: 'bakulev', isDutyDoctor: false },
  { role: 'doctor', fullName: 'Смирнова Ольга Викторовна', phone: '+79000000002', password: 'demo-kulakov', centerId: 'kulakov', isDutyDoctor: false },
  { role: 'doctor', fullName: 'Кузнецов Дмитрий Сергеевич', phone: '+79000000003', password: 'demo-duty', centerId: 'bakulev', isDutyDoctor: true },
  { role: 'manager', fullName: 'Иванова Анна Павловна', phone: '+79000000009', password: 'demo-manager', centerId: null, isDutyDoctor: false },
];

/** Seeds the demo accounts only into an empty store; returns whether it did. */
export async function seedDemoData(store: Store, accounts: AccountService): Promise<boolean> {
  if ((await store.users.count()) > 0) return false;
  for (const account of DEMO_STAFF) await accounts.createStaff(account);
  return true;
}

export function describeDemoSignIns(): string {
  const roles: Record<string, string> = { doctor: 'doctor', manager: 'program manager' };
  const lines = DEMO_STAFF.map((account) => {
    const what = account.role === 'doctor' ? `${roles.doctor}, ${account.centerId}${account.isDutyDoctor ? ', duty' : ''}` : roles[account.role];
    return `  ${account.phone}  ${account.password.padEnd(14)} ${what} (${account.fullName})`;
  });
  return ['Demo sign-ins (phone, password):', ...lines, '  Patients register themselves on the portal page.'].join('\n');
}
