import { html as litHtml } from 'lit';
import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { newPatientAuth } from '../../test/api.ts';
import { forgetSession, signInPage, useTestApi } from '../../test/session.ts';
import { SignInGate } from '../controllers/sign-in-gate.ts';
import { strings as registerStrings } from '../elements/oz-register/strings.ts';
import { ru } from '../i18n/ru.ts';
import { session } from '../session/session.ts';
import { describeError } from './describe-error.ts';
import { OzElement } from './oz-element.ts';
import { SignedOutPart } from './signed-out-part.ts';

// The forms for someone not signed in, in a chunk of their own: never fetched while someone is
// signed in, fetched once nobody is (also after signing out), awaited by the render that needs
// them, and a failed fetch is said in the element's words with a retry.

/** Stands in for `import('./x-signed-out.ts')`: each call waits for the test to answer it. */
const loads: { resolve: (view: { text: string }) => void; reject: (error: Error) => void }[] = [];

class WithFormsPart extends OzElement {
  static override strings = [registerStrings];
  readonly gate = new SignInGate(this, { words: () => ({ restoring: 'Проверяем вход…', signInPrompt: 'Войдите.' }) });
  readonly signedOut = new SignedOutPart(this, this.gate, () => new Promise<{ text: string }>((resolve, reject) => loads.push({ resolve, reject })));
  override render() {
    const words = { loading: '', retry: this.t.register.retry, describe: (error: unknown) => describeError(this.t, error) };
    const forms = this.signedOut.render(words, (view) => litHtml`<p class="view">${view.text}</p>`, () => this.requestUpdate());
    return litHtml`<h2>Вход</h2>${this.gate.user ? litHtml`<p>Вы вошли.</p>` : forms}`;
  }
}
WithFormsPart.define('test-with-forms-part');

const text = (host: Element) => [...host.shadowRoot!.querySelectorAll('h2, p')].map((node) => node.textContent!.trim()).join(' ');

describe('SignedOutPart', () => {
  beforeEach(async () => {
    loads.length = 0;
    await useTestApi();
  });
  afterEach(forgetSession);

  it('is not fetched while someone is signed in, and is once they sign out', async () => {
    signInPage(await newPatientAuth());
    const host = await fixture<WithFormsPart>(html`<test-with-forms-part></test-with-forms-part>`);
    expect(text(host)).to.equal('Вход Вы вошли.');
    expect(loads).to.have.length(0);

    session.clear();
    await waitUntil(() => loads.length === 1, 'the part was not fetched on sign-out');
    loads[0]!.resolve({ text: 'Форма входа' });
    await waitUntil(() => host.shadowRoot!.querySelector('.view'), 'the forms did not show');
    expect(text(host)).to.equal('Вход Форма входа');
  });

  it('holds the first render back until the part is here, then shows it whole, fetched once', async () => {
    const host = document.createElement('test-with-forms-part') as WithFormsPart;
    document.body.append(host);
    try {
      await waitUntil(() => loads.length === 1, 'the part was not fetched for a visitor who is not signed in');
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(host.hasUpdated, 'a render before the part came').to.equal(false);
      loads[0]!.resolve({ text: 'Форма входа' });
      await host.updateComplete;
      expect(text(host)).to.equal('Вход Форма входа');

      // Signed in and out again: the part is here already.
      signInPage(await newPatientAuth());
      await waitUntil(() => text(host) === 'Вход Вы вошли.');
      session.clear();
      await waitUntil(() => text(host) === 'Вход Форма входа');
      expect(loads).to.have.length(1);
    } finally {
      host.remove();
    }
  });

  it('says in the element’s words when the part could not be fetched, and fetches it again on retry', async () => {
    const host = document.createElement('test-with-forms-part') as WithFormsPart;
    document.body.append(host);
    try {
      await waitUntil(() => loads.length === 1);
      loads[0]!.reject(new TypeError('Failed to fetch dynamically imported module'));
      await waitUntil(() => host.shadowRoot!.querySelector('[part~="retry-button"]'), 'no retry after a failed fetch');
      expect(host.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain(ru.errors.unknown);
      expect(host.shadowRoot!.querySelector('[part~="retry-button"]')!.textContent!.trim()).to.equal(ru.register.retry);

      host.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
      await waitUntil(() => loads.length === 2, 'retry did not fetch again');
      loads[1]!.resolve({ text: 'Форма входа' });
      await waitUntil(() => host.shadowRoot!.querySelector('.view'), 'the part did not show after the retry');
      expect(host.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
    } finally {
      host.remove();
    }
  });
});
