import type { Center } from '@oz/contracts';
import { expect } from '../../test/testing.ts';
import type { ApiClient } from '../api/client.ts';
import { centersOf, forgetCenters } from './centers-catalog.ts';

// One request per page and API origin, shared by every element; a failure is not remembered.

const center = { id: 'bakulev' } as Center;

function fakeClient(origin: string, answers: Array<() => Promise<{ items: Center[] }>>) {
  let calls = 0;
  const client = { origin, centers: () => answers[calls++]!() } as unknown as ApiClient;
  return { client, calls: () => calls };
}

describe('centersOf', () => {
  afterEach(() => forgetCenters());

  it('asks the API once per origin however many elements ask', async () => {
    const api = fakeClient('https://a.example', [async () => ({ items: [center] })]);
    const [first, second] = await Promise.all([centersOf(api.client), centersOf(api.client)]);
    expect(await centersOf(api.client)).to.equal(first);
    expect(second).to.deep.equal([center]);
    expect(api.calls()).to.equal(1);
    const other = fakeClient('https://b.example', [async () => ({ items: [] })]);
    expect(await centersOf(other.client)).to.deep.equal([]);
    expect(other.calls()).to.equal(1);
  });

  it('forgets a failure so a retry asks again; an aborted wait leaves the shared request alone', async () => {
    const api = fakeClient('https://a.example', [() => Promise.reject(new Error('offline')), async () => ({ items: [center] })]);
    await centersOf(api.client).then(
      () => expect.fail('should fail'),
      (error: Error) => expect(error.message).to.equal('offline'),
    );
    const abort = new AbortController();
    const waiting = centersOf(api.client, abort.signal);
    abort.abort(new DOMException('stop', 'AbortError'));
    await waiting.then(
      () => expect.fail('the aborted wait should reject'),
      (error: DOMException) => expect(error.name).to.equal('AbortError'),
    );
    expect(await centersOf(api.client)).to.deep.equal([center]);
    expect(api.calls()).to.equal(2);
  });
});
