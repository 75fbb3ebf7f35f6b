// The build's CSS minifier (scripts/vite-minify-css.ts): what it rewrites, what it must leave as
// written, and, in Chromium, that every stylesheet of the widgets parses to the same rules after it.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from './find-chromium.mjs';
import { classifySlots, cssTemplateStrings, minifyCssTemplates } from './vite-minify-css.ts';

const module = (body: string) => `import { css, html } from 'lit';\nimport { tokens } from './tokens.ts';\n${body}\n`;

describe('minifyCssTemplates', () => {
  test('minifies a css template and puts every expression back where it stood', () => {
    const code = module(`export const styles = css\`
  /* a comment */
  .a {
    color: \${tokens.colorText};
    margin: 0 0 \${tokens.spacing};
    width: calc(100vw - 2 * \${tokens.spacing});
  }

  .hidden {
    display: block;
    \${visuallyHidden}
  }

  @media (max-width: 315px) {
    .a { padding: \${tokens.spacingSmall} 4px; }
  }
\`;`);
    const result = minifyCssTemplates(code, '/x/styles.ts')!;
    assert.deepEqual(result.skipped, []);
    assert.ok(result.changed);
    assert.match(
      result.code,
      /css`\.a\{color:\$\{tokens\.colorText\};margin:0 0 \$\{tokens\.spacing\};width:calc\(100vw - 2 \* \$\{tokens\.spacing\}\)\}\.hidden\{display:block;\$\{visuallyHidden\}\}@media \(max-width:315px\)\{\.a\{padding:\$\{tokens\.spacingSmall\} 4px\}\}`/,
    );
  });

  test('never touches html templates, other tags, or a css that is not Lit’s', () => {
    const litHtml = module('export const view = html`<fieldset>\n  <legend>  Имя  </legend>\n</fieldset>`;\nexport const note = String.raw`a {  color: red  }`;');
    assert.equal(minifyCssTemplates(litHtml, '/x/a.ts'), null);
    const foreign = "import { css } from './my-css.ts';\nexport const s = css`a {  color: red;  }`;\n";
    assert.equal(minifyCssTemplates(foreign, '/x/b.ts'), null);
    const renamed = "import { css as style } from 'lit';\nexport const s = style`a {  color: red;  }`;\n";
    assert.match(minifyCssTemplates(renamed, '/x/c.ts')!.code, /style`a\{color:red\}`/);
  });

  test('minifies the loader’s cssText, which runs before Lit has arrived, and no other tag of that name', () => {
    const loader = "import { cssText } from './css-text.ts';\nexport const s = cssText`\n  :host { display: block; }\n  p {  margin: 0;  }\n`;\n";
    assert.match(minifyCssTemplates(loader, '/x/loading-placeholder.ts')!.code, /cssText`:host\{display:block\}p\{margin:0\}`/);
    const elsewhere = "import { cssText } from './strings.ts';\nexport const s = cssText`p {  margin: 0;  }`;\n";
    assert.equal(minifyCssTemplates(elsewhere, '/x/a.ts'), null);
  });

  test('leaves value fragments and declaration lists as written, silently', () => {
    const code = module("export const radius = css`var(--oz-radius, 8px)`;\nexport const hidden = css`\n  position: absolute;\n  width: 1px;\n`;");
    const result = minifyCssTemplates(code, '/x/tokens.ts')!;
    assert.equal(result.code, code);
    assert.deepEqual(result.skipped, []);
  });

  test('leaves a template as written and says why when an expression stands in a selector, a string or a url', () => {
    for (const body of [
      'css`.a-${name} { color: red; }`',
      'css`.a { content: "${word}"; }`',
      'css`.a { background: url(${image}); }`',
      'css`@media (max-width: ${width}) { .a { color: red; } }`',
      'css`.a { ${property}: red; }`',
    ]) {
      const code = module(`export const s = ${body};`);
      const result = minifyCssTemplates(code, '/x/s.ts')!;
      assert.equal(result.code, code, body);
      assert.equal(result.skipped.length, 1, body);
      assert.match(result.skipped[0]!, /^line 3: /);
    }
  });

  test('says so when the module itself does not parse', () => {
    const code = module('export const s = css`.a { color: red; }`;\nexport const = ;');
    const result = minifyCssTemplates(code, '/x/s.ts')!;
    assert.equal(result.code, code);
    assert.deepEqual(result.skipped, ['the module does not parse']);
  });

  test('leaves a template lightningcss cannot parse as written', () => {
    const code = module('export const s = css`.a { color: red; ');
    assert.equal(minifyCssTemplates(code + '`;', '/x/s.ts')?.code, code + '`;');
    const broken = module('export const s = css`.a { color: red; } }`;');
    const result = minifyCssTemplates(broken, '/x/s.ts')!;
    assert.equal(result.code, broken);
    assert.equal(result.skipped.length, 1);
  });

  test('does not merge declarations across an expression that holds declarations', () => {
    // A custom property as placeholder would let lightningcss fold `margin-top` into `margin` before it.
    const code = module('export const s = css`.a {\n  margin: 0;\n  ${extra}\n  margin-top: 1px;\n}`;');
    assert.match(minifyCssTemplates(code, '/x/s.ts')!.code, /css`\.a\{margin:0;\$\{extra\}margin-top:1px\}`/);
  });

  test('keeps what the targets need and adds no prefixes', () => {
    const code = module(
      'export const s = css`.a { hyphens: auto; width: fit-content; -webkit-appearance: none; appearance: none; color: red; color: oklch(50% 0.1 200); } @media (max-width: 300px) { .a { inset-inline-start: 0; } } :host(:focus-visible) ::slotted(p) { color: red; }`;',
    );
    const out = minifyCssTemplates(code, '/x/s.ts')!.code;
    const rule = /\.a\{([^}]*)\}/.exec(out)![1]!.split(';');
    assert.deepEqual([...rule].sort(), ['-webkit-appearance:none', 'appearance:none', 'color:oklch(50% .1 200)', 'color:red', 'hyphens:auto', 'width:fit-content']);
    assert.ok(rule.indexOf('color:red') < rule.indexOf('color:oklch(50% .1 200)'));
    assert.match(out, /@media \(max-width:300px\)\{\.a\{inset-inline-start:0\}\}:host\(:focus-visible\) ::slotted\(p\)\{color:red\}/);
  });

  test('escapes what a template literal cannot hold as it is', () => {
    const tick = '`';
    const code = module(`export const s = css${tick}.a::before { content: "\\\\2014 \\${tick}"; } .b { color: red; }${tick};`);
    const result = minifyCssTemplates(code, '/x/s.ts')!;
    const original = cssTemplateStrings(code, '/x/s.ts')[0]![0]!;
    const minified = cssTemplateStrings(result.code, '/x/s.ts')[0]![0]!;
    assert.match(minified, /content:"—`"/);
    assert.match(original, /content: "\\2014 `"/);
  });

  test('maps code after a template back to its own line', () => {
    const code = module('export const s = css`\n  .a {\n    color: red;\n  }\n`;\nexport const marker = 1;');
    const result = minifyCssTemplates(code, '/x/s.ts')!;
    const generatedLine = result.code.split('\n').findIndex((line) => line.includes('marker'));
    const originalLine = code.split('\n').findIndex((line) => line.includes('marker'));
    const segments = decodeMappings(result.map.mappings);
    assert.deepEqual(segments[generatedLine]![0], { column: 0, sourceLine: originalLine, sourceColumn: 0 });
  });
});

