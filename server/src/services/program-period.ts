import { DomainError } from './domain-error.ts';

export interface ProgramPeriod {
  start: string | null;
  end: string | null;
}

/** Outside the deployment's program period new applications and bookings are refused (DESIGN.md §2). */
export function assertProgramOpen(period: ProgramPeriod, now: Date): void {
  const today = now.toISOString().slice(0, 10);
  if (period.start && today < period.start) {
    throw new DomainError('program_closed', `The program starts on ${period.start}; applications open then`, { ...period });
  }
  if (period.end && today > period.end) {
    throw new DomainError('program_closed', `The program ended on ${period.end}; new applications are not accepted`, { ...period });
  }
}
