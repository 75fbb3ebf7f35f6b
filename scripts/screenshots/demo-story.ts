/**
 * A fresh demo server of this checkout and the story its pictures tell: a resident who uploaded
 * her documents, applied to the Bakulev center, booked a duty doctor and wrote to him, and the
 * staff signed in. Two runs on the same day give the same pages.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { samplePdf } from '../../e2e/fixtures/sample.pdf.ts';

export type Who = 'patient' | 'doctor' | 'duty' | 'manager';

export interface DemoServer {
  origin: string;
  dataDir: string;
  stop: () => Promise<void>;
}

export interface DemoStory {
  tokens: Record<Who, string>;
  /** The duty consultation the resident booked (its chat has messages; its video room opens). */
  consultationId: string;
  patientPhone: string;
}

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

export async function startDemoServer(): Promise<DemoServer> {
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
  const isForm = body instanceof FormData;
  const response = await fetch(`${origin}/api/v1${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...(isForm || body === undefined ? {} : { 'Content-Type': 'application/json' }) },
    body: isForm ? body : body === undefined ? null : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** The resident registers (the demo server's SMS outbox holds her code), then the rest of the story. */
export async function tellDemoStory({ origin, dataDir }: DemoServer): Promise<DemoStory> {
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
    disease: bakulev.diseases.find((disease) => disease.id === 'coronary_heart_disease')!.id,
    diagnosis: 'ИБС, стенокардия напряжения',
    complaints: 'Одышка при подъёме на второй этаж',
    documentIds,
  });
  const slots = await api<{ items: Array<{ id: string }> }>(origin, 'GET', '/duty/slots?centerId=bakulev');
  const booked = await api<{ id: string }>(origin, 'POST', `/duty/slots/${slots.items[0]!.id}/book`, token, { topic: 'Давление по утрам' });
  const tokens = { patient: token } as Record<Who, string>;
  for (const [who, credentials] of Object.entries(SIGN_INS) as [Exclude<Who, 'patient'>, { phone: string; password: string }][]) {
    tokens[who] = (await api<{ token: string }>(origin, 'POST', '/auth/login', undefined, credentials)).token;
  }
  const say = (who: Who, text: string) => api(origin, 'POST', `/consultations/${booked.id}/messages`, tokens[who], { text });
  await say('patient', 'Здравствуйте! По утрам давление 150 на 90, к обеду снижается. Это опасно?');
  await say('duty', 'Здравствуйте, Мария Петровна. Измеряйте давление утром и вечером неделю и запишите цифры — обсудим на консультации.');
  return { tokens, consultationId: booked.id, patientPhone: PATIENT.phone };
}
