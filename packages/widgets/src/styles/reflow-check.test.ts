// The shared reflow check (test/reflow.ts) must catch each way a layout fails at 200 % zoom, or
// the element tests that use it prove nothing.
import { html, LitElement, css } from 'lit';
import { fixture, expect } from '../../test/testing.ts';
import { reflowProblems, mayBreakAnywhere } from '../../test/reflow.ts';

class ReflowProbe extends LitElement {
  static override properties = { markup: { attribute: false } };
  markup = html``;
  static override styles = css`
    :host { display: block; font: 18px/1.5 sans-serif; }
    .nowrap { white-space: nowrap; }
    .clip { overflow: hidden; white-space: nowrap; }
    .row { display: flex; }
    .row > button { flex: 0 0 auto; }
    .squeezed { display: flex; }
    .squeezed > span { flex: 1 0 150px; }
    .squeezed > button { min-width: 0; width: 20px; }
    .hy { hyphens: auto; }
  `;
  override render() {
    return this.markup;
  }
}
customElements.define('reflow-probe', ReflowProbe);

async function probe(markup: unknown) {
  const el = await fixture<ReflowProbe>(html`<div><reflow-probe .markup=${markup}></reflow-probe></div>`);
  return el.querySelector('reflow-probe') as ReflowProbe;
}

describe('reflow check', () => {
  it('passes text that wraps whole words', async () => {
    const el = await probe(html`<p>Запишитесь на консультацию к врачу, выбрав удобное время</p><input value="12">`);
    expect(await reflowProblems(el, { width: 180 })).to.deep.equal([]);
  });

  it('finds a line that does not wrap', async () => {
    const el = await probe(html`<p class="nowrap">Запишитесь на консультацию к врачу</p>`);
    const problems = await reflowProblems(el, { width: 180 });
    expect(problems.join('\n')).to.match(/sticks out: «консультацию»/);
  });

  it('finds clipped text and a scrolling box', async () => {
    const el = await probe(html`<p class="clip">Запишитесь на консультацию к врачу</p>`);
    expect((await reflowProblems(el, { width: 180 })).join('\n')).to.match(/clips: .*p\.clip/);
  });

  it('finds a letter-by-letter button', async () => {
    const el = await probe(html`<div class="squeezed"><span>Подробнее</span><button style="word-break: break-all">Войти</button></div>`);
    expect((await reflowProblems(el, { width: 180 })).join('\n')).to.match(/word broken: «Войти»/);
  });

  it('finds a word broken by overflow-wrap: anywhere', async () => {
    const el = await probe(html`<p style="overflow-wrap: anywhere; width: 100px">Видеоконсультация</p>`);
    expect((await reflowProblems(el, { width: 180 })).join('\n')).to.match(/word broken: «Видеоконсультация»/);
  });

  it('lets e-mails, phones and file names break anywhere', async () => {
    const el = await probe(html`<p style="overflow-wrap: anywhere">ivanova.maria.petrovna@example.com +79001234567 obsledovanie_2026_03.pdf</p>`);
    expect(await reflowProblems(el, { width: 180 })).to.deep.equal([]);
    expect(mayBreakAnywhere('консультацию')).to.equal(false);
    expect(mayBreakAnywhere('анализ.pdf,')).to.equal(true);
    expect(mayBreakAnywhere('+7 900 123-45-67')).to.equal(true);
  });

  it('finds inputs whose value does not fit: a phone, a word of a name, a date', async () => {
    const el = await probe(html`
      <input type="tel" style="width: 100px" value="+7 900 123-45-67">
      <input style="width: 100px" value="Константинопольская Анна">
      <input type="date" style="width: 70px" value="1948-03-08">
    `);
    const problems = (await reflowProblems(el, { width: 180 })).join('\n');
    expect(problems).to.match(/clips: .*input.*\+7 900 123-45-67/);
    expect(problems).to.match(/word cut: .*«Константинопольская»/);
    expect(problems).to.match(/value cut: .*input/);
  });

  it('lets a free-text field scroll a value of several words that each fit', async () => {
    const el = await probe(html`<input style="width: 150px" value="Смирнова Мария Петровна">`);
    expect(await reflowProblems(el, { width: 180 })).to.deep.equal([]);
  });

  it('finds a box wider than the element and an element that does not fill its column', async () => {
    const el = await probe(html`<div style="width: 250px; height: 10px"></div>`);
    expect((await reflowProblems(el, { width: 180 })).join('\n')).to.match(/sticks out: .*div/);
    el.style.width = '100px';
    expect((await reflowProblems(el, { width: 180 })).join('\n')).to.match(/not full width/);
    el.markup = html`<p>Звонок</p>`;
    expect(await reflowProblems(el, { width: 180, fillsWidth: false })).to.deep.equal([]);
  });

  it('puts the column width back', async () => {
    const el = await probe(html`<p>Текст</p>`);
    await reflowProblems(el, { width: 180 });
    expect(el.parentElement!.style.width).to.equal('');
  });

  it('reports whether the browser hyphenates Russian (information for styles)', async () => {
    const el = await probe(html`<p class="hy" lang="ru" style="width: 120px">Видеоконсультация</p>`);
    const p = el.shadowRoot!.querySelector('p')!;
    // With hyphens: auto and a dictionary the word wraps; without one it sticks out of its 120 px.
    console.log('hyphenates ru:', p.scrollWidth <= p.clientWidth, p.scrollWidth);
  });
});
