import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { testApi } from '../../test/api.ts';
import { patientWithApplication, scheduleAsDoctor } from '../../test/consultations.ts';
import { publishSlots } from '../../test/duty.ts';
import { accessibleNameProblems, expectCleanNames, nameProblem } from '../../test/names.ts';
import { configure, session } from '../index.ts';

/** An element shows what it loaded: the part that only its data brings is there. */
const loaded = (el: Element, selector: string) => !!el.shadowRoot?.querySelector(selector);

describe('accessible names (issue 11: no «Открыть заявку : …»)', () => {
  before(() => configure({ api: testApi, lang: 'ru' }));
  afterEach(() => session.clear());

  it('catches the stray spaces a screen reader would say', async () => {
    expect(nameProblem('Открыть заявку : Иванов')).to.equal('a space before punctuation');
    expect(nameProblem('Показать  ещё')).to.equal('two or more spaces in a row');
    expect(nameProblem('Показать ещё: прошедшие')).to.equal(undefined);
    // The way it came about: a visually hidden span is laid out apart, and Chromium adds a space.
    const el = await fixture(html`<div>
      <button>Открыть заявку<span style="position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0)">: Иванов</span></button>
      <button aria-label="Открыть заявку: Петров">Открыть заявку</button>
    </div>`);
    expect(accessibleNameProblems(el)).to.deep.equal(['button «Открыть заявку : Иванов»: a space before punctuation']);
  });

  it('the patient cabinet says every name without stray spaces', async () => {
    await publishSlots(2, 'bakulev');
    const { auth, application } = await patientWithApplication();
    await scheduleAsDoctor(application.id);
    session.adopt(auth, testApi);
    const page = await fixture(html`<div>
      <oz-notifications></oz-notifications>
      <oz-documents></oz-documents>
      <oz-apply></oz-apply>
      <oz-consultations page-size="1"></oz-consultations>
      <oz-duty-schedule center="bakulev" page-size="3"></oz-duty-schedule>
    </div>`);
    const [bell, documents, apply, consultations, schedule] = Array.from(page.children);
    await waitUntil(
      () =>
        loaded(documents!, '[part~="document"], [part~="empty"]') &&
        loaded(apply!, 'form') &&
        loaded(consultations!, '[part~="upcoming-section"] article') &&
        loaded(schedule!, 'button[part~="slot"]'),
      'the cabinet did not load',
      { timeout: 15_000 },
    );
    // The bell's list, open, with its entries and their buttons.
    bell!.shadowRoot?.querySelector<HTMLButtonElement>('button')?.click();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expectCleanNames(page);
  });
});
