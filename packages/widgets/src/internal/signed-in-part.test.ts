import { html as litHtml } from 'lit';
import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { newPatientAuth } from '../../test/api.ts';
import { forgetSession, signInPage, useTestApi } from '../../test/session.ts';
import { SignInGate } from '../controllers/sign-in-gate.ts';
import { OzElement } from './oz-element.ts';
import { SignedInPart } from './signed-in-part.ts';

// A signed-in person's part of an element, in a chunk of its own: never fetched for a visitor who
// is not signed in, awaited by the render that needs it, and a failed fetch can be tried again.

/** Stands in for `import('./x-signed-in.ts')`: each call waits for the test to answer it. */
const loads: { resolve: (view: { text: string }) => void; reject: (error: Error) => void }[] = [];

class WithPart extends OzElement {
  readonly gate = new SignInGate(this, { words: () => ({ restoring: 'Проверяем вход…', signInPrompt: 'Войдите.' }) });
  readonly signedIn = new SignedInPart(this, this.gate, () => new Promise<{ text: string }>((resolve, reject) => loads.push({ resolve, reject })));
  override render() {
    const words = { loading: '', retry: 'Ещё раз', describe: (error: unknown) => (error as Error).message };
    return litHtml`<h2>Раздел</h2>${this.gate.render() ?? this.signedIn.render(words, (view) => litHtml`<p class="view">${view.text}</p>`, () => this.requestUpdate())}`;
  }
}
WithPart.define('test-with-part');

const text = (host: Element) => [...host.shadowRoot!.querySelectorAll('h2, p')].map((node) => node.textContent!.trim()).join(' ');

describe('SignedInPart', () => {
  beforeEach(async () => {
    loads.length = 0;
    await useTestApi();
  });
  afterEach(forgetSession);

  it('is not fetched for a visitor who is not signed in', async () => {
    const host = await fixture<WithPart>(html`<test-with-part></test-with-part>`);
    expect(text(host)).to.equal('Раздел Войдите.');
    host.requestUpdate();
    await host.updateComplete;
    expect(loads).to.have.length(0);
  });

  it('holds the render back until the part is here, then shows it whole', async () => {
    const host = await fixture<WithPart>(html`<test-with-part></test-with-part>`);
    signInPage(await newPatientAuth());
    await waitUntil(() => loads.length === 1, 'the part was not fetched on sign-in');
    let settled = false;
    void host.updateComplete.then(() => (settled = true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Still the signed-out render: never a half view without the part.
    expect(settled).to.equal(false);
    expect(text(host)).to.equal('Раздел Войдите.');

    loads[0]!.resolve({ text: 'Мои документы' });
    await host.updateComplete;
    expect(text(host)).to.equal('Раздел Мои документы');
    expect(loads).to.have.length(1);
  });

  it('says when the part could not be fetched, and fetches it again on retry', async () => {
    const host = await fixture<WithPart>(html`<test-with-part></test-with-part>`);
    signInPage(await newPatientAuth());
    await waitUntil(() => loads.length === 1);
    loads[0]!.reject(new Error('Нет связи.'));
    await waitUntil(() => host.shadowRoot!.querySelector('[part~="retry-button"]'), 'no retry after a failed fetch');
    expect(host.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('Нет связи.');

    host.shadowRoot!.querySelector<HTMLButtonElement>('[part~="retry-button"]')!.click();
    await waitUntil(() => loads.length === 2, 'retry did not fetch again');
    loads[1]!.resolve({ text: 'Мои документы' });
    await waitUntil(() => host.shadowRoot!.querySelector('.view'), 'the part did not show after the retry');
    expect(host.shadowRoot!.querySelector('[part~="retry-button"]')).to.equal(null);
  });
});
