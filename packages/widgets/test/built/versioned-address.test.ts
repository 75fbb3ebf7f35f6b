// A CMS writes script addresses with a version ("oz.js?ver=5.2"), while the elements' chunks import
// the loader back as plain "./oz.js". The page must still work as one SDK: the script tag's
// settings apply, one loader runs, and every element talks to the configured API.
import { expect, waitUntil } from '../testing.ts';
import { testApi } from '../api.ts';
import { shadow } from '../dom.ts';
import { BUNDLE, loadBundle } from './load-bundle.ts';

const words = (el: Element) => (el.shadowRoot ? (shadow(el).textContent ?? '').replace(/\s+/g, ' ').trim() : '');
const fetched = (pattern: RegExp) => performance.getEntriesByType('resource').filter((entry) => pattern.test(entry.name));

describe('the built bundle under a versioned address', () => {
  before(async () => {
    localStorage.clear();
    await loadBundle(`${BUNDLE}?ver=5.2`);
  });

  it('hands over to the plain address: its elements render and use the script tag’s API', async () => {
    const box = document.createElement('div');
    box.innerHTML = '<oz-register></oz-register><oz-apply></oz-apply><oz-duty-schedule></oz-duty-schedule>';
    document.body.append(box);
    const [register, , duty] = [...box.children];
    await waitUntil(() => words(register!).includes('Вход в личный кабинет'), 'no sign-in form', { timeout: 10_000 });
    await waitUntil(() => duty!.shadowRoot?.querySelector('[part~="slot"], [part~="empty"], [part~="center-choice"], select, fieldset'), 'the duty schedule did not load', { timeout: 10_000 });
    // The centers came from the API the script tag named, asked for once (one loader prefetched them).
    const centers = fetched(/\/api\/v1\/centers$/);
    expect(centers.map((entry) => new URL(entry.name).origin)).to.deep.equal([new URL(testApi).origin]);
    // The plain copy was fetched once, for the chunks; the element code once.
    expect(fetched(/\/dist\/widgets\/oz\.js$/)).to.have.length(1);
    expect(fetched(/\/oz-register-[\w-]+\.js$/)).to.have.length(1);
    expect((window as unknown as { OZ?: object }).OZ).to.not.equal(undefined);
  });
});
