import type { Application, Consultation, DutySlot } from '@oz/contracts';
import { expect, fixture, html, waitUntil } from '../../../test/testing.ts';
import { callApi, signInViaApi, testApi, watchApi } from '../../../test/api.ts';
import { DUTY, publishAsDuty } from '../../../test/chat.ts';
import { DEMO, applyTo, futureSlot, scheduleThroughApi, withClockShifted } from '../../../test/doctor-desk.ts';
import { query, shadow } from '../../../test/dom.ts';
import { loadMoreButton, loadMoreError, loadMoreName, pressEnterOn, pressWhileFailing } from '../../../test/paging.ts';
import { useTestApi } from '../../../test/session.ts';
import { ru } from '../../i18n/ru.ts';
import { session } from '../../session/session.ts';
import { DAY_MS } from './desk-time.ts';
import { OzDoctorDesk } from './oz-doctor-desk.ts';

OzDoctorDesk.define('oz-doctor-desk');

// The desk's three paged lists with two items a page: the queue (loaded on scroll, the button for
// the keyboard), the doctor's consultations from a week ago, and a duty doctor's own slots.

const desk = ru.doctorDesk;
const queueIds = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLElement>('li[part~="application"]')].map((card) => card.dataset.applicationId);
const consultationIds = (el: Element) =>
  [...shadow(el).querySelectorAll<HTMLElement>('li[part~="consultation"]')].map((card) => card.dataset.consultationId);
const consultationCard = (el: Element, id: string) => shadow(el).querySelector<HTMLElement>(`li[data-consultation-id="${id}"]`);
const slotIds = (el: Element) => [...shadow(el).querySelectorAll<HTMLElement>('li[part~="slot"]')].map((item) => item.dataset.slotId);
const tabCount = (el: Element, index: number) =>
  shadow(el).querySelectorAll('button[part~="tab"]')[index]?.querySelector('[part~="count"]')?.textContent?.trim();
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Presses «Показать ещё» until the list is whole, checking after every page that nothing came twice. */
async function pressUntilWhole(el: OzDoctorDesk, shownIds: (el: Element) => (string | undefined)[]): Promise<void> {
  for (let presses = 0; loadMoreButton(el); presses += 1) {
    if (presses > 100) throw new Error('the list never ended');
    await pressEnterOn(loadMoreButton(el)!);
    // The press drew the busy button; the page has come when it is gone or no longer busy.
    await el.updateComplete;
    await waitUntil(() => loadMoreButton(el)?.getAttribute('aria-busy') !== 'true', 'the page never came');
    expect(loadMoreError(el)).to.equal(undefined);
    const ids = shownIds(el);
    expect(new Set(ids).size, 'an item shown twice').to.equal(ids.length);
  }
}

