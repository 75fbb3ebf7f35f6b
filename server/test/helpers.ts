import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { normalizePhone } from '@oz/contracts';
import { loadConfig, type Config } from '../src/config.ts';
import { openPorts } from '../src/adapters/open-ports.ts';
import { createServices, type Services } from '../src/services/index.ts';
import { createApp, type AppOptions } from '../src/app.ts';
import type { Logger } from '../src/lib/logger.ts';
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { serveApp } from '../src/http/serve-app.ts';

export interface TestServer {
  app: ReturnType<typeof createApp>;
  services: Services;
  config: Config;
  dataDir: string;
  /** Moves the server's clock. */
  advance(ms: number): void;
  request(path: string, init?: RequestInit & { json?: unknown; token?: string }): Promise<Response>;
  close(): Promise<void>;
}

/** `logger`: where the request log goes (a test reads it there); by default stdout. */
/** `staticDirs`: the widgets and sample pages too, mounted after the API as main.ts mounts them. */
export async function startTestServer(env: Record<string, string> = {}, { logger, staticDirs }: { logger?: Logger; staticDirs?: AppOptions['staticDirs'] } = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-test-'));
  const config = loadConfig({
    OZ_DATA_DIR: dataDir,
    OZ_LOG_LEVEL: 'silent',
    OZ_ALLOWED_ORIGINS: 'https://portal.example.ru',
    OZ_RATE_LIMIT_PER_MINUTE: '0',
    // Passwords hashed cheaply: the real cost is checked once, in password-costs.test.ts.
    OZ_TEST_FAST_PASSWORD_HASHING: '1',
    ...env,
  });
  const ports = await openPorts(config);
  let offset = 0;
  const services = createServices(ports, config, () => new Date(Date.now() + offset));
  const app = createApp({ config, services, staticDirs, ...(logger ? { logger } : {}) });
  return {
    app,
    services,
    config,
    dataDir,
    advance: (ms) => {
      offset += ms;
    },
    request: (path, { json, token, headers, ...init } = {}) => {
      const allHeaders = new Headers(headers);
      if (json !== undefined) allHeaders.set('Content-Type', 'application/json');
      if (token) allHeaders.set('Authorization', `Bearer ${token}`);
      return Promise.resolve(
        app.request(path, { ...init, headers: allHeaders, ...(json !== undefined ? { body: JSON.stringify(json), method: init.method ?? 'POST' } : {}) }),
      );
    },
    close: async () => {
      await ports.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

let phoneCounter = 0;
/** A phone no other test uses, spelled as people write it. */
export function uniquePhone(): string {
  phoneCounter += 1;
  const digits = String(1_000_000 + ((process.pid * 131 + phoneCounter) % 9_000_000)).padStart(7, '0');
  return `8 (921) ${digits.slice(0, 3)}-${digits.slice(3, 5)}-${digits.slice(5, 7)}`;
}

export const normalized = (phone: string) => `+7${phone.replace(/\D/g, '').slice(1)}`;

export function registration(overrides: Record<string, unknown> = {}) {
  return {
    fullName: 'Иванова Мария Петровна',
    birthDate: '1956-04-12',
    phone: uniquePhone(),
    email: 'maria@example.ru',
    password: 'correct horse',
    // Well-formed but never sent: registerPatient asks for a real one; alone, this body meets the code check.
    code: '000000',
    consent: true,
    ...overrides,
  };
}

/** The texts of the SMS to a phone (+7…), oldest first: by default the outbox the server writes without a gateway. */
export type SmsReader = (phone: string) => Promise<string[]>;

export const outboxOf =
  (server: TestServer): SmsReader =>
  async (phone) => {
    // The configured folder: a test may point OZ_DATA_DIR elsewhere than the temporary one.
    const text = await readFile(join(server.config.dataDir, 'sms-outbox.jsonl'), 'utf8').catch(() => '');
    return text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line) as { to: string; text: string }).filter((sms) => sms.to === phone).map((sms) => sms.text);
  };

/** Asks for an SMS code as a person does and reads it from their newest SMS. */
export async function requestSmsCode(server: TestServer, phone: string, purpose: 'register' | 'reset' = 'register', readSms = outboxOf(server)): Promise<string> {
  const response = await server.request('/api/v1/auth/phone-code', { json: { phone, purpose } });
  if (response.status !== 202) throw new Error(`phone-code failed: ${response.status} ${await response.text()}`);
  const code = /код (\d{6})/.exec((await readSms(normalizePhone(phone) ?? phone)).at(-1) ?? '')?.[1];
  if (!code) throw new Error(`no SMS code to ${phone}`);
  return code;
}

export async function registerPatient(server: TestServer, overrides: Record<string, unknown> = {}, readSms?: SmsReader) {
  const fields = registration(overrides);
  const body = { ...fields, code: overrides.code ?? (await requestSmsCode(server, String(fields.phone), 'register', readSms)) };
  const response = await server.request('/api/v1/auth/register', { json: body });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const auth = (await response.json()) as { token: string; user: { id: string; phone: string } };
  return { ...auth, password: body.password as string };
}

export async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; details?: { fields?: { field: string; code: string }[]; retryAfterSeconds?: number; reason?: string; [key: string]: unknown } } }).error;
}

/** The app on a real Node HTTP server on a free loopback port, WebSocket upgrades included, as in production. */
export async function listenOnNode(server: TestServer): Promise<{ http: ServerType; port: number }> {
  const http = serveApp(server.app, { port: 0, hostname: '127.0.0.1' });
  server.app.injectWebSocket(http);
  await new Promise((resolve) => http.once('listening', resolve));
  return { http, port: (http.address() as AddressInfo).port };
}
