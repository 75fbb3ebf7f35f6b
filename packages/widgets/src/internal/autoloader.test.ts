import { expect, waitUntil } from '../../test/testing.ts';
import { autoloadElements } from './autoloader.ts';

describe('autoloadElements', () => {
  it('loads an element when its tag is on the page, and again only when it appears later', async () => {
    const loaded: string[] = [];
    const present = document.createElement('oz-probe-present');
    document.body.append(present);
    autoloadElements({
      'oz-probe-present': async () => loaded.push('present'),
      'oz-probe-later': async () => loaded.push('later'),
      'oz-probe-never': async () => loaded.push('never'),
    });
    await waitUntil(() => loaded.includes('present'));
    expect(loaded).to.deep.equal(['present']);

    const wrapper = document.createElement('div');
    wrapper.innerHTML = '<section><oz-probe-later></oz-probe-later></section>';
    document.body.append(wrapper);
    await waitUntil(() => loaded.includes('later'), 'a tag added later by the page was not loaded');
    document.body.append(document.createElement('oz-probe-later'));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loaded).to.deep.equal(['present', 'later'], 'each module loads once; "never" is not on the page');
    present.remove();
    wrapper.remove();
  });

  it('tries again when a chunk failed to load', async () => {
    let attempts = 0;
    document.body.append(document.createElement('oz-probe-flaky'));
    autoloadElements({
      'oz-probe-flaky': async () => {
        attempts += 1;
        if (attempts === 1) throw new Error('network');
      },
    });
    await waitUntil(() => attempts === 1);
    document.body.append(document.createElement('oz-probe-flaky'));
    await waitUntil(() => attempts === 2, 'no second attempt');
    document.querySelectorAll('oz-probe-flaky').forEach((el) => el.remove());
  });
});

describe('the loading line while an element’s code is on its way', () => {
  it('shows «Загружаем…» at once, in the element’s language, and the element renders into the same root', async () => {
    const { OzElement } = await import('./oz-element.ts');
    const { html } = await import('lit');
    const { showLoadingPlaceholder } = await import('./loading-placeholder.ts');
    let release!: () => void;
    const arrived = new Promise<void>((resolve) => (release = resolve));
    const russian = document.createElement('oz-probe-slow');
    const english = document.createElement('oz-probe-slow');
    english.setAttribute('lang', 'en');
    document.body.append(russian, english);
    autoloadElements(
      {
        'oz-probe-slow': async () => {
          await arrived;
          class Probe extends OzElement {
            override render() {
              return html`<p part="ready">ready</p>`;
            }
          }
          Probe.define('oz-probe-slow');
        },
      },
      { whileLoading: (element) => showLoadingPlaceholder(element, element.getAttribute('lang') === 'en' ? 'en' : 'ru') },
    );
    expect(russian.shadowRoot?.textContent).to.include('Загружаем…');
    expect(english.shadowRoot?.textContent).to.include('Loading…');
    const later = document.createElement('oz-probe-slow');
    document.body.append(later);
    await waitUntil(() => later.shadowRoot !== null, 'a copy added while loading has no loading line');

    release();
    await waitUntil(() => russian.shadowRoot?.querySelector('[part="ready"]'), 'the element did not render');
    for (const element of [russian, english, later]) {
      await (element as InstanceType<typeof OzElement>).updateComplete;
      expect(element.shadowRoot!.textContent).not.to.match(/Загружаем|Loading/);
      expect(element.shadowRoot!.querySelector('[part="ready"]')).to.exist;
    }
    [russian, english, later].forEach((element) => element.remove());
  });

  it('says the code did not arrive instead of loading forever', async () => {
    const { showLoadFailure, showLoadingPlaceholder } = await import('./loading-placeholder.ts');
    const element = document.createElement('oz-probe-broken');
    document.body.append(element);
    autoloadElements(
      { 'oz-probe-broken': async () => Promise.reject(new Error('network')) },
      { whileLoading: (el) => showLoadingPlaceholder(el, 'ru'), failedToLoad: (el) => showLoadFailure(el, 'ru') },
    );
    await waitUntil(() => element.shadowRoot?.querySelector('[role="alert"]'), 'no failure line');
    expect(element.shadowRoot!.textContent).to.include('Не удалось загрузить');
    element.remove();
  });
});
