import { css, html as litHtml } from 'lit';
import { emulateMedia } from '@web/test-runner-commands';
import { tokens } from '../styles/tokens.ts';
import { expect, fixture, html, waitUntil } from '../../test/testing.ts';
import { testApi } from '../../test/api.ts';
import { forgetSession } from '../../test/session.ts';
import { configure, type OzRegister } from '../index.ts';
import { OzElement } from './oz-element.ts';

/** An element on the base class with what the low-vision styles act on: text, buttons, a field, a picture. */
class OzLowVisionProbe extends OzElement {
  static override styles = [
    OzElement.styles,
    css`
      .card {
        box-shadow: 0 6px 24px rgb(0 0 0 / 0.2);
      }

      .muted {
        color: ${tokens.colorTextMuted};
      }

      .moving {
        transition: opacity 1s;
      }

      .chosen {
        background: ${tokens.colorPrimary};
        color: ${tokens.colorOnPrimary};
      }
    `,
  ];

  override render() {
    return litHtml`<div part="base" class="oz-base card">
      <h2>Заголовок</h2>
      <p>Текст записи</p>
      <p class="form-error" role="alert">Ошибка</p>
      <label>Телефон <input aria-invalid="true" /></label>
      <button class="primary">Записаться</button>
      <button class="secondary">Отмена</button>
      <button class="busy" disabled>Ждём</button>
      <img alt="Снимок ЭКГ" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" width="40" height="40" /><p class="img-alt">Снимок ЭКГ</p>
      <video part="local-video preview" muted></video>
      <p class="muted">Подсказка</p>
      <p class="moving">Появляется</p>
      <button class="chosen" aria-pressed="true">Выбрано</button>
    </div>`;
  }
}
OzLowVisionProbe.define('oz-low-vision-probe');

const THEMES = {
  white: ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'],
  black: ['rgb(255, 255, 255)', 'rgb(0, 0, 0)'],
  blue: ['rgb(6, 52, 98)', 'rgb(157, 209, 255)'],
  brown: ['rgb(77, 75, 67)', 'rgb(247, 243, 214)'],
  green: ['rgb(169, 228, 77)', 'rgb(59, 39, 22)'],
} as const;
const DEFAULT_TEXT = 'rgb(27, 31, 36)';
const BVI = ['theme', 'fontsize', 'images', 'lineheight', 'letterspacing', 'fontfamily', 'font'].map((name) => `data-bvi-${name}`);

