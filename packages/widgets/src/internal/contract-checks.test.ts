import { expect } from '../../test/testing.ts';
import { loadContractChecks } from './contracts.ts';

describe('contract checks in the browser', () => {
  it('run on zod/mini, as in the bundle: the form schemas have no classic-only methods', async () => {
    const { RegisterRequest } = await loadContractChecks();
    // Classic zod's objects have .extend/.pick and strings .min; zod/mini's have only .check.
    expect('extend' in RegisterRequest, 'a zod/mini object').to.equal(false);
    expect(typeof RegisterRequest.check).to.equal('function');
  });

  it('report the API field errors and codes for a bad registration', async () => {
    const { RegisterRequest, fieldErrorsFromIssues } = await loadContractChecks();
    const result = RegisterRequest.safeParse({
      fullName: ' ',
      birthDate: '2020-02-31',
      phone: '123',
      email: 'nope',
      password: 'short',
      code: '12',
      consent: false,
    });
    const errors = fieldErrorsFromIssues(result.error!.issues).map(({ field, code, limit }) => ({ field, code, limit }));
    expect(errors).to.deep.equal([
      { field: 'fullName', code: 'required', limit: undefined },
      { field: 'birthDate', code: 'date_invalid', limit: undefined },
      { field: 'phone', code: 'phone_invalid', limit: undefined },
      { field: 'email', code: 'email_invalid', limit: undefined },
      { field: 'password', code: 'too_short', limit: 8 },
      { field: 'code', code: 'code_wrong', limit: undefined },
      { field: 'consent', code: 'consent_required', limit: undefined },
    ]);
  });
});
