import { expect, fixture, html } from '@open-wc/testing';
import { configure, OzRegister } from '../index.ts';
import { detectScriptApiOrigin, toApiOrigin } from './api-origin.ts';
import { OzElement } from './oz-element.ts';

/** A minimal element on the base class, to observe what the base provides. */
class OzProbe extends OzElement {
  override render() {
    return html`<div part="base" class="oz-base"><label>${this.t.common.signOut}<input /></label><button>OK</button></div>`;
  }
  fire() {
    this.emit('oz-signed-out', {});
  }
}
OzProbe.define('oz-probe');

describe('OzElement', () => {
  afterEach(() => configure({ lang: 'ru' }));

  it('define() does nothing when the tag is taken (the SDK loaded twice)', () => {
    class Another extends OzElement {}
    expect(() => Another.define('oz-register')).not.to.throw();
    expect(customElements.get('oz-register')).to.equal(OzRegister);
  });

  it('takes lang from its attribute, else the page configuration, else Russian', async () => {
    const el = await fixture<OzProbe>(html`<oz-probe></oz-probe>`);
    expect([el.locale, el.shadowRoot!.textContent]).to.deep.equal(['ru', 'ВыйтиOK']);
    configure({ lang: 'en' });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Sign out');
    el.setAttribute('lang', 'ru-RU');
    await el.updateComplete;
    expect(el.locale).to.equal('ru');
    el.lang = 'de';
    expect(el.locale, 'unsupported languages fall back').to.equal('en');
    el.lang = 'en';
    await el.updateComplete;
    expect(el.getAttribute('lang'), 'lang is reflected').to.equal('en');
  });

  it('emits events that bubble out of shadow roots', async () => {
    const el = await fixture<OzProbe>(html`<oz-probe></oz-probe>`);
    let heard: Event | undefined;
    document.addEventListener('oz-signed-out', (event) => (heard = event), { once: true });
    el.fire();
    expect(heard).to.be.instanceOf(CustomEvent);
    expect((heard as CustomEvent).detail).to.deep.equal({});
  });

  it('keeps old CMS typography out and text at 16px or more', async () => {
    const page = await fixture(html`
      <div style="font-size: 11px; text-transform: uppercase; letter-spacing: 4px; text-align: center; color: pink; --oz-font-size: 10px">
        <oz-probe></oz-probe>
      </div>
    `);
    const label = page.querySelector('oz-probe')!.shadowRoot!.querySelector('label')!;
    const style = getComputedStyle(label);
    expect(parseFloat(style.fontSize)).to.be.at.least(16);
    expect(style.textTransform).to.equal('none');
    expect(style.letterSpacing).to.equal('normal');
    expect(style.textAlign).to.equal('start');
    expect(style.color).not.to.equal('rgb(255, 192, 203)');
    const button = page.querySelector('oz-probe')!.shadowRoot!.querySelector('button')!;
    expect(button.getBoundingClientRect().height).to.be.at.least(44);
  });

  it('uses the api attribute, reduced to an origin', async () => {
    const el = await fixture<OzProbe>(html`<oz-probe api="https://oz.example.ru/some/path/"></oz-probe>`);
    expect(el.apiOrigin).to.equal('https://oz.example.ru');
  });
});

describe('API origin detection', () => {
  function addScript(src: string, dataApi?: string) {
    const script = document.createElement('script');
    script.type = 'text/plain'; // never fetched or run
    script.src = src;
    if (dataApi) script.dataset.api = dataApi;
    document.head.append(script);
    return script;
  }

  it('reads data-api of the script tag that loaded the bundle', () => {
    const script = addScript('https://cdn.example.ru/widgets/oz.js?v=3', 'https://api.example.ru/');
    try {
      expect(detectScriptApiOrigin('https://cdn.example.ru/widgets/oz.js?v=3')).to.equal('https://api.example.ru');
    } finally {
      script.remove();
    }
  });

  it('falls back to the bundle’s own origin', () => {
    expect(detectScriptApiOrigin('https://oz.example.ru/widgets/oz.js')).to.equal('https://oz.example.ru');
  });

  it('rejects what is not an address', () => {
    expect(toApiOrigin('')).to.equal(undefined);
    expect(toApiOrigin('http://[bad')).to.equal(undefined);
    expect(toApiOrigin('/relative')).to.equal(location.origin);
  });
});
