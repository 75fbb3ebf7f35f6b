import { parseArgs } from 'node:util';
import { CenterId, Password, Phone } from '@oz/contracts';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../config.ts';
import { openPorts } from '../adapters/open-ports.ts';
import { createServices } from '../services/index.ts';
import { ApiError } from '../http/api-error.ts';

const HELP = `Oblako Zdorovya administration

Usage:
  npm run oz -- staff add --role doctor|manager --phone PHONE --password PASSWORD --name "FULL NAME"
                          [--center bakulev|kulakov] [--duty]
  npm run oz -- help

Writes to the store in OZ_DATA_DIR (default .data). Stop the server first: the embedded
store allows one process at a time, and the command says so if the server is running.

  --role      doctor (needs --center) or manager
  --center    the doctor's medical center: bakulev or kulakov
  --duty      the doctor also takes duty-schedule consultations
  --phone     sign-in phone, any common spelling: "8 (921) 123-45-67", +79211234567
  --password  at least 8 characters
  --name      full name as patients will see it`;

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

export class UsageError extends Error {}

export async function runCli(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const [group, action, ...rest] = argv;
  if (!group || group === 'help' || group === '--help' || group === '-h') return HELP;
  if (group !== 'staff' || action !== 'add') throw new UsageError(`Unknown command "${argv.join(' ')}".\n\n${HELP}`);
  let values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        role: { type: 'string' },
        phone: { type: 'string' },
        password: { type: 'string' },
        name: { type: 'string' },
        center: { type: 'string' },
        duty: { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (error) {
    throw new UsageError(`${(error as Error).message}\n\n${HELP}`);
  }
  const parsed = StaffArgs.safeParse(values);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  --${issue.path.join('.')}: ${issue.message}`);
    throw new UsageError(`Cannot add the staff account:\n${problems.join('\n')}`);
  }
  const args = parsed.data;
  const config = loadConfig(env);
  const ports = await openPorts(config);
  try {
    const { accounts } = createServices(ports, config);
    const user = await accounts.createStaff({
      role: args.role,
      fullName: args.name,
      phone: args.phone,
      password: args.password,
      centerId: args.center ?? null,
      isDutyDoctor: args.duty,
    });
    const where = user.centerId ? ` at ${user.centerId}${user.isDutyDoctor ? ' (duty doctor)' : ''}` : '';
    return `Added ${user.role} ${user.fullName}${where}; signs in with ${user.phone}.`;
  } finally {
    await ports.store.close();
  }
}

const isEntryPoint = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isEntryPoint) {
  runCli(process.argv.slice(2)).then(
    (output) => console.log(output),
    (error: unknown) => {
      const expected = error instanceof UsageError || error instanceof ConfigError || error instanceof ApiError || /Store|DataDir|Database/.test((error as Error).name);
      console.error(expected ? (error as Error).message : error);
      process.exit(expected ? 2 : 1);
    },
  );
}
