import { Features, transform as lightningcss } from 'lightningcss';
import { parseSync, Visitor, type ESTree, type Plugin } from 'vite';

/**
 * Minifies the CSS inside Lit's `css` tagged templates (and the loader's `cssText`) at build time (issue 12: portal.html's
 * scripts 61.9 → 58.3 kB gzip on 2026-12-05). CSS only: `html` templates are never touched (a whole-
 * template minifier once changed how the forms render). A template that cannot be minified with
 * certainty stays exactly as written; the build then says which file, once.
 *
 * Each `${…}` becomes a placeholder that is valid CSS where it stands, lightningcss minifies, and
 * the placeholders turn back into the same expressions; every placeholder must come back exactly
 * once, in order, or the template stays as written.
 */
export function minifyCss(): Plugin {
  return {
    name: 'oz-minify-css',
    apply: 'build',
    transform: {
      filter: { id: /packages\/widgets\/src\/.*\.ts$/, code: 'css' },
      handler(code, id) {
        const result = minifyCssTemplates(code, id);
        if (!result) return null;
        if (result.skipped.length > 0) {
          this.warn(`CSS left unminified in ${id} (${result.skipped.join('; ')})`);
        }
        if (!result.changed) return null;
        return { code: result.code, map: result.map };
      },
    },
  };
}

/** What `minifyCssTemplates` made of a module: its code, a source map, and what it left as written. */
export interface MinifiedModule {
  code: string;
  map: SourceMapV3;
  changed: boolean;
  /** Why each template that looked like CSS was left as written, with its line. */
  skipped: string[];
}

interface SourceMapV3 {
  version: 3;
  sources: string[];
  sourcesContent: string[];
  names: string[];
  mappings: string;
}

/** The browsers whose CSS the minifier may rely on: those of ES2022 (the bundle's own target). */
const TARGETS = { chrome: 94 << 16, firefox: 93 << 16, safari: 15 << 16 };
/**
 * Nothing is compiled down or prefixed: minification must keep meaning, not translate it (a
 * `-webkit-hyphens` added for Safari 16 would hyphenate there as nothing did before). Media range
 * and colour notations stay allowed: lightningcss reads `max-width` and `rgba()` into one form and
 * prints it in the notation the targets know, so excluding those would print `(width<=…)`.
 */
const KEEP_AS_WRITTEN =
  Features.Nesting |
  Features.Selectors |
  Features.TextDecorationThicknessPercent |
  Features.CustomMediaQueries |
  Features.ClampFunction |
  Features.ColorFunction |
  Features.OklabColors |
  Features.LabColors |
  Features.P3Colors |
  Features.FontFamilySystemUi |
  Features.DoublePositionGradients |
  Features.VendorPrefixes |
  Features.LogicalProperties |
  Features.LightDark;

/** The modules Lit's `css` tag is imported from. */
const LIT_MODULES = new Set(['lit', 'lit-element', '@lit/reactive-element', '@lit/reactive-element/css-tag.js', 'lit-element/lit-element.js']);

