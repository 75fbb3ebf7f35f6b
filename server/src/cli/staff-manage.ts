import { normalizePhone } from '@oz/contracts';
import { loadConfig } from '../config.ts';
import { openPorts } from '../adapters/open-ports.ts';
import { createServices, type Services } from '../services/index.ts';
import type { AuditActor } from '../services/audit.ts';
import { UsageError, type Command } from './command.ts';

/** Who the audit trail names for what the CLI did: the deployment's administrator at the console. */
const CONSOLE: AuditActor = { user: { id: 'cli', role: 'manager' }, address: null };

/**
 * Runs `work` with the whole server's services (not the store alone): a disable on PostgreSQL then
 * tells the running instances at once, and their open streams and video sockets close.
 */
async function withServices<T>(env: NodeJS.ProcessEnv, work: (services: Services) => Promise<T>): Promise<T> {
  const config = loadConfig(env);
  const ports = await openPorts(config);
  try {
    return await work(createServices(ports, config));
  } finally {
    await ports.close();
  }
}

function phoneArgument(args: string[], help: string): string {
  if (args.length !== 1) throw new UsageError(`Name one staff member by phone.\n\n${help}`);
  const phone = normalizePhone(args[0]!);
  if (!phone) throw new UsageError(`"${args[0]}" is not a Russian phone number.\n\n${help}`);
  return phone;
}

const describe = (staff: { role: string; fullName: string; phone: string; centerId: string | null; isDutyDoctor: boolean; disabledAt: string | null }) =>
  `${staff.phone}  ${staff.role.padEnd(7)}  ${(staff.centerId ?? '').padEnd(7)}  ${staff.isDutyDoctor ? 'duty' : '    '}  ${staff.disabledAt ? `disabled ${staff.disabledAt}` : 'active'}  ${staff.fullName}`;

/** `staff list`: every doctor and manager with their center, duty flag and whether disabled. */
export function staffList(help: string): Command {
  return async (args, env) => {
    if (args.length > 0) throw new UsageError(`staff list takes no arguments.\n\n${help}`);
    return withServices(env, async (services) => {
      const { items } = await services.staff.list(CONSOLE);
      return items.length === 0 ? 'No staff accounts yet: add one with staff add.' : items.map(describe).join('\n');
    });
  };
}

/** `staff disable <phone>`: signs them out everywhere at once and lists the consultations to hand over. */
export function staffDisable(help: string): Command {
  return async (args, env) => {
    const phone = phoneArgument(args, help);
    return withServices(env, async (services) => {
      const member = await services.staff.findByPhone(CONSOLE, phone);
      const { staff, openConsultations } = await services.staff.disable(CONSOLE, member.id);
      const handOver = openConsultations.map((consultation) => `  ${consultation.startsAt}  consultation ${consultation.id}`);
      return [
        `Disabled ${staff.fullName} (${staff.phone}): every session has ended; they cannot sign in.`,
        ...(handOver.length > 0 ? [`Open consultations to hand over to another doctor (${handOver.length}):`, ...handOver] : ['No open consultations.']),
      ].join('\n');
    });
  };
}

/** `staff enable <phone>`. */
export function staffEnable(help: string): Command {
  return async (args, env) => {
    const phone = phoneArgument(args, help);
    return withServices(env, async (services) => {
      const staff = await services.staff.enable(CONSOLE, (await services.staff.findByPhone(CONSOLE, phone)).id);
      return `Enabled ${staff.fullName} (${staff.phone}): they can sign in again.`;
    });
  };
}

/** `staff password <phone>`: a new one-time password by SMS; the old one and every session stop working. */
export function staffPassword(help: string): Command {
  return async (args, env) => {
    const phone = phoneArgument(args, help);
    return withServices(env, async (services) => {
      const { staff, expiresAt } = await services.staff.sendPassword(CONSOLE, (await services.staff.findByPhone(CONSOLE, phone)).id);
      return `Sent a new one-time password to ${staff.phone} (${staff.fullName}) by SMS; it works until ${expiresAt}. Every session has ended.`;
    });
  };
}
