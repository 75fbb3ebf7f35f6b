import { CenterId, Password, Phone } from '@oz/contracts';
import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { openStore } from '../adapters/store/open-store.ts';
import { AccountService } from '../services/accounts.ts';
import { parseOptions, UsageError, type Command } from './command.ts';

const StaffArgs = z
  .object({
    role: z.enum(['doctor', 'manager'], { error: '--role must be doctor or manager' }),
    phone: z.string({ error: '--phone is required' }).pipe(Phone),
    password: z.string({ error: '--password is required' }).pipe(Password),
    name: z.string({ error: '--name is required' }).trim().min(1, '--name is required'),
    center: CenterId.optional(),
    duty: z.boolean().default(false),
  })
  .superRefine((args, ctx) => {
    if (args.role === 'doctor' && !args.center) ctx.addIssue({ code: 'custom', path: ['center'], message: 'a doctor needs --center bakulev or --center kulakov' });
    if (args.role === 'manager' && (args.center || args.duty)) ctx.addIssue({ code: 'custom', path: ['center'], message: 'a manager has no --center or --duty' });
  });

/**
 * `staff add`: opens the store alone (no files, SMS or video), so on PostgreSQL it runs beside
 * the servers; on the embedded store it takes the data directory's lock like a server would.
 */
export function staffAdd(help: string): Command {
  return async (args, env) => {
    const values = parseOptions(
      args,
      {
        role: { type: 'string' },
        phone: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        center: { type: 'string' },
        duty: { type: 'boolean' },
      },
      help,
    );
    const parsed = StaffArgs.safeParse(values);
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
      throw new UsageError(`Cannot add the staff account:\n${problems.join('\n')}`);
    }
    const account = parsed.data;
    const config = loadConfig(env);
    const store = await openStore(config);
    try {
      const user = await new AccountService(store, config.tokenTtlMs).createStaff({
        role: account.role,
        fullName: account.name,
        phone: account.phone,
        password: account.password,
        centerId: account.center ?? null,
        isDutyDoctor: account.duty,
      });
      const where = user.centerId ? ` at ${user.centerId}${user.isDutyDoctor ? ' (duty doctor)' : ''}` : '';
      return `Added ${user.role} ${user.fullName}${where}; signs in with ${user.phone}.`;
    } finally {
      await store.close();
    }
  };
}