/** Minifies every Lit `css` template of one module's source; null when it has none. */
export function minifyCssTemplates(code: string, id: string): MinifiedModule | null {
  const templates = litCssTemplates(code, id);
  if (templates === 'unparsable') {
    return /\bcss\s*`/.test(code) ? { code, map: identityMap(code, id), changed: false, skipped: ['the module does not parse'] } : null;
  }
  if (templates.length === 0) return null;

  const edits: Edit[] = [];
  const skipped: string[] = [];
  for (const template of templates) {
    const outcome = minifyTemplate(code, template);
    if (typeof outcome === 'string') {
      if (outcome !== NOT_A_STYLESHEET) skipped.push(`line ${lineOf(code, template.start)}: ${outcome}`);
    } else {
      edits.push(...outcome);
    }
  }
  const { text, mappings } = applyEdits(code, edits);
  return { code: text, map: sourceMap(code, id, mappings), changed: edits.length > 0, skipped };
}

function sourceMap(code: string, id: string, mappings: string): SourceMapV3 {
  return { version: 3, sources: [id], sourcesContent: [code], names: [], mappings };
}

function identityMap(code: string, id: string): SourceMapV3 {
  return sourceMap(code, id, applyEdits(code, []).mappings);
}

/** The cooked strings of each Lit `css` template in a module, in source order (for tests). */
export function cssTemplateStrings(code: string, id: string): Array<Array<string | null>> {
  const templates = litCssTemplates(code, id);
  if (templates === 'unparsable') throw new Error(`${id} does not parse`);
  return templates.map((template) => template.quasis.map((quasi) => quasi.value.cooked ?? null));
}

/** The templates tagged with `css` as imported from Lit. */
function litCssTemplates(code: string, id: string): ESTree.TemplateLiteral[] | 'unparsable' {
  const parsed = parseSync(id, code);
  if (parsed.errors.length > 0) return 'unparsable';
  const tags = cssTagNames(parsed.program);
  if (tags.size === 0) return [];
  const templates: ESTree.TemplateLiteral[] = [];
  new Visitor({
    TaggedTemplateExpression(node) {
      if (node.tag.type === 'Identifier' && tags.has(node.tag.name) && !node.typeArguments) templates.push(node.quasi);
    },
  }).visit(parsed.program);
  return templates;
}

/** The widgets' own tag for a style sheet's text where Lit is not loaded yet (packages/widgets/src/internal/css-text.ts). */
const CSS_TEXT_MODULE = /(^|\/)css-text\.ts$/;

/** The local names under which this module imports `css` from Lit, or `cssText` from css-text.ts. */
function cssTagNames(program: ESTree.Program): Set<string> {
  const names = new Set<string>();
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    const tag = LIT_MODULES.has(statement.source.value) ? 'css' : CSS_TEXT_MODULE.test(statement.source.value) ? 'cssText' : undefined;
    if (!tag) continue;
    for (const specifier of statement.specifiers) {
      if (specifier.type !== 'ImportSpecifier') continue;
      const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
      if (imported === tag) names.add(specifier.local.name);
    }
  }
  return names;
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/** A template that is a value (`var(--x, 1px)`) or a bare declaration list: nothing worth the risk. */
const NOT_A_STYLESHEET = 'not a stylesheet';

/** The edits (one per quasi) that minify one template, or why it stays as written. */
function minifyTemplate(code: string, template: ESTree.TemplateLiteral): Edit[] | string {
  const strings: string[] = [];
  const spans: Array<{ start: number; end: number }> = [];
  for (const quasi of template.quasis) {
    // An invalid escape leaves `cooked` null: Lit would see `undefined`, so nothing to keep.
    if (quasi.value.cooked == null) return 'a quasi with an invalid escape';
    // oxc's span of a quasi takes in its delimiters: the opening ` or }, the closing ` or ${.
    const span = { start: quasi.start + 1, end: quasi.end - (quasi.tail ? 1 : 2) };
    if (code.slice(span.start, span.end) !== quasi.value.raw) return 'unexpected quasi offsets';
    spans.push(span);
    strings.push(quasi.value.cooked);
  }
  const whole = strings.join('');
  if (!whole.includes('{')) return NOT_A_STYLESHEET;

  const slots = classifySlots(strings);
  if (typeof slots === 'string') return slots;
  const placeholders = slots.map((kind, index) => placeholder(kind, index));
  const source = strings.reduce((css, text, index) => css + text + (placeholders[index] ?? ''), '');
  if (placeholders.some((marker) => source.split(marker).length !== 2)) return 'a placeholder already in the CSS';

  let minified: string;
  try {
    const result = lightningcss({
      filename: 'template.css',
      code: Buffer.from(source),
      minify: true,
      errorRecovery: false,
      targets: TARGETS,
      exclude: KEEP_AS_WRITTEN,
    });
    // Our own placeholders are the only unknown at-rules it may warn about.
    const warning = result.warnings.find((item) => !/^Unknown at rule: @oz-minify-placeholder-\d+$/.test(item.message));
    if (warning) return `lightningcss: ${warning.message}`;
    minified = result.code.toString();
  } catch (error) {
    return `lightningcss: ${(error as Error).message}`;
  }

  // Every placeholder exactly once and in its order, or the minifier moved or copied something.
  const pieces: string[] = [];
  let rest = minified;
  for (const marker of placeholders) {
    const parts = rest.split(marker);
    if (parts.length !== 2) return `placeholder ${marker} came back ${parts.length - 1} times`;
    pieces.push(parts[0]!);
    rest = parts[1]!;
  }
  pieces.push(rest);
  return spans.map((span, index) => ({ ...span, text: escapeRaw(pieces[index]!) }));
}

export type Slot = 'value' | 'statement';

/**
 * Where each `${…}` stands: inside a declaration's value, or in place of whole declarations or
 * rules. Anything else (a selector, a property name, a string, a url) makes the template stay.
 */
export function classifySlots(strings: string[]): Slot[] | string {
  const slots: Slot[] = [];
  // Per open block: does it hold declarations (a style rule) or rules (the sheet, @media, …)?
  const blocks: Array<'declarations' | 'rules'> = ['rules'];
  let prelude = ''; // the text since the last `{`, `}` or `;` outside comments and strings
  let parens: string[] = []; // the functions open inside the current declaration
  for (let index = 0; index < strings.length; index += 1) {
    const text = strings[index]!;
    let i = 0;
    while (i < text.length) {
      const char = text[i]!;
      if (char === '/' && text[i + 1] === '*') {
        const close = text.indexOf('*/', i + 2);
        if (close < 0) return 'an interpolation inside a comment';
        i = close + 2;
        continue;
      }
      if (char === '"' || char === "'") {
        let j = i + 1;
        while (j < text.length && text[j] !== char) j += text[j] === '\\' ? 2 : 1;
        if (j >= text.length) return 'an interpolation inside a string';
        prelude += text.slice(i, j + 1);
        i = j + 1;
        continue;
      }
      if (char === '\\') {
        prelude += text.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (char === '(') parens.push(/([-\w]*)$/.exec(prelude)![1]!.toLowerCase());
      else if (char === ')') parens.pop();
      if (parens.length === 0 && (char === '{' || char === '}' || char === ';')) {
        if (char === '{') blocks.push(holdsRules(blocks.at(-1)!, prelude) ? 'rules' : 'declarations');
        if (char === '}') blocks.pop();
        if (blocks.length === 0) return 'an unbalanced }';
        prelude = '';
        parens = [];
      } else {
        prelude += char;
      }
      i += 1;
    }
    if (index === strings.length - 1) break;

    // Now at the interpolation after `text`.
    if (parens.includes('url')) return 'an interpolation inside url()';
    const next = strings[index + 1]!;
    const standsAlone = prelude.trim() === '' && /^[ \t]*(?:$|[\n\r;}])/.test(next);
    const declaration = /^\s*-{0,2}[a-zA-Z][-\w]*\s*:/.exec(prelude);
    if (standsAlone) slots.push('statement');
    else if (blocks.at(-1) === 'declarations' && declaration) slots.push('value');
    else return 'an interpolation outside a value or a statement';
    prelude += 'x'; // the expression's own text takes the place of a value token
  }
  if (blocks.length !== 1) return 'unbalanced braces';
  return slots;
}

/** Whether a block opened by `prelude` inside a block of `parent` kind holds rules. */
function holdsRules(parent: 'declarations' | 'rules', prelude: string): boolean {
  const atRule = /^\s*@([-\w]+)/.exec(prelude)?.[1]?.toLowerCase();
  if (parent === 'declarations') return false; // nested rules and @media inside a style rule hold declarations
  return atRule === undefined ? false : ['media', 'supports', 'container', 'layer', 'scope', 'document', 'starting-style'].includes(atRule);
}

/**
 * A placeholder lightningcss keeps as an opaque unit in place: `var(--…)` inside a value (a value
 * with var() is kept as its tokens), an unknown at-rule for whole declarations or rules (it stays
 * where it is and nothing merges across it; a custom property would be moved past other declarations).
 */
function placeholder(kind: Slot, index: number): string {
  return kind === 'value' ? `var(--oz-minify-placeholder-${index})` : `@oz-minify-placeholder-${index};`;
}

/** Cooked text back to a template literal's raw text that cooks to the same string. */
function escapeRaw(cooked: string): string {
  return cooked.replace(/\\|`|\$\{/g, (match) => `\\${match}`).replace(/\r/g, '\\r');
}