describe('the widgets’ own stylesheets', () => {
  const files = widgetSources();

  test('every stylesheet template minifies (none left as written)', () => {
    let changed = 0;
    for (const file of files) {
      const result = minifyCssTemplates(readFileSync(file, 'utf8'), file);
      if (!result) continue;
      assert.deepEqual(result.skipped, [], file);
      if (result.changed) changed += 1;
    }
    assert.ok(changed >= 15, `only ${changed} modules changed`);
  });

  let browser: Browser;
  let page: Page;
  before(async () => {
    browser = await chromium.launch({ executablePath: findChromium({ install: false }), headless: true, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    // tsx keeps function names through a `__name` helper, which the functions run in the page call.
    await page.evaluate('globalThis.__name = (fn) => fn');
  });
  after(async () => {
    await browser?.close();
  });

  test('Chromium reads the same rules from each stylesheet before and after', async () => {
    let compared = 0;
    for (const file of files) {
      const code = readFileSync(file, 'utf8');
      const result = minifyCssTemplates(code, file);
      if (!result?.changed) continue;
      const originals = cssTemplateStrings(code, file);
      const minifieds = cssTemplateStrings(result.code, file);
      assert.equal(minifieds.length, originals.length, file);
      for (const [index, original] of originals.entries()) {
        const minified = minifieds[index]!;
        const slots = classifySlots(original as string[]);
        if (typeof slots === 'string' || !original.join('').includes('{')) continue;
        assert.equal(minified.length, original.length, `${file} #${index}`);
        const before = await cssom(page, fill(original as string[], slots));
        const after = await cssom(page, fill(minified as string[], slots));
        assert.deepEqual(after, before, `${file}, template #${index}`);
        compared += 1;
      }
    }
    assert.ok(compared >= 20, `only ${compared} stylesheets compared`);
  });
});

/** The widgets' TypeScript sources that Lit styles (and the loader's cssText) live in. */
function widgetSources(): string[] {
  const root = 'packages/widgets/src';
  return (readdirSync(root, { recursive: true }) as string[])
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.test.ts'))
    .map((name) => join(root, name))
    .filter((file) => /\b(css|cssText)`/.test(readFileSync(file, 'utf8')));
}

/**
 * Stand-ins for the expressions: a distinct var() per value, and for whole declarations a set
 * that overlaps what rules around them set, so a declaration moved past one changes the result.
 */
function fill(strings: string[], slots: string[]): string {
  const declarations =
    'position: absolute; width: 1px; height: 1px; margin: 1px; padding: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; color: rgb(1, 2, 3); background: rgb(1, 2, 3); border: 1px solid rgb(1, 2, 3); display: block; font-size: 1px; gap: 1px; min-height: 1px;';
  return strings.reduce((css, text, index) => {
    const slot = slots[index];
    return css + text + (slot === undefined ? '' : slot === 'value' ? `var(--oz-test-${index})` : declarations);
  }, '');
}

interface RuleDump {
  kind: string;
  head: string;
  declarations: string[];
  children: RuleDump[];
}

/** The rules Chromium reads from a stylesheet: each rule's head and its declarations as a set. */
async function cssom(page: Page, text: string): Promise<RuleDump[]> {
  return page.evaluate((css) => {
    // Values as computed on a probe's ::before (where every property applies, `content` too):
    // lightningcss may write `transparent` as `#0000` or a string in other quotes.
    const probe = document.body.appendChild(document.createElement('div'));
    const probeSheet = new CSSStyleSheet();
    document.adoptedStyleSheets = [probeSheet];
    const computed = (name: string, value: string): string => {
      probeSheet.replaceSync(`div::before { ${name}: ${value} }`);
      const result = getComputedStyle(probe, '::before').getPropertyValue(name);
      // `background: transparent` comes out as `background:0 0`: an offset of 0 % is 0 px, always.
      return /^background-position-[xy]$/.test(name) && result === '0%' ? '0px' : result;
    };
    const style = (declarations: CSSStyleDeclaration): string[] => {
      const out = new Set<string>();
      for (let i = 0; i < declarations.length; i += 1) {
        const name = declarations.item(i);
        const value = declarations.getPropertyValue(name);
        // A shorthand with var() leaves its longhands empty until computed: cssText holds it.
        if (value !== '') out.add(`${name}: ${computed(name, value)}${declarations.getPropertyPriority(name) ? ' !important' : ''}`);
      }
      // With var() the text is all there is to compare; a space after a comma means nothing there.
      for (const part of declarations.cssText.split(/;\s*(?![^(]*\))/)) if (part.includes('var(')) out.add(part.trim().replace(/\s*,\s*/g, ','));
      return [...out].sort();
    };
    // `max-width: X` and `width <= X` are one container query; lightningcss writes the shorter.
    const query = (text: string) =>
      text.replace(/\((min|max)-(width|height): ([^)]+)\)/g, (_, bound: string, axis: string, size: string) => `(${axis} ${bound === 'min' ? '>=' : '<='} ${size})`);
    const dump = (rules: CSSRuleList): RuleDump[] =>
      [...rules].map((rule) => {
        const children = 'cssRules' in rule ? dump((rule as CSSGroupingRule).cssRules) : [];
        if (rule instanceof CSSStyleRule) return { kind: 'style', head: rule.selectorText, declarations: style(rule.style), children };
        if (rule instanceof CSSMediaRule) return { kind: 'media', head: rule.media.mediaText, declarations: [], children };
        if (rule instanceof CSSContainerRule) return { kind: 'container', head: `${rule.containerName} ${query(rule.containerQuery)}`, declarations: [], children };
        if (rule instanceof CSSSupportsRule) return { kind: 'supports', head: rule.conditionText, declarations: [], children };
        if (rule instanceof CSSKeyframesRule) return { kind: 'keyframes', head: rule.name, declarations: [], children };
        if (rule instanceof CSSKeyframeRule) return { kind: 'keyframe', head: rule.keyText, declarations: style(rule.style), children };
        return { kind: rule.constructor.name, head: rule.cssText, declarations: [], children };
      });
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return dump(sheet.cssRules);
  }, text);
}

/** Source map v3 mappings decoded to the segments of each generated line (one source, no names). */
function decodeMappings(mappings: string): Array<Array<{ column: number; sourceLine: number; sourceColumn: number }>> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let sourceLine = 0;
  let sourceColumn = 0;
  return mappings.split(';').map((line) => {
    let column = 0;
    return line
      .split(',')
      .filter(Boolean)
      .map((segment) => {
        const values: number[] = [];
        let value = 0;
        let shift = 0;
        for (const char of segment) {
          const digit = alphabet.indexOf(char);
          value += (digit & 31) << shift;
          if (digit & 32) shift += 5;
          else {
            values.push(value & 1 ? -(value >>> 1) : value >>> 1);
            value = 0;
            shift = 0;
          }
        }
        column += values[0]!;
        sourceLine += values[2]!;
        sourceColumn += values[3]!;
        return { column, sourceLine, sourceColumn };
      });
  });
}
