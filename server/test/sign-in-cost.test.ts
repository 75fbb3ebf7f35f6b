import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifySignIn, type Derive } from '../src/services/passwords.ts';

/** The scrypt runs a check makes, by cost (N), in order; the real derivation answers. */
function counting(): { run: Derive; costs: number[] } {
  const costs: number[] = [];
  return { costs, run: async (password, salt, params) => (costs.push(params.N), Buffer.alloc(32)) };
}

describe('the cost of a sign-in', () => {
  it('is the same for a person’s own password, a one-time password from a referral and an unknown phone', async () => {
    const own = await hashPassword('Ромашка-2024');
    const oneTime = await hashPassword('k7p2m9x4qa', 'generated');
    const runs = [];
    for (const stored of [own, oneTime, undefined]) {
      const { run, costs } = counting();
      assert.equal(await verifySignIn('wrong password', stored, run), false);
      runs.push(costs);
    }
    // One full-cost derivation, then one at the one-time passwords' cost: the real hash in place of its dummy.
    assert.deepEqual(runs, [
      [2 ** 17, 2 ** 14],
      [2 ** 17, 2 ** 14],
      [2 ** 17, 2 ** 14],
    ]);
  });

  it('still tells the right password from a wrong one, of either kind', async () => {
    const own = await hashPassword('Ромашка-2024');
    const oneTime = await hashPassword('k7p2m9x4qa', 'generated');
    assert.equal(await verifySignIn('Ромашка-2024', own), true);
    assert.equal(await verifySignIn('Ромашка-2025', own), false);
    assert.equal(await verifySignIn('k7p2m9x4qa', oneTime), true);
    assert.equal(await verifySignIn('k7p2m9x4qb', oneTime), false);
    assert.equal(await verifySignIn('Ромашка-2024', undefined), false);
  });
});