function lineOf(code: string, offset: number): number {
  let line = 1;
  for (let i = code.indexOf('\n'); i >= 0 && i < offset; i = code.indexOf('\n', i + 1)) line += 1;
  return line;
}

/**
 * Applies sorted, disjoint edits and builds the source map: each unchanged line maps to itself
 * from its start and after every edit; a replaced span maps to where it began.
 */
function applyEdits(code: string, edits: Edit[]): { text: string; mappings: string } {
  edits.sort((a, b) => a.start - b.start);
  const out: string[] = [];
  const map = new MappingsBuilder();
  let position = 0;
  let line = 0;
  let column = 0;
  const original = offsetToLineColumn(code);
  const emitOriginal = (from: number, to: number) => {
    // Unchanged text: a segment at its start and at every line start.
    for (let i = from; i < to; ) {
      const [originalLine, originalColumn] = original(i);
      map.add(line, column, originalLine, originalColumn);
      const newline = code.indexOf('\n', i);
      if (newline < 0 || newline >= to) {
        column += to - i;
        break;
      }
      line += 1;
      column = 0;
      i = newline + 1;
    }
    out.push(code.slice(from, to));
  };
  for (const edit of edits) {
    if (edit.start < position) throw new Error('overlapping CSS template edits');
    emitOriginal(position, edit.start);
    const [originalLine, originalColumn] = original(edit.start);
    map.add(line, column, originalLine, originalColumn);
    const lines = edit.text.split('\n');
    line += lines.length - 1;
    column = lines.length > 1 ? lines.at(-1)!.length : column + edit.text.length;
    out.push(edit.text);
    position = edit.end;
  }
  emitOriginal(position, code.length);
  return { text: out.join(''), mappings: map.toString() };
}

