// The built bundle (dist/widgets, `npm run build`) as a host page loads it: one script tag, each
// element's chunks fetched when its tag appears. The other element tests import the sources; this
// one catches what only the build can break (a chunk missing from a graph, strings in the wrong
// chunk, the browser's zod/mini checks, preloading).
import { expect, waitUntil } from '../testing.ts';
import { registerPatient, testApi } from '../api.ts';
import { fieldErrorText, fill, shadow, submitButton } from '../dom.ts';
import { BUNDLE, loadBundle } from './load-bundle.ts';

interface OzGlobal {
  configure(options: { api?: string; lang?: 'ru' | 'en' }): void;
}

const TAGS = [
  'oz-register',
  'oz-documents',
  'oz-apply',
  'oz-duty-schedule',
  'oz-consultations',
  'oz-notifications',
  'oz-doctor-desk',
  'oz-referral-import',
  'oz-audit-trail',
  'oz-staff',
] as const;

/** The chunks a module imports statically (`import … from "./x.js"`). */
const staticImports = (code: string) => [...code.matchAll(/(?:^|[;}\s])import[^"'`(]*?["'](\.\/[^"']+\.js)["']/g)].map((m) => m[1]!);

/** Every script of the bundle the page fetched so far. */
const fetchedScripts = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => path.startsWith('/dist/widgets/') && path.endsWith('.js'));
const preloaded = () => [...document.head.querySelectorAll<HTMLLinkElement>('link[rel="modulepreload"]')].map((link) => new URL(link.href).pathname);
/** What a person reads in an element: its shadow root's text, without styles. */
const words = (el: Element) =>
  [...shadow(el).querySelectorAll('h1, h2, h3, p, label, button, a, legend')].map((node) => node.textContent!.replace(/\s+/g, ' ').trim()).join(' ');

function place(markup: string): HTMLElement {
  const box = document.createElement('div');
  box.innerHTML = markup;
  document.body.append(box);
  return box.firstElementChild as HTMLElement;
}

