import { html as litHtml } from 'lit';
import { expect, fixture, html } from '../../test/testing.ts';
import { callApi, newPatientAuth } from '../../test/api.ts';
import { forgetSession, signInPage, useTestApi } from '../../test/session.ts';
import type { AuthResponse } from '@oz/contracts';
import { OzElement } from '../internal/oz-element.ts';
import { SignInGate } from './sign-in-gate.ts';

// The one sign-in / role gate, against the real API's sessions.

class DoctorsOnly extends OzElement {
  readonly gate = new SignInGate(this, {
    roles: ['doctor'],
    words: () => ({ restoring: 'Проверяем вход…', signInPrompt: 'Войдите как врач.', otherRole: 'Только для врачей.' }),
    extraParts: 'prompt',
  });
  override render() {
    return this.gate.render() ?? litHtml`<p class="content">Заявки</p>`;
  }
}
DoctorsOnly.define('gate-doctors-only');

const text = (host: Element, selector: string) => host.shadowRoot!.querySelector(selector)?.textContent?.trim();

describe('SignInGate', () => {
  beforeEach(useTestApi);
  afterEach(forgetSession);

  it('prompts to sign in, names the role to a user of another, and opens for that role', async () => {
    const host = await fixture<DoctorsOnly>(html`<gate-doctors-only></gate-doctors-only>`);
    expect(text(host, '[part="sign-in-prompt prompt"]')).to.equal('Войдите как врач.');
    expect(host.gate.open).to.equal(false);

    signInPage(await newPatientAuth());
    await host.updateComplete;
    expect(text(host, '[part~="sign-in-prompt"]')).to.equal('Только для врачей.');
    expect(host.gate.user?.role).to.equal('patient');

    const doctor = await callApi('POST', '/auth/login', { body: { phone: '+79000000001', password: 'demo-bakulev' } });
    signInPage(doctor.body as AuthResponse);
    await host.updateComplete;
    expect(host.gate.open).to.equal(true);
    expect(text(host, '.content')).to.equal('Заявки');
    expect(host.shadowRoot!.querySelector('[part~="sign-in-prompt"]')).to.equal(null);
  });

  it('asks a person on a one-time password to replace it first', async () => {
    const host = await fixture<DoctorsOnly>(html`<gate-doctors-only></gate-doctors-only>`);
    const auth = await newPatientAuth();
    signInPage({ ...auth, user: { ...auth.user, mustChangePassword: true } });
    await host.updateComplete;
    expect(host.gate.user).to.equal(null);
    expect(text(host, '[part~="sign-in-prompt"]')).to.equal('Чтобы продолжить, придумайте новый пароль в личном кабинете.');
  });
});
