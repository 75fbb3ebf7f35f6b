/**
 * Full years since a YYYY-MM-DD birth date, as of today where the person is. The contracts have
 * `ageOn`, but importing a value from @oz/contracts would pull zod into the main bundle.
 */
export function ageToday(birthDate: string, today: Date = new Date()): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const beforeBirthday = today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day);
  return today.getFullYear() - year - (beforeBirthday ? 1 : 0);
}
