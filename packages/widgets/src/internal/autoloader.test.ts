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

  it('loads the elements on screen first, the rest once those have what they need or are scrolled to', async () => {
    const started: string[] = [];
    let releaseCode!: () => void;
    let releaseAlongside!: () => void;
    const code = new Promise<void>((resolve) => (releaseCode = resolve));
    const alongside = new Promise<void>((resolve) => (releaseAlongside = resolve));
    const onScreen = document.createElement('oz-probe-top');
    onScreen.style.cssText = 'display: block; min-height: 2em';
    const below = document.createElement('oz-probe-below');
    below.style.cssText = 'display: block; min-height: 2em; margin-top: 300vh';
    const scrolledTo = document.createElement('oz-probe-scrolled');
    scrolledTo.style.cssText = 'display: block; min-height: 2em; margin-top: 300vh';
    document.body.append(onScreen, below, scrolledTo);
    autoloadElements(
      {
        'oz-probe-top': async () => {
          started.push('top');
          await code;
        },
        'oz-probe-below': async () => started.push('below'),
        'oz-probe-scrolled': async () => started.push('scrolled'),
      },
      { alongside: (element) => (element.localName === 'oz-probe-top' ? alongside : undefined) },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).to.deep.equal(['top'], 'what is below the fold waits');

    scrolledTo.scrollIntoView();
    await waitUntil(() => started.includes('scrolled'), 'an element scrolled to did not start loading');
    expect(started).not.to.include('below');

    releaseCode();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).not.to.include('below', 'the rest waits for what goes with the code too (its data, its part)');
    releaseAlongside();
    await waitUntil(() => started.includes('below'), 'the rest never started');
    window.scrollTo(0, 0);
    [onScreen, below, scrolledTo].forEach((element) => element.remove());
  });

  it('loads at once what is below the fold when nothing is on screen', async () => {
    const loaded: string[] = [];
    const hidden = document.createElement('oz-probe-hidden');
    hidden.hidden = true;
    document.body.append(hidden);
    autoloadElements({ 'oz-probe-hidden': async () => loaded.push('hidden') });
    await waitUntil(() => loaded.includes('hidden'), 'a hidden element never loaded');
    hidden.remove();
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
