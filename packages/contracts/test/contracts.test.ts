import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  ageOn,
  BirthDate,
  ChangePasswordRequest,
  ErrorBody,
  fieldErrorsFromIssues,
  isRealIsoDate,
  normalizePhone,
  RegisterRequest,
} from '../src/index.ts';

describe('normalizePhone', () => {
  it('normalises the ways people write Russian numbers', () => {
    for (const input of ['8 (921) 123-45-67', '+7 921 123 45 67', '+7(921)123-45-67', '79211234567', '9211234567', '8.921.123.45.67']) {
      assert.equal(normalizePhone(input), '+79211234567', input);
    }
    assert.equal(normalizePhone('8 (812) 539-52-33'), '+78125395233', 'landlines too');
  });

  it('refuses what is not a Russian number', () => {
    for (const input of ['', '12345', '+1 202 555 0100', '8 921 123 45 678', '+7 021 123 45 67', 'phone']) {
      assert.equal(normalizePhone(input), null, input);
    }
  });
});

describe('dates', () => {
  it('knows real calendar days', () => {
    assert.ok(isRealIsoDate('2024-02-29'));
    assert.ok(!isRealIsoDate('2023-02-29'));
    assert.ok(!isRealIsoDate('2023-13-01'));
    assert.ok(!isRealIsoDate('12.04.1956'));
  });

  it('counts full years of age', () => {
    assert.equal(ageOn('1956-04-12', new Date('2026-04-11T12:00:00Z')), 69);
    assert.equal(ageOn('1956-04-12', new Date('2026-04-12T12:00:00Z')), 70);
  });

  it('accepts a birth date between 1900 and today', () => {
    assert.ok(BirthDate.safeParse('1900-01-01').success);
    assert.ok(!BirthDate.safeParse('1899-12-31').success);
    const tomorrow = new Date(Date.now() + 36 * 3600 * 1000).toISOString().slice(0, 10);
    assert.ok(!BirthDate.safeParse(tomorrow).success);
  });
});

describe('field errors', () => {
  it('gives each field one stable code, with limits', () => {
    const result = RegisterRequest.safeParse({ fullName: 'А', birthDate: '1956-04-12', phone: '+79211234567', password: 'x'.repeat(200), code: '123456', consent: true });
    assert.ok(!result.success);
    assert.deepEqual(fieldErrorsFromIssues(result.error.issues), [
      { field: 'password', code: 'too_long', message: 'Must be at most 128 characters', limit: 128 },
    ]);
  });

  it('reports a reused password on the new-password field', () => {
    const result = ChangePasswordRequest.safeParse({ currentPassword: 'same password', newPassword: 'same password' });
    assert.ok(!result.success);
    assert.deepEqual(fieldErrorsFromIssues(result.error.issues).map((e) => [e.field, e.code]), [['newPassword', 'password_same']]);
  });

  it('lets the current password be left out (the API requires it except after a one-time-password sign-in)', () => {
    assert.ok(ChangePasswordRequest.safeParse({ newPassword: 'my own long password' }).success);
    const empty = ChangePasswordRequest.safeParse({ currentPassword: '', newPassword: 'my own long password' });
    assert.ok(!empty.success, 'an empty current password is still refused');
  });

  it('describes the error body every failure uses', () => {
    assert.ok(ErrorBody.safeParse({ error: { code: 'rate_limited', message: 'x', details: { retryAfterSeconds: 30 } } }).success);
    assert.ok(!ErrorBody.safeParse({ error: { code: 'made_up', message: 'x' } }).success);
  });
});
