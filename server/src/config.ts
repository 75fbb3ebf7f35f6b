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
  OZ_DB_POOL_MAX: positiveInt(10),
  OZ_PROGRAM_START: IsoDate.optional(),
  OZ_PROGRAM_END: IsoDate.optional(),
  OZ_MAX_UPLOAD_MB: positiveInt(20),
  OZ_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(10),
  OZ_TOKEN_TTL_HOURS: positiveInt(24 * 14),
  OZ_MAX_DUTY_BOOKINGS: positiveInt(2),
  OZ_OTP_TTL_DAYS: positiveInt(7),
  OZ_SIGN_IN_URL: z.url().optional(),
  OZ_OPERATOR_NAME: z.string().trim().min(1).max(300).optional(),
  OZ_OPERATOR_ADDRESS: z.string().trim().min(1).max(300).optional(),
  OZ_SMS_URL: z.url().optional(),
  OZ_SMS_TOKEN: z.string().optional(),
  OZ_SMS_SENDER: z.string().max(11).optional(),
  OZ_SMS_OUTBOX: z.enum(['1', 'true', '0', 'false']).optional(),
  OZ_LOG_LEVEL: z.enum(['silent', 'error', 'info']).default('info'),
  OZ_TEST_FAST_PASSWORD_HASHING: z.enum(['1', 'true', '0', 'false']).optional(),
  OZ_S3_ENDPOINT: z.url().optional(),
  OZ_S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be an S3 bucket name: 3 to 63 lowercase letters, digits, dots and hyphens')
    .optional(),
  OZ_S3_REGION: z.string().default('us-east-1'),
  OZ_S3_ACCESS_KEY_ID: z.string().optional(),
  OZ_S3_SECRET_ACCESS_KEY: z.string().optional(),
  OZ_S3_FORCE_PATH_STYLE: z.enum(['true', 'false']).default('false').transform((value) => value === 'true'),
  OZ_S3_PREFIX: z.string().default(''),
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
    /** PostgreSQL instead of the embedded lowdb file; then any number of instances may share it. */
    databaseUrl: env.DATABASE_URL ?? null,
    databasePoolMax: env.OZ_DB_POOL_MAX,
    programPeriod: { start: env.OZ_PROGRAM_START ?? null, end: env.OZ_PROGRAM_END ?? null },
    maxUploadBytes: env.OZ_MAX_UPLOAD_MB * 1024 * 1024,
    rateLimitPerMinute: env.OZ_RATE_LIMIT_PER_MINUTE,
    tokenTtlMs: env.OZ_TOKEN_TTL_HOURS * 3600 * 1000,
    maxDutyBookingsPerPatient: env.OZ_MAX_DUTY_BOOKINGS,
    oneTimePasswordTtlMs: env.OZ_OTP_TTL_DAYS * 24 * 3600 * 1000,
    /** Where SMS send patients to sign in: the portal page with <oz-register>. */
    signInUrl: env.OZ_SIGN_IN_URL ?? (env.OZ_PUBLIC_URL ? new URL('/portal.html', env.OZ_PUBLIC_URL).toString() : `http://localhost:${env.PORT}/portal.html`),
    /** The personal-data operator (152-FZ) the consent text names; null where not set (a demo). */
    operator: { name: env.OZ_OPERATOR_NAME ?? null, address: env.OZ_OPERATOR_ADDRESS ?? null },
    smsGateway: env.OZ_SMS_URL ? { url: env.OZ_SMS_URL, token: env.OZ_SMS_TOKEN, sender: env.OZ_SMS_SENDER } : null,
    /** Without a gateway, SMS go to OZ_DATA_DIR/sms-outbox.jsonl: a production start needs this said (OZ_SMS_OUTBOX=1). */
    smsOutboxAccepted: env.OZ_SMS_OUTBOX === '1' || env.OZ_SMS_OUTBOX === 'true',
    logLevel: env.OZ_LOG_LEVEL,
    /** Tests' servers: passwords hashed 64 times more cheaply (services/passwords.ts); a production start refuses it. */
    testFastPasswordHashing: env.OZ_TEST_FAST_PASSWORD_HASHING === '1' || env.OZ_TEST_FAST_PASSWORD_HASHING === 'true',
    /** Files go to this bucket when OZ_S3_BUCKET is set, else to OZ_DATA_DIR/files. */
    s3: env.OZ_S3_BUCKET
      ? {
          endpoint: env.OZ_S3_ENDPOINT,
          bucket: env.OZ_S3_BUCKET,
          region: env.OZ_S3_REGION,
          accessKeyId: env.OZ_S3_ACCESS_KEY_ID,
          secretAccessKey: env.OZ_S3_SECRET_ACCESS_KEY,
          forcePathStyle: env.OZ_S3_FORCE_PATH_STYLE,
          prefix: env.OZ_S3_PREFIX,
        }
      : null,
  };
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/**
 * What a production start (not the demo) refuses on top of loadConfig's checks: without an SMS
 * gateway every sign-in code and one-time password would be written, readable, to a file on the
 * server, which only a test installation may accept, and must say so; and the tests' cheap
 * password hashing.
 */
export function productionProblems(config: Config): string[] {
  const problems: string[] = [];
  if (!config.smsGateway && !config.smsOutboxAccepted) {
    problems.push(
      'OZ_SMS_URL: set the SMS gateway (and OZ_SMS_TOKEN). Without it, sign-in codes and one-time passwords are written in plain text to OZ_DATA_DIR/sms-outbox.jsonl; set OZ_SMS_OUTBOX=1 to accept that on a test installation',
    );
  }
  if (config.testFastPasswordHashing) {
    problems.push('OZ_TEST_FAST_PASSWORD_HASHING: only for automated tests (with --demo); it makes stolen password hashes 64 times cheaper to guess. Unset it');
  }
  return problems;
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
  if (data.DATABASE_URL && !/^postgres(ql)?:\/\//.test(data.DATABASE_URL)) {
    problems.push('DATABASE_URL: must be a PostgreSQL address such as postgres://oz@db.example.ru:5432/oz');
  }
  // A half-written S3 setup must stop start-up: otherwise files would silently land on the local disk.
  const s3WithoutBucket = Object.keys(present).filter((name) => name.startsWith('OZ_S3_') && name !== 'OZ_S3_BUCKET');
  if (!data.OZ_S3_BUCKET && s3WithoutBucket.length > 0) {
    problems.push(`OZ_S3_BUCKET: set it to keep files in S3 (${s3WithoutBucket.join(', ')} given), or unset those to keep files on disk`);
  }
  if (Boolean(data.OZ_S3_ACCESS_KEY_ID) !== Boolean(data.OZ_S3_SECRET_ACCESS_KEY)) {
    const missing = data.OZ_S3_ACCESS_KEY_ID ? 'OZ_S3_SECRET_ACCESS_KEY' : 'OZ_S3_ACCESS_KEY_ID';
    problems.push(`${missing}: set both OZ_S3_ACCESS_KEY_ID and OZ_S3_SECRET_ACCESS_KEY, or neither for the default AWS credential chain`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return toConfig(data);
}
