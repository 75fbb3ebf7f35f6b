import { fieldErrorsFromIssues, RegisterRequest } from '@oz/contracts';
import { expect } from '@open-wc/testing';
import { newPatient, registerPatient, testApi } from '../../test/api.ts';
import { dutyConsultation, postAs } from '../../test/chat.ts';
import { ApiClient } from './client.ts';
import { ApiError, NetworkError } from './errors.ts';
import { listMessages } from './messages.ts';
import { readApiError } from './read-error.ts';

describe('ApiClient against the real API', () => {
  const unauthenticated: string[] = [];
  const client = new ApiClient({ origin: testApi, onUnauthenticated: (token) => unauthenticated.push(token) });

  it('reports the same field errors as the contract pre-check (422 validation_failed)', async () => {
    const body = { ...newPatient(), phone: '12345', email: 'not-an-email', consent: false as unknown as true };
    const error = (await client.register(body).catch((e: unknown) => e)) as ApiError;
    expect(error).to.be.instanceOf(ApiError);
    expect(error.status).to.equal(422);
    expect(error.code).to.equal('validation_failed');

    const local = fieldErrorsFromIssues(RegisterRequest.safeParse(body).error!.issues);
    const codes = (list: Array<{ field: string; code: string }>) => list.map((e) => `${e.field}:${e.code}`).sort();
    expect(codes(error.fields)).to.deep.equal(codes(local));
    expect(codes(error.fields)).to.include.members(['phone:phone_invalid', 'email:email_invalid', 'consent:consent_required']);
  });

  it('puts a taken phone on the phone field (409 phone_taken)', async () => {
    const { patient } = await registerPatient();
    const error = (await client.register(newPatient({ phone: patient.phone })).catch((e: unknown) => e)) as ApiError;
    expect(error.status).to.equal(409);
    expect(error.code).to.equal('phone_taken');
    expect(error.fields.map((f) => [f.field, f.code])).to.deep.equal([['phone', 'taken']]);
  });

  it('tells a wrong password (401 invalid_credentials) from an ended session', async () => {
    const { patient } = await registerPatient();
    const error = (await client.login({ phone: patient.phone, password: 'wrong-password' }).catch((e: unknown) => e)) as ApiError;
    expect(error.code).to.equal('invalid_credentials');
    expect(unauthenticated).to.deep.equal([]);
  });

  it('signs in, reads /me with the token, and signs out with 204', async () => {
    const { patient } = await registerPatient();
    const auth = await client.login({ phone: patient.phone, password: patient.password });
    expect((await client.me({ token: auth.token })).id).to.equal(auth.user.id);
    expect(await client.logout(auth.token)).to.equal(undefined);
    const error = (await client.me({ token: auth.token }).catch((e: unknown) => e)) as ApiError;
    expect(error.status).to.equal(401);
    expect(unauthenticated).to.deep.equal([auth.token]);
  });

  it('passes an AbortSignal through: an aborted request rejects with AbortError, not a network error', async () => {
    const controller = new AbortController();
    const pending = client.centers(controller.signal);
    controller.abort();
    const error = await pending.catch((e: unknown) => e);
    expect((error as Error).name).to.equal('AbortError');
  });

  it('reads a paged list page by page: limit and cursor go out, the whole { items, nextCursor } comes back', async () => {
    const { patient, consultation } = await dutyConsultation();
    for (const text of ['первое', 'второе', 'третье']) await postAs(patient.token, consultation.id, text);
    const own = new ApiClient({ origin: testApi, token: () => patient.token });
    const latest = await listMessages(own, consultation.id, { limit: 2 });
    expect(latest.items.map((m) => m.text), 'the latest page, oldest first').to.deep.equal(['второе', 'третье']);
    expect(latest.nextCursor).to.be.a('string');
    const earlier = await listMessages(own, consultation.id, { limit: 2, cursor: latest.nextCursor! });
    expect(earlier.items.map((m) => m.text)).to.deep.equal(['первое']);
    expect(earlier.nextCursor).to.equal(null);
    // Without paging options the API's default page: everything here.
    expect((await listMessages(own, consultation.id)).items).to.have.length(3);
    // A cursor the API never wrote is a field error, not a crash.
    const error = (await listMessages(own, consultation.id, { cursor: 'not-a-cursor' }).catch((e: unknown) => e)) as ApiError;
    expect([error.status, error.fields.map((f) => f.field)]).to.deep.equal([422, ['cursor']]);
  });

  it('turns an unreachable API into a NetworkError', async () => {
    const error = await new ApiClient({ origin: 'http://127.0.0.1:9' }).centers().catch((e: unknown) => e);
    expect(error).to.be.instanceOf(NetworkError);
  });
});

describe('readApiError', () => {
  it('takes the wait from Retry-After when the body does not say it', async () => {
    const response = new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Slow down' } }), {
      status: 429,
      headers: { 'Retry-After': '120' },
    });
    const error = await readApiError(response);
    expect([error.code, error.retryAfterSeconds]).to.deep.equal(['rate_limited', 120]);
  });

  it('survives an HTML error page from a proxy', async () => {
    const error = await readApiError(new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    expect([error.status, error.code, error.fields]).to.deep.equal([502, 'internal', []]);
  });
});
