import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HashingGate } from '../src/services/hashing-gate.ts';
import { DomainError } from '../src/services/domain-error.ts';
import { hashingGate } from '../src/services/passwords.ts';
import { errorOf, startTestServer } from './helpers.ts';

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('the password hashing gate', () => {
  it('runs at most its number at once, hands a finished place to the first in line, and refuses past its queue', async () => {
    const gate = new HashingGate(2, 3);
    let running = 0;
    let most = 0;
    const finishers: (() => void)[] = [];
    const work = () =>
      gate.run(async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise<void>((resolve) => finishers.push(resolve));
        running -= 1;
      });
    const accepted = Array.from({ length: 5 }, work);
    await tick();
    assert.deepEqual(gate.load, { running: 2, waiting: 3 });
    await assert.rejects(work(), (error: unknown) => error instanceof DomainError && error.code === 'unavailable' && error.details?.['retryAfterSeconds'] === 5);
    while (finishers.length > 0 || gate.load.running > 0) {
      finishers.shift()?.();
      await tick();
    }
    await Promise.all(accepted);
    assert.equal(most, 2);
    assert.deepEqual(gate.load, { running: 0, waiting: 0 });
  });

  it('answers a flood of sign-ins with 503 and Retry-After beyond its queue, and the rest as usual', async () => {
    const server = await startTestServer();
    try {
      const flood = Array.from({ length: 2 + hashingGate.queueLength + 8 }, (_, i) =>
        server.request('/api/v1/auth/login', { json: { phone: `+7900555${String(i).padStart(4, '0')}`, password: 'not the password' } }),
      );
      const answers = await Promise.all(flood);
      const busy = answers.filter((answer) => answer.status === 503);
      assert.ok(busy.length >= 8, `${busy.length} answered 503`);
      assert.equal(busy[0]!.headers.get('Retry-After'), '5');
      assert.equal((await errorOf(busy[0]!)).code, 'unavailable');
      assert.ok(answers.filter((answer) => answer.status === 401).length >= 2);
      assert.deepEqual(hashingGate.load, { running: 0, waiting: 0 });
    } finally {
      await server.close();
    }
  });
});
