import { expect, waitUntil } from '../../test/testing.ts';
import { callApi, registerPatient, testApi } from '../../test/api.ts';
import { forgetSession } from '../../test/session.ts';
import { ApiError, NetworkError } from '../api/errors.ts';
import { configure } from '../index.ts';
import { session } from './session.ts';
import { sessionClient } from './session-client.ts';
import { tokenStorageKey } from './token-storage.ts';

/** What another tab does: writes localStorage, and this tab hears a `storage` event. */
function otherTabWrites(key: string, value: string | null) {
  if (value === null) localStorage.removeItem(key);
  else localStorage.setItem(key, value);
  window.dispatchEvent(new StorageEvent('storage', { key, newValue: value, storageArea: localStorage }));
}

describe('session', () => {
  const key = () => tokenStorageKey(testApi);

  before(() => configure({ api: testApi }));

  beforeEach(forgetSession);

  it('is one object per page, even when the bundle is loaded twice', async () => {
    const secondCopy = (await import(`./session.ts?copy=${Date.now()}`)) as typeof import('./session.ts');
    expect(secondCopy.session).to.equal(session);
    expect((globalThis as unknown as Record<symbol, unknown>)[Symbol.for('oblako-zdorovya/session@1')]).to.equal(session);
  });

  it('setToken() asks the API who the token belongs to, keeps it and tells listeners', async () => {
    const { auth } = await registerPatient();
    let changes = 0;
    const onChange = () => changes++;
    session.addEventListener('change', onChange);
    try {
      const user = await session.setToken(auth.token);
      expect(user?.id).to.equal(auth.user.id);
    } finally {
      session.removeEventListener('change', onChange);
    }
    expect(session.status).to.equal('signed-in');
    expect(session.user?.fullName).to.equal(auth.user.fullName);
    expect(localStorage.getItem(key())).to.equal(auth.token);
    expect(changes).to.be.at.least(1);
  });

  it('setToken() with a revoked token rejects with 401 and leaves the page signed out', async () => {
    const { auth } = await registerPatient();
    await callApi('POST', '/auth/logout', { token: auth.token });

    const error = await session.setToken(auth.token).catch((e: unknown) => e);
    expect(error).to.be.instanceOf(ApiError);
    expect((error as ApiError).status).to.equal(401);
    expect(session.status).to.equal('signed-out');
    expect(session.token).to.equal(null);
    expect(localStorage.getItem(key())).to.equal(null);
  });

  it('follows sign-in and sign-out in another tab', async () => {
    const { auth } = await registerPatient();
    otherTabWrites(key(), auth.token);
    expect(session.status).to.equal('restoring');
    await waitUntil(() => session.status === 'signed-in', 'the other tab’s sign-in was not picked up');
    expect(session.user?.id).to.equal(auth.user.id);

    otherTabWrites(key(), null);
    expect(session.status).to.equal('signed-out');
    expect(session.token).to.equal(null);
  });

  it('ignores storage keys of other API origins', async () => {
    otherTabWrites(tokenStorageKey('https://other.example.ru'), 'x'.repeat(40));
    expect(session.status).to.equal('signed-out');
  });

  it('a 401 from any API call signs the page out', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    await callApi('POST', '/auth/logout', { token: auth.token }); // revoked elsewhere

    const error = await sessionClient(testApi).me().catch((e: unknown) => e);
    expect((error as ApiError).code).to.equal('unauthenticated');
    expect(session.token).to.equal(null);
    expect(localStorage.getItem(key())).to.equal(null);
  });

  it('signOut() revokes the token at the API before forgetting it', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    await session.signOut();
    expect(session.user).to.equal(null);
    expect((await callApi('GET', '/me', { token: auth.token })).status).to.equal(401);
  });

  it('never sends the token to an API origin other than the one that issued it', async () => {
    const { auth } = await registerPatient();
    session.adopt(auth, testApi);
    const sent: Array<string | null> = [];
    const original = window.fetch;
    window.fetch = (input, init) => {
      sent.push(new Headers(init?.headers).get('Authorization'));
      return original(input, init);
    };
    try {
      // Port 9 (discard) refuses connections: also shows the distinct network error.
      const error = await sessionClient('http://127.0.0.1:9').me().catch((e: unknown) => e);
      expect(error).to.be.instanceOf(NetworkError);
    } finally {
      window.fetch = original;
    }
    expect(sent).to.deep.equal([null]);
    expect(session.token, 'a network failure is not a sign-out').to.equal(auth.token);
  });
});
