import { fieldErrorsFromIssues, RegisterRequest } from '@oz/contracts/forms';
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
    // A proxy's 502 means the API behind it is away for now: "try again shortly", not "our fault".
    const error = await readApiError(new Response('<h1>Bad gateway</h1>', { status: 502, statusText: 'Bad Gateway' }));
    expect([error.status, error.code, error.fields]).to.deep.equal([502, 'unavailable', []]);
    const teapot = await readApiError(new Response('<h1>?</h1>', { status: 418 }));
    expect(teapot.code, 'a status with no code of its own').to.equal('internal');
  });
});

describe('ApiClient.call', () => {
  const origin = 'https://oz.example.test';
  let sent: Array<{ url: string; init: RequestInit }>;
  let answer: () => Response;
  let original: typeof window.fetch;
  beforeEach(() => {
    original = window.fetch;
    sent = [];
    answer = () => new Response('{"items":[]}', { status: 200, headers: { 'Content-Type': 'application/json' } });
    window.fetch = (input, init) => {
      sent.push({ url: String(input), init: init ?? {} });
      return Promise.resolve(answer());
    };
  });
  afterEach(() => {
    window.fetch = original;
  });

  it('fills each {param} of the path, encoded as one path segment', async () => {
    const client = new ApiClient({ origin });
    await client.call('GET /consultations/{id}/messages', { params: { id: 'a/b c?#%' } });
    expect(sent[0]!.url).to.equal(`${origin}/api/v1/consultations/a%2Fb%20c%3F%23%25/messages`);
    expect(sent[0]!.init.method).to.equal('GET');
  });

  it('sends the query values that are set, in their order, and no "?" without any', async () => {
    const client = new ApiClient({ origin });
    const query = { from: '2026-03-01T09:00:00+03:00', to: undefined, order: 'desc' as const, limit: 5, cursor: '' };
    await client.call('GET /consultations', { query });
    await client.call('GET /notifications', { query: { limit: undefined, cursor: undefined } });
    await client.call('GET /centers');
    expect(sent.map((s) => s.url)).to.deep.equal([
      `${origin}/api/v1/consultations?from=2026-03-01T09%3A00%3A00%2B03%3A00&order=desc&limit=5`,
      `${origin}/api/v1/notifications`,
      `${origin}/api/v1/centers`,
    ]);
  });

  it('sends the method, the bearer token (or none) and a JSON body; 204 resolves to undefined', async () => {
    const client = new ApiClient({ origin, token: () => 'session-token' });
    answer = () => new Response(null, { status: 204 });
    expect(await client.call('DELETE /duty/slots/{id}', { params: { id: 's1' } })).to.equal(undefined);
    answer = () => new Response('{"token":"t","user":{}}', { status: 201 });
    await client.call('POST /auth/login', { body: { phone: '+79211234567', password: 'secret-password' }, token: null });

    const [remove, login] = sent;
    expect([remove!.init.method, remove!.url, remove!.init.body]).to.deep.equal(['DELETE', `${origin}/api/v1/duty/slots/s1`, null]);
    expect(new Headers(remove!.init.headers).get('Authorization')).to.equal('Bearer session-token');
    expect(new Headers(remove!.init.headers).has('Content-Type')).to.equal(false);
    expect([login!.init.method, login!.url]).to.deep.equal(['POST', `${origin}/api/v1/auth/login`]);
    expect(new Headers(login!.init.headers).has('Authorization'), 'token: null sends none').to.equal(false);
    expect(new Headers(login!.init.headers).get('Content-Type')).to.equal('application/json');
    expect(JSON.parse(login!.init.body as string)).to.deep.equal({ phone: '+79211234567', password: 'secret-password' });
    expect(login!.init.credentials).to.equal('omit');
  });

  it('builds link addresses the same way (url)', () => {
    const client = new ApiClient({ origin });
    expect(client.consentPageUrl('en')).to.equal(`${origin}/api/v1/consent?lang=en&format=html`);
    expect(client.notificationStreamUrl('t/1+2')).to.equal(`${origin}/api/v1/notifications/stream?ticket=t%2F1%2B2`);
    expect(client.url('GET /documents/{id}/content', { params: { id: 'd 1' } })).to.equal(`${origin}/api/v1/documents/d%201/content`);
  });

  it('does not compile with a wrong path, missing params, a wrong body or a non-JSON endpoint (npm run typecheck)', () => {
    const client = new ApiClient({ origin });
    const neverCalled = () => [
      // @ts-expect-error: no such endpoint
      client.call('GET /consultation/{id}', { params: { id: 'x' } }),
      // @ts-expect-error: {id} needs a value
      client.call('GET /consultations/{id}'),
      // @ts-expect-error: the body of a sign-in is a phone and a password
      client.call('POST /auth/login', { body: { email: 'x' } }),
      // @ts-expect-error: not a query field of this list
      client.call('GET /notifications', { query: { status: 'unread' } }),
      // @ts-expect-error: a file, not JSON: documentContent() reads it
      client.call('GET /documents/{id}/content', { params: { id: 'x' } }),
      // @ts-expect-error: a multipart form goes through sendMultipart()
      client.call('POST /documents', { form: { kind: 'ecg', file: new File([], 'a.pdf') } }),
    ];
    // The response type comes from the map too.
    const typed: () => Promise<{ items: unknown[] }> = () => client.call('GET /consultations/{id}/messages', { params: { id: 'x' } });
    expect([typeof neverCalled, typeof typed]).to.deep.equal(['function', 'function']);
  });
});
