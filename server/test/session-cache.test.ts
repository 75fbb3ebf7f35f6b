import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ReadVersions } from '../src/services/read-versions.ts';
import { SESSION_MAX_AGE_MS, SessionCache } from '../src/services/session-cache.ts';
import { TOPICS } from '../src/services/store-changes.ts';
import type { Principal } from '../src/services/accounts.ts';
import type { UserRecord } from '../src/ports/store.ts';

const user: UserRecord = {
  id: 'u1',
  role: 'patient',
  fullName: 'Иванова Мария Петровна',
  phone: '+79001234567',
  email: null,
  birthDate: '1950-01-01',
  centerId: null,
  isDutyDoctor: false,
  mustChangePassword: false,
  passwordHash: 'scrypt$…',
  consent: { at: '2026-01-01T00:00:00.000Z', version: '1' },
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

function cacheAt(start = Date.parse('2026-12-06T10:00:00Z')) {
  let now = start;
  const versions = new ReadVersions();
  const cache = new SessionCache(versions, () => new Date(now));
  const principal = (): Principal => ({ user: structuredClone(user), tokenId: 't1' });
  return { cache, versions, principal, advance: (ms: number) => (now += ms), farExpiry: start + 30 * 24 * 3600_000 };
}

describe('sessions checked lately', () => {
  it('are taken on trust for a few seconds at most, and never past the token expiry', () => {
    const { cache, principal, advance, farExpiry } = cacheAt();
    cache.put('h1', principal(), cache.stamp(), farExpiry);
    advance(SESSION_MAX_AGE_MS - 1);
    assert.equal(cache.get('h1')?.user.id, 'u1');
    advance(1);
    assert.equal(cache.get('h1'), undefined);

    const expiring = cacheAt();
    expiring.cache.put('h2', expiring.principal(), expiring.cache.stamp(), Date.parse('2026-12-06T10:00:01Z'));
    expiring.advance(999);
    assert.ok(expiring.cache.get('h2'));
    expiring.advance(1);
    assert.equal(expiring.cache.get('h2'), undefined, 'the token expired');
  });

  it('end with their session, every session of their user, or any change of the account', () => {
    for (const topic of [TOPICS.session('t1'), TOPICS.sessions('u1'), TOPICS.account('u1')]) {
      const { cache, versions, principal, farExpiry } = cacheAt();
      cache.put('h1', principal(), cache.stamp(), farExpiry);
      versions.changed([TOPICS.session('t2'), TOPICS.account('u2'), TOPICS.names]);
      assert.ok(cache.get('h1'), 'others changed, not this one');
      versions.changed([topic]);
      assert.equal(cache.get('h1'), undefined, topic);
    }
  });

  it('keeps nothing read before a change it did not see, or while the other instances cannot be heard', () => {
    const { cache, versions, principal, farExpiry } = cacheAt();
    const stamp = cache.stamp();
    versions.changed([TOPICS.sessions('u1')]); // signed out everywhere while the session was read
    cache.put('h1', principal(), stamp, farExpiry);
    assert.equal(cache.get('h1'), undefined);

    cache.put('h1', principal(), cache.stamp(), farExpiry);
    versions.deaf();
    assert.equal(cache.get('h1'), undefined);
    versions.hearingAgain();
    cache.put('h1', principal(), cache.stamp(), farExpiry);
    assert.ok(cache.get('h1'));
  });

  it('hands out one principal to every request, frozen so that none can change it for the others', () => {
    const { cache, principal, farExpiry } = cacheAt();
    const given = cache.put('h1', principal(), cache.stamp(), farExpiry);
    assert.equal(cache.get('h1'), given);
    assert.throws(() => {
      (given.user as { role: string }).role = 'manager';
    }, TypeError);
    assert.throws(() => {
      (given.user.consent as { version: string }).version = '2';
    }, TypeError);
  });
});
