import { resolve } from 'node:path';
import { z } from 'zod';

const csv = z
  .string()
  .optional()
  .transform((value) => (value ?? '').split(',').map((item) => item.trim()).filter(Boolean));

const Origin = z.string().refine((value) => {
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value.replace(/\/$/, '');
  } catch {
    return false;
  }
}, 'must be an origin such as https://portal.example.ru (scheme, host and optional port; no path)');

const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD');

const IceServer = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);

/** Environment variables (DESIGN.md §6); every one is documented in the README. */
const Environment = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  OZ_DATA_DIR: z.string().default('.data'),
  OZ_PUBLIC_URL: z.url().optional(),
  OZ_ALLOWED_ORIGINS: csv.pipe(z.array(Origin)),
  OZ_TRUST_PROXY: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  OPENVIDU_URL: z.url().optional(),
  OPENVIDU_SECRET: z.string().min(1).optional(),
  OZ_ICE_SERVERS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (!value) return [];
      try {
        return JSON.parse(value) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON, e.g. [{"urls":"stun:stun.example.ru:3478"}]' });
        return z.NEVER;
      }
    })
    .pipe(z.array(IceServer)),
  DATABASE_URL: z.string().optional(),
  OZ_PROGRAM_START: IsoDate.optional(),
  OZ_PROGRAM_END: IsoDate.optional(),
  OZ_MAX_UPLOAD_MB: positiveInt(20),
  OZ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  OZ_TOKEN_TTL_HOURS: positiveInt(24 * 14),
  OZ_MAX_DUTY_BOOKINGS: positiveInt(2),
  OZ_OTP_TTL_DAYS: positiveInt(7),
  OZ_SIGN_IN_URL: z.url().optional(),
  OZ_SMS_URL: z.url().optional(),
  OZ_SMS_TOKEN: z.string().optional(),
  OZ_SMS_SENDER: z.string().max(11).optional(),
  OZ_LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
});

export type Config = ReturnType<typeof toConfig>;

function toConfig(env: z.infer<typeof Environment>) {
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: resolve(env.OZ_DATA_DIR),
    publicUrl: env.OZ_PUBLIC_URL,
    allowedOrigins: env.OZ_ALLOWED_ORIGINS.map((origin) => origin.replace(/\/$/, '')),
    trustProxy: env.OZ_TRUST_PROXY,
    openVidu: env.OPENVIDU_URL && env.OPENVIDU_SECRET ? { url: env.OPENVIDU_URL, secret: env.OPENVIDU_SECRET } : null,
    iceServers: env.OZ_ICE_SERVERS,
    databaseUrl: env.DATABASE_URL,
    programPeriod: { start: env.OZ_PROGRAM_START ?? null, end: env.OZ_PROGRAM_END ?? null },
    maxUploadBytes: env.OZ_MAX_UPLOAD_MB * 1024 * 1024,
    rateLimitPerMinute: env.OZ_RATE_LIMIT_PER_MINUTE,
    tokenTtlMs: env.OZ_TOKEN_TTL_HOURS * 3600 * 1000,
    maxDutyBookingsPerPatient: env.OZ_MAX_DUTY_BOOKINGS,
    oneTimePasswordTtlMs: env.OZ_OTP_TTL_DAYS * 24 * 3600 * 1000,
    /** Where SMS send patients to sign in: the portal page with <oz-register>. */
    signInUrl: env.OZ_SIGN_IN_URL ?? (env.OZ_PUBLIC_URL ? new URL('/portal.html', env.OZ_PUBLIC_URL).toString() : `http://localhost:${env.PORT}/portal.html`),
    smsGateway: env.OZ_SMS_URL ? { url: env.OZ_SMS_URL, token: env.OZ_SMS_TOKEN, sender: env.OZ_SMS_SENDER } : null,
    logLevel: env.OZ_LOG_LEVEL,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Reads and checks the environment; a bad value stops start-up with a message naming the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as in most deployment tools.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = Environment.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => `${issue.path.join('.') || 'environment'}: ${issue.message}`),
    );
  }
  const problems: string[] = [];
  const { data } = parsed;
  if (Boolean(data.OPENVIDU_URL) !== Boolean(data.OPENVIDU_SECRET)) {
    problems.push('OPENVIDU_URL and OPENVIDU_SECRET: set both to use OpenVidu, or neither for the embedded video');
  }
  if (data.OZ_PROGRAM_START && data.OZ_PROGRAM_END && data.OZ_PROGRAM_START > data.OZ_PROGRAM_END) {
    problems.push('OZ_PROGRAM_START: must not be after OZ_PROGRAM_END');
  }
  if (data.DATABASE_URL) {
    problems.push('DATABASE_URL: the PostgreSQL store is not available in this version; unset it to use the embedded store');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(data);
}
