import { createMiddleware } from 'hono/factory';
import type { Context } from 'hono';
import type { AppEnv } from './env.ts';
import { rateLimited } from '../services/domain-error.ts';
import { clientAddress } from './client-address.ts';

/** Counts a sign-in or registration attempt of this client (before the body is even read). */
export const limitAttemptsPerClient = createMiddleware<AppEnv>(async (c, next) => {
  const wait = await c.var.services.signInLimiter.hit(`client:${clientAddress(c)}`);
  if (wait > 0) throw rateLimited(wait);
  await next();
});

/** Counts an attempt on this phone, so guessing one account's password from many addresses is slow too. */
export async function limitAttemptsPerPhone(c: Context<AppEnv>, phone: string): Promise<void> {
  const wait = await c.var.services.signInLimiter.hit(`phone:${phone}`);
  if (wait > 0) throw rateLimited(wait);
}

/** Counts a password change of this user: a stolen token must not guess the current password fast. */
export async function limitAttemptsPerUser(c: Context<AppEnv>, userId: string): Promise<void> {
  const wait = await c.var.services.signInLimiter.hit(`user:${userId}`);
  if (wait > 0) throw rateLimited(wait);
}
