import { expect, fixture, html } from '@open-wc/testing';
import { OzElement } from '../internal/oz-element.ts';
import { showLoadingPlaceholder } from '../internal/loading-placeholder.ts';
import { configure } from '../page-api.ts';
import { defineStrings } from './catalog.ts';
import { ru } from './ru.ts';
import { en } from './en.ts';

/** English strings whose arrival the test decides, as a slow or broken link would. */
function controlledEnglish<S>(sections: S) {
  let release!: () => void;
  let fail!: (error: Error) => void;
  let calls = 0;
  const next = () =>
    new Promise<{ default: S }>((resolve, reject) => {
      calls += 1;
      release = () => resolve({ default: sections });
      fail = reject;
    });
  return { load: next, release: () => release(), fail: (error: Error) => fail(error), calls: () => calls };
}

const english = controlledEnglish({ chat: en.chat });
const probeStrings = defineStrings({ chat: ru.chat }, english.load);

/** An element with strings of its own, besides the shared ones. */
class OzWordsProbe extends OzElement {
  static override strings = [probeStrings];
  override render() {
    return html`<h2>${this.t.chat.title}</h2><p>${this.t.common.cancel}</p>`;
  }
}

const text = (el: Element) => [...el.shadowRoot!.querySelectorAll('h2, p')].map((node) => node.textContent!.trim()).join(' ');
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('strings that load with their element and language', () => {
  before(() => OzWordsProbe.define('oz-words-probe'));
  afterEach(() => configure({ lang: 'ru' }));

  it('speaks Russian at once, from strings in its own chunk, without fetching English', async () => {
    const el = await fixture(html`<oz-words-probe></oz-words-probe>`);
    expect(text(el)).to.equal(`${ru.chat.title} ${ru.common.cancel}`);
    expect(english.calls()).to.equal(0);
  });

  it('fetches English the first time it is needed, keeps «Loading…» until then, and never shows Russian first', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('oz-words-probe-late');
    el.setAttribute('lang', 'en');
    host.append(el);
    showLoadingPlaceholder(el, 'en');
    class Late extends OzWordsProbe {}
    Late.define('oz-words-probe-late');
    await settle();
    expect(english.calls()).to.equal(1);
    expect(text(el), 'the loading line stays while English is on its way').to.equal('Loading…');
    english.release();
    await (el as OzElement).updateComplete;
    expect(text(el)).to.equal(`${en.chat.title} ${en.common.cancel}`);
  });

  it('follows a change of language at run time', async () => {
    const el = await fixture<OzWordsProbe>(html`<oz-words-probe></oz-words-probe>`);
    expect(text(el)).to.contain(ru.chat.title);
    configure({ lang: 'en' });
    await el.updateComplete;
    expect(text(el)).to.equal(`${en.chat.title} ${en.common.cancel}`);
    el.lang = 'ru';
    await el.updateComplete;
    expect(text(el)).to.equal(`${ru.chat.title} ${ru.common.cancel}`);
  });
});

describe('English that cannot be fetched', () => {
  const broken = controlledEnglish({ notifications: en.notifications });
  class OzBrokenProbe extends OzElement {
    static override strings = [defineStrings({ notifications: ru.notifications }, broken.load)];
    override render() {
      return html`<p>${this.t.notifications.empty}</p>`;
    }
  }
  before(() => OzBrokenProbe.define('oz-broken-words-probe'));

  it('shows Russian rather than nothing, and tries again on the next render', async () => {
    const host = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('oz-broken-words-probe') as OzBrokenProbe;
    el.lang = 'en';
    host.append(el);
    await settle();
    broken.fail(new Error('offline'));
    await el.updateComplete;
    expect(text(el)).to.equal(ru.notifications.empty);
    el.requestUpdate();
    await settle();
    expect(broken.calls(), 'asked again').to.equal(2);
    broken.release();
    await el.updateComplete;
    await settle();
    expect(text(el)).to.equal(en.notifications.empty);
  });
});
