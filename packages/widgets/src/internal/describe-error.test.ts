import { expect } from '@open-wc/testing';
import { ApiError, NetworkError } from '../api/errors.ts';
import { en } from '../i18n/en.ts';
import { ru } from '../i18n/ru.ts';
import { describeError, describeFieldError } from './describe-error.ts';

const rateLimited = (seconds: number) =>
  new ApiError(429, { code: 'rate_limited', message: 'Too many', details: { retryAfterSeconds: seconds } });

describe('describeError', () => {
  it('says how many minutes to wait, with the right Russian word form', () => {
    expect(describeError(ru, rateLimited(30))).to.equal('Слишком много попыток. Попробуйте снова через 1 минуту.');
    expect(describeError(ru, rateLimited(120))).to.equal('Слишком много попыток. Попробуйте снова через 2 минуты.');
    expect(describeError(ru, rateLimited(300))).to.equal('Слишком много попыток. Попробуйте снова через 5 минут.');
    expect(describeError(en, rateLimited(60))).to.equal('Too many attempts. Please try again in 1 minute.');
  });

  it('has its own words for a network failure and never shows the server’s English message', () => {
    expect(describeError(ru, new NetworkError())).to.equal(ru.errors.network);
    const error = new ApiError(403, { code: 'forbidden', message: 'Forbidden for role patient' });
    expect(describeError(ru, error)).to.equal(ru.errors.forbidden);
    expect(describeError(ru, new TypeError('x'))).to.equal(ru.errors.unknown);
  });

  it('words field errors with their limits', () => {
    expect(describeFieldError(ru, { field: 'password', code: 'too_short', message: '', limit: 8 })).to.equal(
      'Слишком коротко: нужно не меньше 8 символов',
    );
    expect(describeFieldError(en, { field: 'fullName', code: 'too_long', message: '', limit: 200 })).to.equal(
      'Too long: at most 200 characters',
    );
  });
});
