import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { HTTPException } from 'hono/http-exception';
import { ERROR_STATUS } from '@oz/contracts';
import { createRouter } from '../src/http/router.ts';
import { onError } from '../src/http/error-handler.ts';
import { DomainError, conflict, rateLimited } from '../src/services/domain-error.ts';
import { DuplicateKeyError, StoreUnavailableError } from '../src/ports/store.ts';
import { errorOf } from './helpers.ts';

/** An app whose one route throws what it is given, answered by the real error handler. */
async function answerTo(error: unknown): Promise<Response> {
  const app = createRouter();
  app.get('/', () => {
    throw error;
  });
  app.onError(onError);
  const quiet = console.error;
  console.error = () => undefined; // 5xx answers are logged; the test needs no log
  try {
    return await app.request('/');
  } finally {
    console.error = quiet;
  }
}

describe('error handler: one code, one status', () => {
  it('sends a domain error with its code\'s status from ERROR_STATUS, and its details', async () => {
    for (const code of ['slot_taken', 'file_unreadable', 'video_unavailable', 'sms_unavailable', 'password_already_set'] as const) {
      const response = await answerTo(new DomainError(code, 'x'));
      assert.deepEqual([response.status, (await errorOf(response)).code], [ERROR_STATUS[code], code]);
    }
    const busy = await answerTo(conflict('doctor_busy', 'Busy', { slotId: 's1' }));
    assert.equal(busy.status, 409);
    assert.deepEqual(await errorOf(busy), { code: 'conflict', message: 'Busy', details: { slotId: 's1', reason: 'doctor_busy' } });
  });

  it('says Retry-After for a 429 and a 503, from details.retryAfterSeconds', async () => {
    const limited = await answerTo(rateLimited(42));
    assert.deepEqual([limited.status, limited.headers.get('Retry-After'), (await errorOf(limited)).details?.retryAfterSeconds], [429, '42', 42]);
    const away = await answerTo(new StoreUnavailableError());
    assert.deepEqual([away.status, away.headers.get('Retry-After'), (await errorOf(away)).code], [503, '5', 'unavailable']);
  });

  it('turns the store\'s unforeseen duplicate into a conflict that names concurrent_change', async () => {
    const response = await answerTo(new DuplicateKeyError('phone'));
    assert.equal(response.status, 409);
    const error = await errorOf(response);
    assert.deepEqual([error.code, error.details?.reason], ['conflict', 'concurrent_change']);
  });

  it('keeps Hono\'s status and gives it the generic code; anything else is a 500 internal', async () => {
    const tooLarge = await answerTo(new HTTPException(413));
    assert.deepEqual([tooLarge.status, await errorOf(tooLarge)], [413, { code: 'payload_too_large', message: 'The request is too large' }]);
    const crash = await answerTo(new TypeError('x is undefined'));
    assert.deepEqual([crash.status, (await errorOf(crash)).code], [500, 'internal']);
  });
});