function offsetToLineColumn(code: string): (offset: number) => [number, number] {
  const lineStarts = [0];
  for (let i = code.indexOf('\n'); i >= 0; i = code.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (lineStarts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return [low, offset - lineStarts[low]!];
  };
}

/** Source map v3 `mappings` for one source, segments added in generated order. */
class MappingsBuilder {
  #lines: string[][] = [];
  #previous = { column: 0, sourceLine: 0, sourceColumn: 0 };
  #currentLine = -1;

  add(line: number, column: number, sourceLine: number, sourceColumn: number): void {
    while (this.#lines.length <= line) this.#lines.push([]);
    if (line !== this.#currentLine) {
      this.#currentLine = line;
      this.#previous.column = 0;
    }
    const segment =
      vlq(column - this.#previous.column) + vlq(0) + vlq(sourceLine - this.#previous.sourceLine) + vlq(sourceColumn - this.#previous.sourceColumn);
    this.#lines[line]!.push(segment);
    this.#previous = { column, sourceLine, sourceColumn };
  }

  toString(): string {
    return this.#lines.map((segments) => segments.join(',')).join(';');
  }
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function vlq(value: number): string {
  let rest = value < 0 ? (-value << 1) | 1 : value << 1;
  let encoded = '';
  do {
    let digit = rest & 31;
    rest >>>= 5;
    if (rest > 0) digit |= 32;
    encoded += BASE64[digit];
  } while (rest > 0);
  return encoded;
}
