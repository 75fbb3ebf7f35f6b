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
    consent: true,
    ...overrides,
  };
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

/** Registers a patient through the API and returns the answer plus the password used. */
export async function registerPatient(overrides: Partial<RegisterRequest> = {}) {
  const patient = newPatient(overrides);
  const { status, body } = await callApi('POST', '/auth/register', { body: patient });
  if (status !== 201) throw new Error(`registration failed: ${status} ${JSON.stringify(body)}`);
  return { patient, auth: body as AuthResponse };
}
