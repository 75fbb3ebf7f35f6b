// A page already in its version for the visually impaired when an element first renders (bvi keeps
// the reader's choice from the last visit): the first render has the theme, no usual colours first.
// A file of its own: each runs in a fresh page, where the low-vision code has not been loaded yet.
import { html as litHtml } from 'lit';
import { expect, fixture, html } from '../../test/testing.ts';
import { OzElement } from './oz-element.ts';

class OzFirstRenderProbe extends OzElement {
  firstColours: string[] = [];

  override render() {
    return litHtml`<div part="base" class="oz-base"><p>Текст записи</p></div>`;
  }

  override firstUpdated() {
    const style = getComputedStyle(this.renderRoot.querySelector('p')!);
    this.firstColours = [style.color, style.fontSize];
  }
}
OzFirstRenderProbe.define('oz-first-render-probe');

describe('low vision from the first render', () => {
  after(() => ['data-bvi-theme', 'data-bvi-fontsize'].forEach((name) => document.body.removeAttribute(name)));

  it('renders white on black at 28px at once when the page is already marked so', async () => {
    document.body.setAttribute('data-bvi-theme', 'black');
    document.body.setAttribute('data-bvi-fontsize', '28');
    const el = await fixture<OzFirstRenderProbe>(html`<oz-first-render-probe></oz-first-render-probe>`);
    expect(el.firstColours).to.deep.equal(['rgb(255, 255, 255)', '28px']);
  });
});
