import { LitElement, html as litHtml } from 'lit';
import { expect, fixture, html } from '../../test/testing.ts';
import { LoadController } from './load.ts';

// The one load → error → retry block: parts, the kept value while reloading, the retry.

const words = { loading: 'Загружаем…', retry: 'Повторить', describe: (error: unknown) => `сбой: ${(error as Error).message}`, failed: 'Не загрузилось.' };

class LoadHost extends LitElement {
  answers: Array<{ resolve: (value: string) => void; reject: (error: Error) => void }> = [];
  readonly load = new LoadController(this, {
    task: () => new Promise<string>((resolve, reject) => this.answers.push({ resolve, reject })),
    args: () => [] as const,
  });
  override render() {
    return this.load.render(words, (value) => litHtml`<p class="value">${value}</p>`);
  }
}
if (!customElements.get('load-host')) customElements.define('load-host', LoadHost);

const part = (host: LoadHost, name: string) => host.shadowRoot!.querySelector(`[part~="${name}"]`);

describe('LoadController', () => {
  it('shows the loading line, then the value; keeps the value on screen while it reloads', async () => {
    const host = await fixture<LoadHost>(html`<load-host></load-host>`);
    expect(part(host, 'loading')?.textContent).to.equal('Загружаем…');
    host.answers[0]!.resolve('первое');
    await host.load.complete;
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('.value')?.textContent).to.equal('первое');
    expect(part(host, 'loading')).to.equal(null);

    void host.load.run();
    await host.updateComplete;
    expect(host.load.pending).to.equal(true);
    expect(host.shadowRoot!.querySelector('.value')?.textContent, 'the last value stays while reloading').to.equal('первое');
    expect(part(host, 'loading')).to.equal(null);
    host.answers[1]!.resolve('второе');
    await host.load.complete;
    await host.updateComplete;
    expect(host.shadowRoot!.querySelector('.value')?.textContent).to.equal('второе');
  });

  it('shows a failure in load-error with its words, and the retry button loads again', async () => {
    const host = await fixture<LoadHost>(html`<load-host></load-host>`);
    host.answers[0]!.reject(new Error('нет сети'));
    await host.load.complete.catch(() => undefined);
    await host.updateComplete;
    const box = part(host, 'load-error')!;
    expect(box.querySelector('[part~="error"]')?.textContent).to.equal('Не загрузилось. сбой: нет сети');
    expect(box.querySelector('[part~="error"]')?.getAttribute('role')).to.equal('alert');
    const retry = box.querySelector<HTMLButtonElement>('[part~="retry-button"]')!;
    expect(retry.getAttribute('part')).to.equal('button retry-button');
    expect(retry.textContent?.trim()).to.equal('Повторить');
    retry.click();
    await host.updateComplete;
    expect(host.answers).to.have.length(2);
    host.answers[1]!.resolve('снова');
    await host.load.complete;
    await host.updateComplete;
    expect(part(host, 'load-error')).to.equal(null);
    expect(host.shadowRoot!.querySelector('.value')?.textContent).to.equal('снова');
  });
});
