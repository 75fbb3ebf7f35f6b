import type { AuthResponse, RegisterRequest } from '@oz/contracts';

declare global {
  interface Window {
    /** Set by web-test-runner.config.mjs: the origin of the real API server started for the run. */
    __OZ_TEST_API__?: string;
  }
}

/** The real API the element tests talk to. */
export const testApi: string = (() => {
  const origin = window.__OZ_TEST_API__;
  if (!origin) throw new Error('window.__OZ_TEST_API__ is not set: run the tests with `npx web-test-runner`');
  return origin;
})();

/** A mobile number nobody else in this run has: +79 and nine random digits. */
export function uniquePhone(): string {
  const digits = Array.from({ length: 9 }, () => Math.floor(Math.random() * 10)).join('');
  return `+79${digits}`;
}

/** A person's data that passes the contract's RegisterRequest. */
export function newPatient(overrides: Partial<RegisterRequest> = {}): RegisterRequest {
  return {
    fullName: 'Иванова Мария Петровна',
    birthDate: '1956-04-12',
    phone: uniquePhone(),
    password: 'Ромашка-2024',
    // Well-formed but never sent: registerPatient asks for a real one, as a person does.
    code: '000000',
    consent: true,
    ...overrides,
  };
}

/** The texts of the SMS the test API server wrote to its outbox for `phone` (+7…), oldest first. */
export async function outboxTexts(phone: string): Promise<string[]> {
  const response = await fetch('/__oz-test__/sms-outbox');
  const lines = (await response.text()).split('\n').filter((line) => line.trim() !== '');
  return lines.map((line) => JSON.parse(line) as { to: string; text: string }).filter((sms) => sms.to === phone).map((sms) => sms.text);
}

/** The code of the newest SMS to the phone (+7…). */
export async function codeInLastSms(phone: string): Promise<string> {
  const code = /код (\d{6})/.exec((await outboxTexts(phone)).at(-1) ?? '')?.[1];
  if (!code) throw new Error(`no SMS code to ${phone}`);
  return code;
}

/** Asks the API for an SMS code for the phone (+7…) and reads it from the newest SMS, as a person would. */
export async function smsCodeFor(phone: string, purpose: 'register' | 'reset' = 'register'): Promise<string> {
  const { status, body } = await callApi('POST', '/auth/phone-code', { body: { phone, purpose } });
  if (status !== 202) throw new Error(`phone-code failed: ${status} ${JSON.stringify(body)}`);
  return codeInLastSms(phone);
}

/** Calls the API directly (not through the widgets), to arrange a test or check its outcome. */
export async function callApi(method: string, path: string, options: { body?: unknown; token?: string } = {}) {
  const headers: Record<string, string> = {};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  const response = await fetch(`${testApi}/api/v1${path}`, {
    method,
    headers,
    body: options.body === undefined ? null : JSON.stringify(options.body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** Registers a patient through the API, with the code from their SMS; returns the answer plus what was sent. */
export async function registerPatient(overrides: Partial<RegisterRequest> = {}) {
  const fields = newPatient(overrides);
  const patient = { ...fields, code: overrides.code ?? (await smsCodeFor(fields.phone)) };
  const { status, body } = await callApi('POST', '/auth/register', { body: patient });
  if (status !== 201) throw new Error(`registration failed: ${status} ${JSON.stringify(body)}`);
  return { patient, auth: body as AuthResponse };
}

/** A new patient, registered through the API: their session. */
export async function newPatientAuth(): Promise<AuthResponse> {
  return (await registerPatient()).auth;
}

/** Signs in through the API (not the widgets), e.g. as one of the demo staff accounts the test server seeds. */
export async function signInViaApi(account: { phone: string; password: string }): Promise<AuthResponse> {
  const { status, body } = await callApi('POST', '/auth/login', { body: account });
  if (status !== 200) throw new Error(`sign-in failed: ${status} ${JSON.stringify(body)}`);
  return body as AuthResponse;
}

/**
 * Answers matching API requests with a canned response, for states the shared test server cannot
 * be put in (a closed program period, no free time at all, a failure). Everything else still goes
 * to the real API. `path` is matched without the query string; `calls` lists the URLs answered.
 */
export function stubApi(method: string, path: string, status: number, body: unknown) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? 'GET') === method && url.split('?')[0] === `${testApi}/api/v1${path}`) {
      calls.push(url);
      return Promise.resolve(new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }));
    }
    return original(input, init);
  };
  return {
    calls,
    restore() {
      window.fetch = original;
    },
  };
}

/**
 * Records the URLs of matching API requests (`path` without the query string) while they still go
 * to the real API: to check what an element asked for (a range, an order, a page size).
 */
export function watchApi(method: string, path: string) {
  const original = window.fetch;
  const calls: URL[] = [];
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if ((init?.method ?? 'GET') === method && url.split('?')[0] === `${testApi}/api/v1${path}`) calls.push(new URL(url));
    return original(input, init);
  };
  return {
    calls,
    restore() {
      window.fetch = original;
    },
  };
}

/**
 * Every item of a paged list (`{items, nextCursor}`), following nextCursor: the element-test server
 * is shared by every test file, so a demo doctor's lists outgrow one page during a run.
 */
export async function allItems<T>(path: string, token?: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const { status, body } = await callApi('GET', `${path}${cursor ? `${separator}cursor=${encodeURIComponent(cursor)}` : ''}`, token ? { token } : {});
    if (status !== 200) throw new Error(`GET ${path} failed: ${status} ${JSON.stringify(body)}`);
    const page = body as { items: T[]; nextCursor: string | null };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}
