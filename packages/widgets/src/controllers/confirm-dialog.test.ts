import { LitElement, html as litHtml, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { ConfirmDialogController } from './confirm-dialog.ts';

// The one confirmation dialog: focus back to its invoker (or elsewhere when that is gone), the
// error kept on screen, Escape ignored while the request runs.

class DialogHost extends LitElement {
  items = ['a', 'b'];
  done: string[] = [];
  afterConfirm: string[] = [];
  answer: { resolve: () => void; reject: (error: Error) => void } | undefined;
  readonly dialog = new ConfirmDialogController<string>(this, {
    selector: 'dialog',
    confirm: (subject) =>
      new Promise<void>((resolve, reject) => {
        this.answer = {
          resolve: () => {
            this.done.push(subject);
            this.items = this.items.filter((item) => item !== subject);
            resolve();
          },
          reject,
        };
      }),
    fallbackFocus: () => this.shadowRoot!.querySelector<HTMLElement>('h2')!.focus(),
  });
  override render() {
    const d = this.dialog;
    return litHtml`
      <h2 tabindex="-1">Список</h2>
      ${repeat(this.items, (item) => item, (item) => litHtml`<button id=${item} @click=${(event: Event) => void d.show(item, event)}>${item}</button>`)}
      <dialog @close=${d.onClose} @cancel=${d.onCancel}>
        <p class="about">${d.subject ?? nothing}</p>
        <p class="error">${d.error ? (d.error as Error).message : nothing}</p>
        <button id="confirm" ?disabled=${d.pending} @click=${d.confirm}>Да</button>
        <button id="keep" @click=${d.keep}>Нет</button>
      </dialog>
    `;
  }
}
if (!customElements.get('dialog-host')) customElements.define('dialog-host', DialogHost);

/** The same, but a done action sends focus to the list's title even though the invoker stays. */
class TitleAfterConfirm extends DialogHost {
  override readonly dialog = new ConfirmDialogController<string>(this, {
    selector: 'dialog',
    confirm: async (subject) => void this.done.push(subject),
    focusAfterConfirm: () => this.shadowRoot!.querySelector<HTMLElement>('h2')!.focus(),
  });
}
if (!customElements.get('title-after-confirm')) customElements.define('title-after-confirm', TitleAfterConfirm);

const $ = <T extends Element = HTMLElement>(host: DialogHost, selector: string) => host.shadowRoot!.querySelector(selector) as T;

describe('ConfirmDialogController', () => {
  it('opens about its subject and returns focus to the invoker when kept', async () => {
    const host = await fixture<DialogHost>(html`<dialog-host></dialog-host>`);
    $(host, '#b').focus();
    $(host, '#b').click();
    await waitUntil(() => $<HTMLDialogElement>(host, 'dialog').open);
    await host.updateComplete;
    expect($(host, '.about').textContent).to.equal('b');
    $(host, '#keep').click();
    await waitUntil(() => host.dialog.subject === undefined, 'the dialog forgets its subject once closed');
    expect(host.shadowRoot!.activeElement?.id, 'focus back on the invoker').to.equal('b');
  });

  it('keeps the dialog open with the error when the action fails, then closes on success and focuses the fallback', async () => {
    const host = await fixture<DialogHost>(html`<dialog-host></dialog-host>`);
    $(host, '#a').click();
    await waitUntil(() => $<HTMLDialogElement>(host, 'dialog').open);
    $(host, '#confirm').click();
    await waitUntil(() => host.answer);
    expect(host.dialog.pending).to.equal(true);
    // Escape while the request runs is ignored.
    const cancel = new Event('cancel', { cancelable: true });
    $(host, 'dialog').dispatchEvent(cancel);
    expect(cancel.defaultPrevented).to.equal(true);
    host.answer!.reject(new Error('Сервер недоступен'));
    await waitUntil(() => !host.dialog.pending);
    await host.updateComplete;
    expect($<HTMLDialogElement>(host, 'dialog').open).to.equal(true);
    expect($(host, '.error').textContent).to.equal('Сервер недоступен');

    host.answer = undefined;
    $(host, '#confirm').click();
    await waitUntil(() => host.answer);
    host.answer!.resolve();
    await waitUntil(() => !$<HTMLDialogElement>(host, 'dialog').open);
    await waitUntil(() => host.shadowRoot!.activeElement?.tagName === 'H2', 'the invoker is gone: focus goes to the fallback');
    expect(host.done).to.deep.equal(['a']);
  });

  it('sends focus where focusAfterConfirm says after a done action, and to the invoker when kept', async () => {
    const host = await fixture<DialogHost>(html`<title-after-confirm></title-after-confirm>`);
    $(host, '#a').click();
    await waitUntil(() => $<HTMLDialogElement>(host, 'dialog').open);
    $(host, '#keep').click();
    await waitUntil(() => host.dialog.subject === undefined);
    expect(host.shadowRoot!.activeElement?.id).to.equal('a');
    $(host, '#b').click();
    await waitUntil(() => $<HTMLDialogElement>(host, 'dialog').open);
    $(host, '#confirm').click();
    await waitUntil(() => host.dialog.subject === undefined);
    expect(host.done).to.deep.equal(['b']);
    expect(host.shadowRoot!.activeElement?.tagName).to.equal('H2');
  });
});
