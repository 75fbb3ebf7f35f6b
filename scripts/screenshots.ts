/**
 * Screenshots of every sample page as its users see it: signed out, as a resident with a document,
 * an application and a duty booking, as a doctor, a duty doctor and the manager; at 360 px (a phone)
 * and 1280 × 900 (a desktop), full page. Run against a fresh demo server of this checkout:
 *
 *   npm run screenshots -- [--out DIR]          (default tmp/screenshots)
 *   npm run screenshots -- --compare DIR_A DIR_B  (pixel differences between two runs)
 *
 * Two runs a few minutes apart compare cleanly: the demo data and the clock's day are the same.
 */
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { samplePdf } from '../e2e/fixtures/sample.pdf.ts';

interface Shot {
  name: string;
  page: string;
  /** Who is signed in: a token stored for the page's API origin before it loads. */
  as?: 'patient' | 'doctor' | 'duty' | 'manager';
}

const SHOTS: Shot[] = [
  { name: 'index', page: '/index.html' },
  { name: 'configurator', page: '/configurator.html' },
  { name: 'elements', page: '/elements.html' },
  { name: 'portal-signed-out', page: '/portal.html' },
  { name: 'portal-patient', page: '/portal.html', as: 'patient' },
  { name: 'doctor-signed-out', page: '/doctor.html' },
  { name: 'doctor-desk', page: '/doctor.html', as: 'doctor' },
  { name: 'doctor-duty', page: '/doctor.html', as: 'duty' },
  { name: 'manager', page: '/manager.html', as: 'manager' },
  { name: 'video-room-patient', page: '/video-room.html?consultation=', as: 'patient' },
];

const WIDTHS = [
  { label: '360', viewport: { width: 360, height: 800 } },
  // A 360-px phone at 200 % zoom: 180 CSS px at two device pixels each (WCAG 1.4.10 reflow).
  { label: '180@2x', viewport: { width: 180, height: 400 }, deviceScaleFactor: 2 },
  { label: '1280', viewport: { width: 1280, height: 900 } },
];

const SIGN_INS = {
  doctor: { phone: '+79000000001', password: 'demo-bakulev' },
  duty: { phone: '+79000000003', password: 'demo-duty' },
  manager: { phone: '+79000000009', password: 'demo-manager' },
} as const;

const PATIENT = {
  fullName: 'Смирнова Мария Петровна',
  birthDate: '1952-03-14',
  phone: '+79005550123',
  password: 'screens-2026',
  consent: true,
};

