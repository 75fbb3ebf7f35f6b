import { spawn, type ChildProcess } from 'node:child_process';
import { after, before } from 'node:test';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../scripts/find-chromium.mjs';
import { testServerEnv } from '../scripts/test-server-env.mjs';

export interface RunningServer {
  origin: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

/** The code of the newest SMS to `phone` (+7…) in the outbox of a server without a gateway (OZ_DATA_DIR/sms-outbox.jsonl). */
export async function smsCodeIn(dataDir: string, phone: string): Promise<string> {
  const lines = (await readFile(join(dataDir, 'sms-outbox.jsonl'), 'utf8').catch(() => '')).split('\n').filter((line) => line.trim());
  const texts = lines.map((line) => JSON.parse(line) as { to: string; text: string }).filter((sms) => sms.to === phone);
  const code = /код (\d{6})/.exec(texts.at(-1)?.text ?? '')?.[1];
  if (!code) throw new Error(`no SMS code to ${phone}`);
  return code;
}

/** Registers a patient through the API as a person does: an SMS code for the phone (+7…), read from the outbox, then the form. */
export async function registerViaApi(
  origin: string,
  dataDir: string,
  patient: { fullName: string; birthDate: string; phone: string; password: string },
): Promise<{ token: string }> {
  const post = (path: string, body: unknown) =>
    fetch(`${origin}/api/v1${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const asked = await post('/auth/phone-code', { phone: patient.phone, purpose: 'register' });
  assert.equal(asked.status, 202, `phone-code: ${await asked.text()}`);
  const registered = await post('/auth/register', { ...patient, code: await smsCodeIn(dataDir, patient.phone), consent: true });
  assert.equal(registered.status, 201, `register: ${await registered.clone().text()}`);
  return (await registered.json()) as { token: string };
}

/** Registering in <oz-register> starts with the phone: «Получить код», then the code from the SMS outbox. */
export async function enterSmsCode(account: Locator, dataDir: string, phone: string): Promise<void> {
  await account.getByLabel('Номер мобильного телефона').fill(phone);
  await account.getByRole('button', { name: 'Получить код' }).click();
  await account.getByLabel('Код из СМС').waitFor();
  await account.getByLabel('Код из СМС').fill(await smsCodeIn(dataDir, `+7${phone.replace(/\D/g, '').slice(1)}`));
}

/** Starts the real server (as `npm start` does, on a fresh store) and waits until it listens. */
export async function startServer(args: string[] = ['--demo'], env: Record<string, string> = {}): Promise<RunningServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', ...args], {
    // Light password hashing, as in every test server (a production start refuses it).
    env: testServerEnv({ PORT: '0', HOST: '127.0.0.1', OZ_DATA_DIR: dataDir, ...(args.includes('--demo') ? { OZ_TEST_FAST_PASSWORD_HASHING: '1' } : {}), ...env }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 30_000);
    child.stdout?.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    dataDir,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A demo server (`--demo`, fresh store) and a Chromium for the enclosing `describe`, started
 * before its tests and stopped after them. Read `server` and `browser` inside the tests.
 */
export function demoServerAndBrowser(chromiumArgs: string[] = []): { readonly server: RunningServer; readonly browser: Browser } {
  const running = {} as { server: RunningServer; browser: Browser };
  before(async () => {
    running.server = await startServer(['--demo']);
    running.browser = await launchChromium(chromiumArgs);
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.stop();
  });
  return running;
}

export function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium({ install: false }), headless: true, args: [...CHROMIUM_ARGS, ...extraArgs] });
}

/** A page in a fresh context sized like a phone, in Moscow time; any script error, or anything its CSP refused, fails the test. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 800 }, locale: 'ru-RU', timezoneId: 'Europe/Moscow' });
  const page = await context.newPage();
  page.on('pageerror', (error) => assert.fail(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (/Content Security Policy/.test(message.text())) assert.fail(`refused by the page's policy: ${message.text()}`);
  });
  return page;
}

/** Saves a screenshot when OZ_SCREENSHOTS names a folder, for looking at what users see. */
export async function screenshot(page: Page, name: string): Promise<void> {
  const dir = process.env.OZ_SCREENSHOTS;
  if (!dir) return;
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: true });
}

let phoneCounter = 0;
export function uniquePhone(): string {
  phoneCounter += 1;
  const tail = String((Date.now() + phoneCounter * 7919) % 10_000_000).padStart(7, '0');
  return `8 (922) ${tail.slice(0, 3)}-${tail.slice(3, 5)}-${tail.slice(5)}`;
}
