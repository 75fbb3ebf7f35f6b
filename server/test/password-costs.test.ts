// The real hashing costs, checked where every other test file's servers take the light ones
// (helpers.ts sets OZ_TEST_FAST_PASSWORD_HASHING): a server without that setting must not be light.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { registerPatient, startTestServer, type TestServer } from './helpers.ts';
import { hashPassword, isOneTimePasswordHash, useTestPasswordCosts, verifySignIn } from '../src/services/passwords.ts';

describe('password hashing costs', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer({ OZ_TEST_FAST_PASSWORD_HASHING: '' });
  });
  after(() => server.close());

  it('are OWASP’s for a person’s password (scrypt N=2^17, r=8, p=1) on a server not started for tests', async () => {
    const { user } = await registerPatient(server);
    const stored = await server.services.store.users.findByPhone(user.phone);
    assert.match(stored!.passwordHash, /^scrypt\$131072\$8\$1\$/);
  });

  it('are N=2^14 for a generated one-time password, told from a chosen one by its N', async () => {
    const oneTime = await hashPassword('k7p2m9x4qa', 'generated');
    assert.match(oneTime, /^scrypt\$16384\$8\$1\$/);
    assert.equal(isOneTimePasswordHash(oneTime), true);
    assert.equal(isOneTimePasswordHash(await hashPassword('Ромашка-2024')), false);
  });

  it('at the tests’ light costs, still tell a one-time password from a chosen one, and hashes made at either cost still verify', async () => {
    const real = await hashPassword('Ромашка-2024');
    const realOneTime = await hashPassword('k7p2m9x4qa', 'generated');
    useTestPasswordCosts(true);
    try {
      const light = await hashPassword('Ромашка-2024');
      const lightOneTime = await hashPassword('k7p2m9x4qa', 'generated');
      assert.match(light, /^scrypt\$2048\$/);
      assert.match(lightOneTime, /^scrypt\$256\$/);
      assert.equal(isOneTimePasswordHash(light), false);
      assert.equal(isOneTimePasswordHash(lightOneTime), true);
      assert.equal(await verifySignIn('Ромашка-2024', light), true);
      assert.equal(await verifySignIn('k7p2m9x4qa', lightOneTime), true);
      assert.equal(await verifySignIn('Ромашка-2024', real), true);
      assert.equal(await verifySignIn('k7p2m9x4qa', realOneTime), true);
      assert.equal(await verifySignIn('Ромашка-2025', light), false);
    } finally {
      useTestPasswordCosts(false);
    }
  });
});
