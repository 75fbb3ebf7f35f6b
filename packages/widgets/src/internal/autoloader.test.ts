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