async function startDemoServer(): Promise<{ origin: string; dataDir: string; stop: () => Promise<void> }> {
  const dataDir = await mkdtemp(join(tmpdir(), 'oz-screens-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts', '--demo'], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', OZ_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const origin = await new Promise<string>((resolveOrigin, reject) => {
    const timer = setTimeout(() => reject(new Error(`the server did not start:\n${output}`)), 60_000);
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/[^\s]+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveOrigin(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code}:\n${output}`)));
  });
  return {
    origin,
    dataDir,
    stop: async () => {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function api<T>(origin: string, method: string, path: string, token?: string, body?: unknown): Promise<T> {
  const response = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(body instanceof FormData || body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: body instanceof FormData ? body : body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The resident's story so far: a document, an application to the Bakulev center, a duty booking. */
async function preparePatient(origin: string, dataDir: string): Promise<{ token: string; consultationId: string }> {
  // Registration proves the phone: the demo server's SMS outbox holds the code.
  await api(origin, 'POST', '/auth/phone-code', undefined, { phone: PATIENT.phone, purpose: 'register' });
  const outbox = (await readFile(join(dataDir, 'sms-outbox.jsonl'), 'utf8')).trim().split('\n');
  const code = /(\d{6})/.exec((JSON.parse(outbox.at(-1)!) as { text: string }).text)?.[1];
  const { token } = await api<{ token: string }>(origin, 'POST', '/auth/register', undefined, { ...PATIENT, code });
  const centers = await api<{ items: Array<{ id: string; diseases: Array<{ id: string }>; documents: Array<{ kind: string; required: boolean }> }> }>(origin, 'GET', '/centers');
  const bakulev = centers.items.find((center) => center.id === 'bakulev')!;
  const documentIds: string[] = [];
  for (const { kind } of bakulev.documents.filter((document) => document.required)) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('file', new Blob([samplePdf('выписка.pdf').buffer], { type: 'application/pdf' }), `${kind}.pdf`);
    documentIds.push((await api<{ id: string }>(origin, 'POST', '/documents', token, form)).id);
  }
  await api(origin, 'POST', '/applications', token, {
    centerId: 'bakulev',
    disease: bakulev.diseases[0]!.id,
    diagnosis: 'ИБС, стенокардия напряжения',
    complaints: 'Одышка при подъёме на второй этаж',
    documentIds,
  });
  const slots = await api<{ items: Array<{ id: string }> }>(origin, 'GET', '/duty/slots?centerId=bakulev');
  const booked = await api<{ id: string }>(origin, 'POST', `/duty/slots/${slots.items[0]!.id}/book`, token, { topic: 'Давление по утрам' });
  return { token, consultationId: booked.id };
}

async function capture(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const server = await startDemoServer();
  const browser: Browser = await chromium.launch({ executablePath: findChromium({ install: false }), headless: true, args: CHROMIUM_ARGS });
  try {
    const patient = await preparePatient(server.origin, server.dataDir);
    const tokens: Record<string, string> = { patient: patient.token };
    for (const [who, credentials] of Object.entries(SIGN_INS)) {
      tokens[who] = (await api<{ token: string }>(server.origin, 'POST', '/auth/login', undefined, credentials)).token;
    }
    for (const shot of SHOTS) {
      for (const { label, viewport, deviceScaleFactor } of WIDTHS) {
        const context = await browser.newContext({ viewport, deviceScaleFactor, locale: 'ru-RU', timezoneId: 'Europe/Moscow', reducedMotion: 'reduce' });
        const token = shot.as ? tokens[shot.as] : undefined;
        if (token) {
          await context.addInitScript(([key, value]) => localStorage.setItem(key, value), [`oz:session:${server.origin}`, token] as const);
        }
        const page = await context.newPage();
        const path = shot.page.endsWith('=') ? `${shot.page}${patient.consultationId}` : shot.page;
        await page.goto(`${server.origin}${path}`, { waitUntil: 'networkidle' });
        // On a busy machine the elements can still be loading after the network went quiet.
        await page
          .waitForFunction(
            () =>
              [...document.querySelectorAll('*')]
                .filter((el) => el.localName.startsWith('oz-'))
                .every((el) => el.shadowRoot && !/Загружаем|Loading/.test(el.shadowRoot.textContent ?? '')),
            undefined,
            { timeout: 20_000 },
          )
          .catch(() => console.log(`  ${shot.name}-${label}: still loading after 20 s`));
        await page.waitForTimeout(800);
        const file = join(outDir, `${shot.name}-${label}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled', caret: 'hide' });
        console.log(`  ${file}`);
        await context.close();
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

/** Pixels that differ between two runs, per screenshot; a changed height counts as a difference. */
async function compare(dirA: string, dirB: string): Promise<void> {
  const names = (await readdir(dirA)).filter((name) => name.endsWith('.png')).sort();
  const diffDir = join(dirB, 'diff');
  await mkdir(diffDir, { recursive: true });
  for (const name of names) {
    const a = PNG.sync.read(await readFile(join(dirA, name)));
    const b = await readFile(join(dirB, name)).then((bytes) => PNG.sync.read(bytes), () => undefined);
    if (!b) {
      console.log(`${name}: missing in ${dirB}`);
      continue;
    }
    if (a.width !== b.width || a.height !== b.height) {
      console.log(`${name}: size ${a.width}×${a.height} → ${b.width}×${b.height}`);
      continue;
    }
    const diff = new PNG({ width: a.width, height: a.height });
    const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
    if (pixels > 0) await writeFile(join(diffDir, name), PNG.sync.write(diff));
    console.log(`${name}: ${pixels === 0 ? 'same' : `${pixels} pixels differ (${diffDir}/${name})`}`);
  }
}

const args = process.argv.slice(2);
if (args[0] === '--compare') {
  await compare(resolve(args[1]!), resolve(args[2]!));
} else {
  const outIndex = args.indexOf('--out');
  await capture(resolve(outIndex >= 0 ? args[outIndex + 1]! : 'tmp/screenshots'));
}
