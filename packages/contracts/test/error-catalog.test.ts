import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import {
  CONFLICT_REASONS,
  ConflictDetails,
  ConflictReason,
  ERROR_DETAILS,
  ERROR_STATUS,
  ErrorBody,
  ErrorCode,
  codeOfStatus,
} from '../src/index.ts';

describe('error catalog', () => {
  it('gives every error code exactly one status, and names no code the contracts lack', () => {
    assert.deepEqual(Object.keys(ERROR_STATUS).sort(), [...ErrorCode.options].sort());
    for (const code of ErrorCode.options) assert.ok(Number.isInteger(ERROR_STATUS[code]), code);
  });

  it('keeps the decided statuses', () => {
    assert.equal(ERROR_STATUS.file_unreadable, 422);
    assert.equal(ERROR_STATUS.video_unavailable, 502);
    assert.equal(ERROR_STATUS.sms_unavailable, 502);
    assert.equal(ERROR_STATUS.unavailable, 503);
    for (const code of ['conflict', 'phone_taken', 'program_closed', 'slot_taken', 'booking_limit', 'room_closed', 'password_already_set'] as const) {
      assert.equal(ERROR_STATUS[code], 409, code);
    }
  });

  it('reads a status without our body as its generic code, itself sent with that status', () => {
    const generic = { 400: 'malformed_request', 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found', 409: 'conflict', 413: 'payload_too_large', 415: 'unsupported_media_type', 422: 'validation_failed', 429: 'rate_limited', 503: 'unavailable' } as const;
    for (const [status, code] of Object.entries(generic)) {
      assert.equal(codeOfStatus(Number(status)), code, status);
      assert.equal(ERROR_STATUS[code], Number(status), `${code} is sent with ${status}`);
    }
    assert.equal(codeOfStatus(502), 'unavailable', 'a gateway\'s own 502: our API is away');
    assert.equal(codeOfStatus(418), 'internal');
  });

  it('describes every conflict reason in the details schema and in the error body', () => {
    assert.deepEqual(ConflictReason.options, [...CONFLICT_REASONS]);
    for (const reason of CONFLICT_REASONS) {
      assert.ok(ConflictDetails.safeParse({ reason }).success, reason);
      assert.ok(ErrorBody.safeParse({ error: { code: 'conflict', message: 'x', details: { reason } } }).success, reason);
    }
    assert.ok(!ConflictDetails.safeParse({}).success, 'a conflict always names its reason');
    assert.ok(!ConflictDetails.safeParse({ reason: 'something_else' }).success);
    assert.ok(ConflictDetails.safeParse({ reason: 'doctor_busy', slotId: 's1' }).success);
  });

  it('keeps error bodies of before valid: extra details keys, ZIP problem reasons', () => {
    const zip = { error: { code: 'unsupported_media_type', message: 'x', details: { reason: 'zip_not_dicom', entry: 'a.exe' } } };
    assert.ok(ErrorBody.safeParse(zip).success);
    assert.ok(ERROR_DETAILS.unsupported_media_type.safeParse(zip.error.details).success);
    const missing = { fields: [{ field: 'documentIds', code: 'documents_missing', message: 'x' }], missingKinds: ['ecg'] };
    assert.ok(ErrorBody.safeParse({ error: { code: 'validation_failed', message: 'x', details: missing } }).success);
    assert.ok(ERROR_DETAILS.validation_failed.safeParse(missing).success);
    assert.ok(ERROR_DETAILS.room_closed.safeParse({ opensAt: '2026-01-01T10:00:00.000Z', closesAt: '2026-01-01T12:00:00.000Z' }).success);
  });

  it('stays free of zod, so the browser bundle can import it alone', async () => {
    const source = await readFile(new URL('../src/error-catalog.ts', import.meta.url), 'utf8');
    assert.doesNotMatch(source, /^\s*(import|export)\b[^;]*\bfrom\s/m);
  });
});