/** WCAG 2 contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const luminance = (color: string) => {
    const [r, g, bl] = color.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((n) => {
      const c = Number(n) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p);
  return (x! + 0.05) / (y! + 0.05);
}

const inside = (el: Element, selector: string) => getComputedStyle(el.shadowRoot!.querySelector(selector)!);

function markBody(marks: Record<string, string>) {
  for (const [name, value] of Object.entries(marks)) document.body.setAttribute(`data-bvi-${name}`, value);
  document.body.classList.add('bvi-body');
}

describe('low vision («Версия для слабовидящих»)', () => {
  afterEach(() => {
    BVI.forEach((name) => document.body.removeAttribute(name));
    document.body.classList.remove('bvi-body');
    configure({ lowVision: null });
  });

  for (const [theme, [fg, bg]] of Object.entries(THEMES)) {
    for (const size of [24, 32]) {
      it(`follows bvi marks set on <body> after rendering: ${theme}, ${size}px, and back`, async () => {
        const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
        expect(inside(el, 'p').color).to.equal(DEFAULT_TEXT);
        const normalSize = parseFloat(inside(el, 'p').fontSize);

        markBody({ theme, fontsize: String(size), images: 'true', lineheight: 'normal', letterspacing: 'normal' });
        await waitUntil(() => inside(el, 'p').color === fg, `${theme}: the text did not take its colour`);
        expect(el.getAttribute('data-oz-lv-theme')).to.equal(theme);

        const base = inside(el, '.oz-base');
        const primary = inside(el, 'button.primary');
        const secondary = inside(el, 'button.secondary');
        expect([base.backgroundColor, primary.backgroundColor, primary.color, secondary.color, secondary.backgroundColor]).to.deep.equal([bg, fg, bg, fg, bg]);
        for (const [text, background] of [
          [inside(el, 'p').color, base.backgroundColor],
          [inside(el, 'h2').color, base.backgroundColor],
          [primary.color, primary.backgroundColor],
          [secondary.color, secondary.backgroundColor],
          [inside(el, '.form-error').color, inside(el, '.form-error').backgroundColor],
        ]) {
          expect(contrast(text!, background!), `${text} on ${background}`).to.be.at.least(7);
        }
        expect(parseFloat(inside(el, 'p').fontSize)).to.equal(size);
        expect(parseFloat(inside(el, 'h2').fontSize), 'headings are larger').to.be.greaterThan(size);
        expect(base.boxShadow, 'no shadows').to.equal('none');
        // Not told by colour alone: the error box is framed, a busy button dashed and not faded.
        expect(inside(el, '.form-error').borderTopStyle).to.equal('solid');
        expect([inside(el, '.busy').borderTopStyle, inside(el, '.busy').opacity]).to.deep.equal(['dashed', '1']);
        expect(inside(el, 'input').borderTopWidth).to.equal('4px');
        expect(inside(el, 'img').display, 'pictures stay when the site shows them').to.equal('inline');
        expect(inside(el, '.img-alt').display).to.equal('none');
        await expect(el).to.be.accessible();

        BVI.forEach((name) => document.body.removeAttribute(name));
        await waitUntil(() => inside(el, 'p').color === DEFAULT_TEXT, 'the usual colours did not come back');
        expect(parseFloat(inside(el, 'p').fontSize)).to.equal(normalSize);
        expect(el.hasAttribute('data-oz-lv-theme')).to.equal(false);
        expect(inside(el, '.oz-base').boxShadow).not.to.equal('none');
      });
    }
  }

  it('hides pictures and camera previews where the site hides images, their words left visible', async () => {
    const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
    markBody({ theme: 'black', fontsize: '24', images: 'false' });
    await waitUntil(() => inside(el, 'img').display === 'none', 'the picture still shows');
    expect(inside(el, 'video').display).to.equal('none');
    expect(inside(el, '.img-alt').display).to.equal('block');
    expect(el.shadowRoot!.querySelector('.img-alt')!.getBoundingClientRect().height).to.be.greaterThan(0);
    document.body.setAttribute('data-bvi-images', 'true');
    await waitUntil(() => inside(el, 'img').display === 'inline', 'the picture did not come back');
    expect(inside(el, '.img-alt').display).to.equal('none');
  });

  it("greys pictures and the camera preview where the site shows images in greys", async () => {
    const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
    markBody({ theme: 'white', images: 'grayscale' });
    await waitUntil(() => inside(el, 'img').filter === 'grayscale(1)', 'the picture is still in colour');
    expect([inside(el, 'video').filter, inside(el, 'img').display, inside(el, '.img-alt').display]).to.deep.equal(['grayscale(1)', 'inline', 'none']);
    document.body.setAttribute('data-bvi-images', 'true');
    await waitUntil(() => inside(el, 'img').filter === 'none', 'the colours did not come back');
  });

  it("takes bvi's font: a serif or a sans-serif (data-bvi-fontfamily, and the older data-bvi-font)", async () => {
    const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
    const usual = inside(el, 'p').fontFamily;
    markBody({ theme: 'white', fontfamily: 'times' });
    await waitUntil(() => inside(el, 'p').fontFamily.startsWith('"Times New Roman"'), 'the text is not in a serif font');
    expect(inside(el, 'button').fontFamily, 'buttons too').to.equal(inside(el, 'p').fontFamily);
    document.body.removeAttribute('data-bvi-fontfamily');
    document.body.setAttribute('data-bvi-font', 'arial');
    await waitUntil(() => inside(el, 'p').fontFamily.startsWith('Arial'), 'the older mark was not followed');
    document.body.removeAttribute('data-bvi-font');
    await waitUntil(() => inside(el, 'p').fontFamily === usual, 'the usual font did not come back');
  });

  it("takes bvi's line height and letter spacing, and finds marks on any enclosing element", async () => {
    const page = await fixture(html`<div><section><oz-low-vision-probe></oz-low-vision-probe></section></div>`);
    const el = page.querySelector('oz-low-vision-probe')!;
    page.setAttribute('data-bvi-theme', 'blue');
    page.setAttribute('data-bvi-fontsize', '20');
    page.setAttribute('data-bvi-lineheight', 'big');
    page.setAttribute('data-bvi-letterspacing', 'average');
    await waitUntil(() => inside(el, 'p').color === THEMES.blue[0]);
    expect(parseFloat(inside(el, 'p').lineHeight)).to.equal(50);
    expect(parseFloat(inside(el, 'p').letterSpacing)).to.equal(2);
    expect(parseFloat(inside(el, 'button').letterSpacing), 'buttons too').to.equal(2);
  });

  it('never goes below 16px, and the reader’s colours win over the page’s --oz-* on the element', async () => {
    const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe style="--oz-color-text: pink; --oz-color-primary: pink"></oz-low-vision-probe>`);
    expect(inside(el, 'p').color).to.equal('rgb(255, 192, 203)');
    markBody({ theme: 'black', fontsize: '12' });
    await waitUntil(() => inside(el, 'p').color === THEMES.black[0]);
    expect(inside(el, 'button.primary').backgroundColor).to.equal(THEMES.black[0]);
    expect(parseFloat(inside(el, 'p').fontSize)).to.equal(16);
  });

  it('the element attribute wins over configure(), which wins over the bvi marks; null turns configure off', async () => {
    const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
    markBody({ theme: 'white', fontsize: '20' });
    await waitUntil(() => inside(el, 'p').color === THEMES.white[0]);

    configure({ lowVision: { theme: 'green', fontSize: 28, images: false } });
    await waitUntil(() => inside(el, 'p').color === THEMES.green[0], 'configure() did not win over bvi');
    expect(parseFloat(inside(el, 'p').fontSize)).to.equal(28);
    expect(inside(el, 'img').display).to.equal('none');

    el.setAttribute('low-vision', 'brown');
    el.setAttribute('low-vision-size', '22');
    await waitUntil(() => inside(el, 'p').color === THEMES.brown[0], 'the attribute did not win over configure()');
    expect(parseFloat(inside(el, 'p').fontSize)).to.equal(22);
    expect(inside(el, 'img').display).to.equal('inline');

    el.setAttribute('low-vision', 'off');
    await waitUntil(() => inside(el, 'p').color === DEFAULT_TEXT, 'low-vision="off" did not turn it off here');

    el.removeAttribute('low-vision');
    await waitUntil(() => inside(el, 'p').color === THEMES.green[0]);
    configure({ lowVision: null });
    await waitUntil(() => inside(el, 'p').color === THEMES.white[0], 'configure null did not hand back to bvi');
    BVI.forEach((name) => document.body.removeAttribute(name));
    await waitUntil(() => inside(el, 'p').color === DEFAULT_TEXT);
  });

  it('an element inside another shadow root follows the low-vision attribute of the element around it', async () => {
    const outer = await fixture<HTMLElement>(html`<div></div>`);
    const inner = document.createElement('oz-low-vision-probe') as OzLowVisionProbe;
    outer.attachShadow({ mode: 'open' }).append(inner);
    await inner.updateComplete;
    outer.setAttribute('low-vision', 'blue');
    await waitUntil(() => inside(inner, 'p').color === THEMES.blue[0], 'the inner element did not follow');
    outer.setAttribute('low-vision', 'off');
    await waitUntil(() => inside(inner, 'p').color === DEFAULT_TEXT);
  });

  it('an empty low-vision attribute means the white theme, set before the element renders', async () => {
    const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe low-vision low-vision-size="26"></oz-low-vision-probe>`);
    await waitUntil(() => inside(el, 'p').color === THEMES.white[0]);
    expect(parseFloat(inside(el, 'p').fontSize)).to.equal(26);
  });

  describe('the system settings', () => {
    afterEach(() => emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'none', contrast: 'no-preference' } as never));

    it('more contrast: grey text takes the text colour', async () => {
      const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
      expect(inside(el, '.muted').color).to.equal('rgb(74, 85, 99)');
      await emulateMedia({ contrast: 'more' } as never);
      expect(matchMedia('(prefers-contrast: more)').matches, 'the browser takes the emulation').to.equal(true);
      expect(inside(el, '.muted').color).to.equal(DEFAULT_TEXT);
    });

    it('forced colours: the chosen button is filled with Highlight, the focus ring too', async () => {
      const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
      const swatch = await fixture<HTMLElement>(html`<div style="background: Highlight; color: HighlightText"></div>`);
      await emulateMedia({ forcedColors: 'active' });
      const chosen = inside(el, '.chosen');
      expect(chosen.backgroundColor).to.equal(getComputedStyle(swatch).backgroundColor);
      expect(chosen.color).to.equal(getComputedStyle(swatch).color);
      el.shadowRoot!.querySelector<HTMLElement>('button.primary')!.focus({ focusVisible: true } as FocusOptions);
      expect(inside(el, 'button.primary:focus').outlineColor).to.equal(getComputedStyle(swatch).backgroundColor);
    });

    it('less motion: no transitions', async () => {
      const el = await fixture<OzLowVisionProbe>(html`<oz-low-vision-probe></oz-low-vision-probe>`);
      expect(inside(el, '.moving').transitionDuration).to.equal('1s');
      await emulateMedia({ reducedMotion: 'reduce' });
      expect(inside(el, '.moving').transitionDuration).to.equal('0s');
    });
  });

  describe('a real element: <oz-register>', () => {
    before(() => configure({ api: testApi, lang: 'ru' }));
    beforeEach(forgetSession);

    it('takes the black theme and 28px live, stays accessible and within a 360-px phone', async () => {
      const page = await fixture(html`<div style="width: 328px"><oz-register></oz-register></div>`);
      const el = page.querySelector<OzRegister>('oz-register')!;
      await waitUntil(() => el.shadowRoot!.querySelector('button[type="submit"]'), 'the sign-in form did not render');
      markBody({ theme: 'black', fontsize: '28', images: 'false' });
      await waitUntil(() => inside(el, 'button[type="submit"]').color === THEMES.black[1], 'the submit button did not take the theme');
      const submit = inside(el, 'button[type="submit"]');
      expect(submit.backgroundColor).to.equal(THEMES.black[0]);
      expect(contrast(submit.color, submit.backgroundColor)).to.be.at.least(7);
      expect(parseFloat(inside(el, 'label').fontSize)).to.be.at.least(28);
      expect(parseFloat(inside(el, 'h2').fontSize)).to.be.greaterThan(28);
      const base = el.shadowRoot!.querySelector('[part~="base"]')!;
      expect(base.scrollWidth, 'no sideways scroll').to.be.at.most(base.clientWidth);
      await expect(el).to.be.accessible();
    });
  });
});
