import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type Config } from '../src/config.ts';
import { openPorts } from '../src/adapters/open-ports.ts';
import { createServices, type Services } from '../src/services/index.ts';
import { createApp } from '../src/app.ts';

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

export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-test-'));
  const config = loadConfig({ OZ_DATA_DIR: dataDir, OZ_LOG_LEVEL: 'silent', OZ_ALLOWED_ORIGINS: 'https://portal.example.ru', OZ_RATE_LIMIT_PER_MINUTE: '0', ...env });
  const ports = await openPorts(config);
  let offset = 0;
  const services = createServices(ports, config, () => new Date(Date.now() + offset));
  const app = createApp({ config, services });
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
    consent: true,
    ...overrides,
  };
}

export async function registerPatient(server: TestServer, overrides: Record<string, unknown> = {}) {
  const body = registration(overrides);
  const response = await server.request('/api/v1/auth/register', { json: body });
  if (response.status !== 201) throw new Error(`register failed: ${response.status} ${await response.text()}`);
  const auth = (await response.json()) as { token: string; user: { id: string; phone: string } };
  return { ...auth, password: body.password as string };
}

export async function errorOf(response: Response) {
  return ((await response.json()) as { error: { code: string; message: string; details?: { fields?: { field: string; code: string }[]; retryAfterSeconds?: number; reason?: string; [key: string]: unknown } } }).error;
}
