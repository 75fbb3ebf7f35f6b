// Accessible names without stray spaces (issue 11: «Открыть заявку : …» in a screen reader).
//
// Chromium builds a name from a control's content and puts a space around every child that is not
// laid out inline: a block, an inline-block, and anything absolutely positioned, such as the
// `.visually-hidden` span. So `Открыть заявку<span class="visually-hidden">: Иванов</span>` is
// heard as «Открыть заявку : Иванов», what the eye never sees. Tests cannot read Chromium's
// accessibility tree here (the Playwright launcher no longer offers its snapshot), and axe joins
// such text without the space, so this applies that one rule itself; checked against Chromium's
// own tree (CDP Accessibility.getFullAXTree) for block, inline-block, absolute and fixed children.
import { expect } from './testing.ts';

/** What sounds wrong in a name: doubled spaces, a space before punctuation or after an opening bracket, edges. */
export function nameProblem(name: string): string | undefined {
  if (/\s{2,}/.test(name)) return 'two or more spaces in a row';
  if (/\s[:;,.!?)»]/.test(name)) return 'a space before punctuation';
  if (/[(«]\s/.test(name)) return 'a space after an opening bracket or quote';
  if (name !== name.trim()) return 'a space at the start or end';
  return undefined;
}

/** Controls whose name comes from their content when they have no aria-label(ledby). */
const NAMED_BY_CONTENT = 'button, a[href], h1, h2, h3, h4, h5, h6, summary, [role="button"], [role="link"], [role="tab"], legend, label';

/** The name Chromium gives `el`: aria-label as written, else its content with Chromium's spacing. */
export function spokenName(el: Element): string {
  const label = el.getAttribute('aria-label');
  if (label !== null && label !== '') return label;
  return collapse(contentText(el));
}

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

function contentText(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (!(node instanceof Element)) return '';
  if (node.getAttribute('aria-hidden') === 'true') return '';
  const style = getComputedStyle(node);
  if (style.display === 'none' || style.visibility === 'hidden') return '';
  const children = node instanceof HTMLSlotElement ? node.assignedNodes({ flatten: true }) : Array.from(node.childNodes);
  let text = '';
  for (const child of children) {
    const part = contentText(child);
    if (!part) continue;
    const apart = child instanceof Element && !laidOutInline(child);
    text += apart ? ` ${part} ` : part;
  }
  return text;
}

function laidOutInline(el: Element): boolean {
  const style = getComputedStyle(el);
  return style.display === 'inline' && style.position !== 'absolute' && style.position !== 'fixed' && style.float === 'none';
}

/** Every element under `root` (through shadow roots) whose accessible name sounds wrong, as `tag «name»: problem`. */
export function accessibleNameProblems(root: Element): string[] {
  const problems: string[] = [];
  const visit = (parent: Element | ShadowRoot) => {
    for (const el of Array.from(parent.querySelectorAll('*'))) {
      if (el.shadowRoot) visit(el.shadowRoot);
      const byContent = el.matches(NAMED_BY_CONTENT);
      if (!byContent && !el.hasAttribute('aria-label')) continue;
      if (el.closest('[aria-hidden="true"]') || getComputedStyle(el).display === 'none') continue;
      const name = spokenName(el);
      const problem = name ? nameProblem(name) : undefined;
      if (problem) problems.push(`${el.localName}${el.getAttribute('part') ? `[part=${el.getAttribute('part')}]` : ''} «${name}»: ${problem}`);
    }
  };
  if (root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return problems;
}

/** Fails with every accessible name in `root` (and its shadow trees) that has stray spaces. */
export function expectCleanNames(root: Element): void {
  const problems = accessibleNameProblems(root);
  expect(problems, `accessible names with stray spaces:\n  ${problems.join('\n  ')}\n`).to.deep.equal([]);
}
