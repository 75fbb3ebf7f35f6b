import type { Context } from 'hono';
import type { AuditActor } from '../services/audit.ts';
import type { AppEnv } from './env.ts';
import { clientAddress } from './client-address.ts';

/** The signed-in person behind this request and their address, for the audit trail. */
export function auditActor(c: Context<AppEnv>): AuditActor {
  const address = clientAddress(c);
  return { user: c.var.principal.user, address: address === 'unknown' ? null : address };
}