describe('<oz-doctor-desk> paged lists', () => {
  beforeEach(useTestApi);

  it('loads the next page of the queue as the doctor scrolls to its end, with the button for the keyboard', async () => {
    for (let made = 0; made < 7; made += 1) await applyTo('bakulev');
    const auth = await signInViaApi(DEMO.bakulev);
    const all = ((await callApi('GET', '/applications?status=submitted&limit=200', { token: auth.token })).body as { items: Application[] })
      .items.map((application) => application.id);
    session.adopt(auth, testApi);
    // The desk in a box of its own height, as in a portal's page: its end is out of view at first.
    const box = await fixture<HTMLDivElement>(html`<div style="height: 420px; overflow: auto"><oz-doctor-desk page-size="2"></oz-doctor-desk></div>`);
    const el = box.querySelector('oz-doctor-desk')!;
    await waitUntil(() => queueIds(el).length > 0, 'the queue did not load');
    expect(queueIds(el), 'the oldest two').to.deep.equal(all.slice(0, 2));
    expect(query(el, '[part~="summary"]').textContent?.trim()).to.equal(desk.queueSummaryPartial(2));
    expect(tabCount(el, 0), 'the tab says there are more').to.equal('2+');
    expect(loadMoreName(loadMoreButton(el))).to.equal(`${ru.paging.showMore}: ${desk.queueTitle}`);
    await pause(300);
    expect(queueIds(el), 'nothing more loads before the doctor scrolls').to.have.length(2);
    await expect(el).to.be.accessible();

    // Scrolling to the end brings the next page by itself.
    box.scrollTop = box.scrollHeight;
    await waitUntil(() => queueIds(el).length === 4, 'scrolling to the end did not load the next page');
    expect(queueIds(el)).to.deep.equal(all.slice(0, 4));

    // A failed page stops the scroll loading, says why, and the button tries again.
    const error = await pressWhileFailing(el, '/applications');
    expect(error.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`${ru.paging.moreFailed} ${ru.errors.internal}`);
    expect(loadMoreName(loadMoreButton(el))).to.equal(ru.paging.retry);
    box.scrollTop = box.scrollHeight;
    await pause(300);
    expect(queueIds(el), 'no page loads by itself after a failure').to.have.length(4);
    await expect(el).to.be.accessible();

    await pressEnterOn(loadMoreButton(el)!);
    await waitUntil(() => queueIds(el).length === 6, 'the keyboard fallback did not load the next page');
    expect(queueIds(el)).to.deep.equal(all.slice(0, 6));
    expect(shadow(el).activeElement, 'focus stays on the button').to.equal(loadMoreButton(el));

    // To the end of the queue: every application once, in the server's order, and no button.
    await pressUntilWhole(el, queueIds);
    expect(queueIds(el)).to.deep.equal(all);
    expect(query(el, '[part~="summary"]').textContent?.trim()).to.equal(desk.queueSummary(all.length));
    expect(tabCount(el, 0)).to.equal(String(all.length));
  });

  it("asks for the doctor's consultations from a week ago, earliest first, and shows the rest with «Показать ещё»", async () => {
    const auth = await signInViaApi(DEMO.bakulev);
    for (let made = 0; made < 3; made += 1) {
      const { application } = await applyTo('bakulev');
      await scheduleThroughApi(auth.token, application.id, futureSlot().iso);
    }
    session.adopt(auth, testApi);
    const watch = watchApi('GET', '/consultations');
    try {
      const el = await fixture<OzDoctorDesk>(html`<oz-doctor-desk section="consultations" page-size="2"></oz-doctor-desk>`);
      await waitUntil(() => consultationIds(el).length > 0, 'the consultations did not load');
      const first = watch.calls[0]!.searchParams;
      expect(first.get('order')).to.equal('asc');
      expect(first.get('limit')).to.equal('2');
      expect(Date.now() - 7 * DAY_MS - Date.parse(first.get('from')!)).to.be.within(0, 60_000);
      const all = ((await callApi('GET', `/consultations?order=asc&limit=200&from=${encodeURIComponent(first.get('from')!)}`, { token: auth.token }))
        .body as { items: Consultation[] }).items.map((consultation) => consultation.id);
      expect(all.length).to.be.at.least(3);
      expect(consultationIds(el)).to.have.length(2);
      expect([...consultationIds(el)].sort()).to.deep.equal(all.slice(0, 2).sort());
      expect(loadMoreName(loadMoreButton(el))).to.equal(`${ru.paging.showMore}: ${desk.consultationsTitle}`);
      await expect(el).to.be.accessible();

      const error = await pressWhileFailing(el, '/consultations');
      expect(error.getAttribute('role')).to.equal('alert');
      await pressUntilWhole(el, consultationIds);
      expect([...consultationIds(el)].sort(), 'every consultation once').to.deep.equal([...all].sort());
      // Later pages continued the same range.
      const forward = watch.calls.filter((url) => url.searchParams.get('order') === 'asc');
      expect(new Set(forward.map((url) => url.searchParams.get('from'))).size).to.equal(1);
    } finally {
      watch.restore();
    }
  });

  it('reaches consultations older than the week with «Показать более ранние консультации», newest first', async () => {
    const auth = await signInViaApi(DEMO.bakulev);
    const { application } = await applyTo('bakulev');
    const slot = futureSlot();
    const old = await scheduleThroughApi(auth.token, application.id, slot.iso);
    session.adopt(auth, testApi);
    const watch = watchApi('GET', '/consultations');
    // The doctor opens the desk nine days after that consultation: it is before the week the desk starts with.
    await withClockShifted(Date.parse(slot.iso) + 9 * DAY_MS - Date.now(), async () => {
      try {
        const el = await fixture<OzDoctorDesk>(html`<oz-doctor-desk section="consultations"></oz-doctor-desk>`);
        await waitUntil(() => shadow(el).querySelector('#consultations-title'), 'the consultations did not load');
        await el.updateComplete;
        expect(consultationIds(el)).not.to.include(old.id);
        const past = query(el, '[part~="past"]');
        const earlier = () => loadMoreButton(el, past);
        expect(loadMoreName(earlier())).to.equal(`${desk.earlierConsultations}: ${desk.pastTitle}`);
        await expect(el).to.be.accessible();
        for (let presses = 0; !consultationIds(el).includes(old.id); presses += 1) {
          expect(earlier(), 'the earlier list ended without the old consultation').not.to.equal(null);
          if (presses > 50) throw new Error('the old consultation never came');
          await pressEnterOn(earlier()!);
          await el.updateComplete;
          await waitUntil(() => earlier()?.getAttribute('aria-busy') !== 'true', 'the page never came');
        }
        expect(consultationCard(el, old.id)?.closest('[part~="past"]'), 'it is listed with the past ones').to.not.equal(null);
        // A refresh (the button, a notification, a written conclusion) reloads the week and keeps what was paged in.
        const calls = watch.calls.length;
        query<HTMLButtonElement>(el, 'button[part~="refresh-button"]').click();
        await waitUntil(() => watch.calls.length > calls, 'the refresh did not reload the week');
        await el.updateComplete;
        expect(consultationIds(el), 'the earlier consultation stays after a refresh').to.include(old.id);
        const asked = watch.calls.find((url) => url.searchParams.get('order') === 'desc')!.searchParams;
        const from = watch.calls[0]!.searchParams.get('from');
        expect([asked.get('to'), asked.get('from')]).to.deep.equal([from, null]);
      } finally {
        watch.restore();
      }
    });
  });

  it("shows a duty doctor's schedule page by page with «Показать ещё»", async () => {
    await publishAsDuty('bakulev');
    const auth = await signInViaApi(DUTY.bakulev);
    const mine = ((await callApi('GET', '/duty/slots/mine?limit=500', { token: auth.token })).body as { items: DutySlot[] }).items;
    const coming = mine.filter((slot) => Date.parse(slot.endsAt) > Date.now()).map((slot) => slot.id);
    session.adopt(auth, testApi);
    const el = await fixture<OzDoctorDesk>(html`<oz-doctor-desk section="duty" page-size="2"></oz-doctor-desk>`);
    await waitUntil(() => loadMoreButton(el), 'the schedule did not load');
    expect(slotIds(el), 'the first page only').to.deep.equal(coming.filter((id) => mine.slice(0, 2).some((slot) => slot.id === id)));
    expect(loadMoreName(loadMoreButton(el))).to.equal(`${ru.paging.showMore}: ${desk.slotsTitle}`);
    await expect(el).to.be.accessible();

    await pressWhileFailing(el, '/duty/slots/mine');
    expect(loadMoreName(loadMoreButton(el))).to.equal(ru.paging.retry);
    await pressUntilWhole(el, slotIds);
    expect(slotIds(el), 'every coming slot once, by time').to.deep.equal(coming);
    expect(query(el, '[part~="slots-summary"]').textContent).not.to.contain(desk.slotsSummaryPartial);
  });
});