describe('the built bundle on a host page', () => {
  const elements = new Map<string, HTMLElement>();

  before(async () => {
    sessionStorage.clear();
    localStorage.clear();
    await loadBundle();
  });

  it('runs from one file: oz.js imports nothing', async () => {
    expect(staticImports(await (await fetch(BUNDLE)).text())).to.deep.equal([]);
  });

  it('loads each element from its chunks, preloaded as one graph, speaking Russian without fetching English', async () => {
    const eager = fetchedScripts();
    expect(eager).to.include(BUNDLE);
    expect(customElements.get('oz-register'), 'no element code before its tag appears').to.equal(undefined);

    for (const tag of TAGS) elements.set(tag, place(`<${tag}></${tag}>`));
    for (const tag of TAGS) {
      await customElements.whenDefined(tag);
      const el = elements.get(tag)!;
      await waitUntil(() => words(el) !== '' && !/Загружаем…|Проверяем вход…/.test(words(el)), `<${tag}> did not render`, { timeout: 10_000 });
    }
    expect(words(elements.get('oz-register')!)).to.contain('Вход в личный кабинет');
    expect(words(elements.get('oz-apply')!)).to.contain('Войдите в личный кабинет, чтобы подать заявку');
    expect(words(elements.get('oz-doctor-desk')!)).not.to.equal('');

    // Every chunk beyond oz.js's own imports was asked for by a modulepreload of its element's graph.
    const links = preloaded();
    const lazy = fetchedScripts().filter((path) => !eager.includes(path));
    expect(lazy.length).to.be.above(TAGS.length);
    const notPreloaded = lazy.filter((path) => !links.includes(path) && !/checks/.test(path));
    expect(notPreloaded, 'chunks fetched one after another').to.deep.equal([]);
    expect(fetchedScripts().filter((path) => path.includes('strings-en')), 'English on a Russian page').to.deep.equal([]);
    expect(fetchedScripts().filter((path) => path.includes('oz-chat')), 'the chat before anyone signed in').to.deep.equal([]);
    expect(fetchedScripts().filter((path) => path.includes('-signed-in-')), 'a signed-in part before anyone signed in').to.deep.equal([]);
    // The sign-in forms are <oz-register>'s signed-out part, fetched with its code on a page without a session.
    expect(fetchedScripts().filter((path) => path.includes('-signed-out-')).map((path) => /\/([a-z-]+)-signed-out-/.exec(path)![1])).to.deep.equal(['register']);
    // The chunks take the session and the client from oz.js itself, by its plain name.
    const shared = lazy.find((path) => /\/oz-shared-[\w-]+\.js$/.test(path))!;
    expect(staticImports(await (await fetch(shared)).text())).to.deep.equal(['./oz.js']);
  });

  it('checks a form in the browser with the contract rules before asking the API', async () => {
    const register = elements.get('oz-register')!;
    submitButton(register).click();
    await waitUntil(() => fieldErrorText(register, 'phone') !== undefined, 'no pre-check error', { timeout: 10_000 });
    expect(fieldErrorText(register, 'phone')).to.equal('Заполните это поле');
    fill(register, { phone: '12345', password: 'x' });
    submitButton(register).click();
    await waitUntil(() => fieldErrorText(register, 'phone') !== 'Заполните это поле', 'the phone was not checked again', { timeout: 10_000 });
    expect(fieldErrorText(register, 'phone')).to.equal('Введите российский номер телефона, например +7 921 123-45-67');
  });

  it('signs a patient in: the elements show their data, and the chat’s code comes before a chat is opened', async () => {
    const { patient } = await registerPatient();
    const register = elements.get('oz-register')!;
    fill(register, { phone: patient.phone, password: patient.password });
    submitButton(register).click();
    const apply = elements.get('oz-apply')!;
    await waitUntil(() => shadow(apply).querySelector('select'), 'the application form did not appear', { timeout: 15_000 });
    await waitUntil(() => customElements.get('oz-chat'), 'the chat code was not fetched', { timeout: 10_000 });
    // Each element shows the signed-in view when its own part's code is in: on a busy machine the
    // account's can come after the application form.
    await waitUntil(() => words(register).includes(patient.fullName), 'the account did not show the patient', { timeout: 15_000 });
    // What only a signed-in person sees came then, each part in a chunk of its own, and what two of
    // them share (line 99: none of it before anyone signed in).
    const parts = fetchedScripts().filter((path) => path.includes('-signed-in-'));
    expect(parts.map((path) => /\/([a-z-]+)-signed-in-/.exec(path)![1]).sort()).to.deep.equal(['apply', 'consultations', 'documents', 'notifications', 'oz-shared', 'register']);
  });

  it('speaks English where an element asks for it, fetching English then, and switches back at run time', async () => {
    const apply = place('<oz-apply lang="en"></oz-apply>');
    await waitUntil(() => words(apply).includes('Application for an online consultation'), 'no English', { timeout: 10_000 });
    expect(words(apply)).not.to.contain('Заявка');
    expect(fetchedScripts().filter((path) => path.includes('strings-en')).length).to.be.above(0);
    apply.setAttribute('lang', 'ru');
    await waitUntil(() => words(apply).includes('Заявка на онлайн-консультацию'), 'did not switch back to Russian');

    // An element not loaded yet that speaks English: its English comes with its code, not after it.
    const englishBefore = new Set(fetchedScripts().filter((path) => path.includes('strings-en')));
    const room = place('<oz-video-room lang="en" consultation="none"></oz-video-room>');
    await customElements.whenDefined('oz-video-room');
    await waitUntil(() => words(room).includes('Online consultation'), 'the room did not speak English', { timeout: 10_000 });
    const entries = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const roomCode = entries.find((entry) => /\/oz-video-room-[\w-]+\.js$/.test(entry.name))!;
    const roomEnglish = entries.filter((entry) => entry.name.includes('strings-en') && !englishBefore.has(new URL(entry.name).pathname));
    expect(roomEnglish.length).to.be.above(0);
    for (const entry of roomEnglish) expect(entry.startTime, 'English asked for while the code was on its way').to.be.below(roomCode.responseEnd);

    (window as unknown as { OZ: OzGlobal }).OZ.configure({ lang: 'en' });
    const register = elements.get('oz-register')!;
    await waitUntil(() => words(register).includes('Sign out'), 'the page-wide language did not apply', { timeout: 10_000 });
  });
});
