import type { AccountService, StaffAccount } from '../services/accounts.ts';
import type { DutyService } from '../services/duty.ts';
import type { Store } from '../ports/store.ts';

const DEMO_DAYS = 7;
const MOSCOW_OFFSET_HOURS = 3;

/** Demo sign-ins printed by `npm start`; for the demo store only, never for production. */
export const DEMO_STAFF: readonly StaffAccount[] = [
  { role: 'doctor', fullName: 'Петров Алексей Иванович', phone: '+79000000001', password: 'demo-bakulev', centerId: 'bakulev', isDutyDoctor: false },
  { role: 'doctor', fullName: 'Смирнова Ольга Викторовна', phone: '+79000000002', password: 'demo-kulakov', centerId: 'kulakov', isDutyDoctor: false },
  { role: 'doctor', fullName: 'Кузнецов Дмитрий Сергеевич', phone: '+79000000003', password: 'demo-duty', centerId: 'bakulev', isDutyDoctor: true },
  { role: 'doctor', fullName: 'Соколова Елена Викторовна', phone: '+79000000004', password: 'demo-duty-k', centerId: 'kulakov', isDutyDoctor: true },
  { role: 'manager', fullName: 'Иванова Анна Павловна', phone: '+79000000009', password: 'demo-manager', centerId: null, isDutyDoctor: false },
];

/** Seeds the demo accounts, and a week of duty slots, only into an empty store; returns whether it did. */
export async function seedDemoData(store: Store, accounts: AccountService, duty: DutyService, now = new Date()): Promise<boolean> {
  if ((await store.users.count()) > 0) return false;
  for (const account of DEMO_STAFF) {
    const user = await accounts.createStaff(account);
    if (!account.isDutyDoctor) continue;
    const doctor = (await store.users.findById(user.id))!;
    // Weekday mornings, 10:00-13:00 Moscow time, in 20-minute slots.
    for (let day = 1; day <= DEMO_DAYS; day += 1) {
      const date = new Date(now.getTime() + day * 86_400_000);
      if (date.getUTCDay() === 0 || date.getUTCDay() === 6) continue;
      const start = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), 10 - MOSCOW_OFFSET_HOURS);
      await duty.publish(doctor, new Date(start).toISOString(), new Date(start + 3 * 3_600_000).toISOString(), 20);
    }
  }
  return true;
}

export function describeDemoSignIns(): string {
  const roles: Record<string, string> = { doctor: 'doctor', manager: 'program manager' };
  const lines = DEMO_STAFF.map((account) => {
    const what = account.role === 'doctor' ? `${roles.doctor}, ${account.centerId}${account.isDutyDoctor ? ', duty doctor with slots' : ''}` : roles[account.role];
    return `  ${account.phone}  ${account.password.padEnd(14)} ${what} (${account.fullName})`;
  });
  return ['Demo sign-ins (phone, password):', ...lines, '  Patients register themselves on the portal page.'].join('\n');
}
