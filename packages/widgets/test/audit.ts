// Test helpers for the audit trail of medical data: a demo doctor of the Bakulev center who opens
// a patient's documents and answers their application through the API, leaving entries in the
// patient's trail, and a fake paged answer for «Показать ещё».
import type { AuditEntry, AuthResponse } from '@oz/contracts';
import { callApi, signInViaApi, testApi } from './api.ts';

/** The demo doctor of the Bakulev center (the test server seeds it with `--demo`). */
export const BAKULEV_DOCTOR = { phone: '+79000000001', password: 'demo-bakulev', fullName: 'Петров Алексей Иванович' } as const;
/** The demo program manager. */
export const MANAGER = { phone: '+79000000009', password: 'demo-manager', fullName: 'Иванова Анна Павловна' } as const;

export function bakulevDoctorAuth(): Promise<AuthResponse> {
  return signInViaApi(BAKULEV_DOCTOR);
}

/** The doctor downloads a patient's document (they may once the patient applied to their center). */
export async function openDocumentAs(token: string, documentId: string): Promise<void> {
  const response = await fetch(`${testApi}/api/v1/documents/${documentId}/content`, { headers: { Authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`reading the document failed: ${response.status}`);
  await response.arrayBuffer();
}

export async function declineApplicationAs(token: string, applicationId: string): Promise<void> {
  const { status, body } = await callApi('POST', `/applications/${applicationId}/decline`, {
    token,
    body: { reason: 'Нужна консультация другого профиля, обратитесь в центр по месту жительства.' },
  });
  if (status !== 200) throw new Error(`decline failed: ${status} ${JSON.stringify(body)}`);
}

/** A made-up entry for answers the shared server cannot be brought to give quickly (a second page). */
export function auditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: `entry-${Math.random().toString(36).slice(2)}`,
    at: new Date().toISOString(),
    actorId: 'doctor-1',
    actorRole: 'doctor',
    actorName: BAKULEV_DOCTOR.fullName,
    action: 'read',
    subjectType: 'conclusion',
    subjectId: 'consultation-1',
    patientId: 'patient-1',
    status: null,
    address: null,
    ...overrides,
  };
}

/**
 * Answers `GET {path}` with `pages` in turn, by cursor: the first without one, each next one for
 * the cursor `page-N` the previous page named. Everything else still goes to the real API.
 */
export function stubAuditPages(path: string, pages: readonly AuditEntry[][], extra: Record<string, unknown> = {}) {
  const original = window.fetch;
  const calls: URL[] = [];
  window.fetch = (input, init) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
    if ((init?.method ?? 'GET') === 'GET' && url.href.split('?')[0] === `${testApi}/api/v1${path}`) {
      calls.push(url);
      const index = Number(url.searchParams.get('cursor')?.replace('page-', '') ?? 0);
      const body = { ...extra, items: pages[index] ?? [], nextCursor: index + 1 < pages.length ? `page-${index + 1}` : null };
      return Promise.resolve(new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } }));
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
