import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { endpointPath } from '../src/endpoints.ts';

describe('endpointPath', () => {
  it('splits the key into the method and the path', () => {
    assert.deepEqual(endpointPath('GET /centers'), { method: 'GET', path: '/centers' });
    assert.deepEqual(endpointPath('DELETE /documents/{id}', { id: 'd1' }), { method: 'DELETE', path: '/documents/d1' });
  });

  it('fills every {param}, encoded as one path segment', () => {
    const { path } = endpointPath('GET /consultations/{id}/messages', { id: 'a/b c?#%' });
    assert.equal(path, '/consultations/a%2Fb%20c%3F%23%25/messages');
  });

  it('refuses a missing param rather than calling "/consultations/undefined"', () => {
    assert.throws(() => endpointPath('GET /consultations/{id}', {} as { id: string }), /no value for \{id\}/);
  });

  it('does not compile with a wrong key or without the params the path needs (npm run typecheck)', () => {
    const neverCalled = () => [
      // @ts-expect-error: no such endpoint
      endpointPath('GET /consultation/{id}', { id: 'x' }),
      // @ts-expect-error: {id} needs a value
      endpointPath('GET /consultations/{id}'),
      // @ts-expect-error: the path has no {params}
      endpointPath('GET /centers', { id: 'x' }),
    ];
    assert.equal(typeof neverCalled, 'function');
  });
});
