/** What goes on the printed page: a heading, facts as label/value rows, then long texts. */
export interface PrintableConclusion {
  lang: string;
  heading: string;
  facts: ReadonlyArray<readonly [label: string, value: string]>;
  sections: ReadonlyArray<readonly [title: string, text: string]>;
}

/** Static skeleton only: every text from the API goes in through textContent, never as markup. */
const SKELETON = `<!doctype html><html><head><meta charset="utf-8"><title></title><style>
body{font:14pt/1.5 system-ui,Arial,sans-serif;color:#000;margin:2cm}
h1{font-size:18pt;margin:0 0 1em}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25em 1em;margin:0 0 1.5em}
dt{font-weight:700}dd{margin:0}
h2{font-size:14pt;margin:1.5em 0 .5em}
p{white-space:pre-wrap;margin:0}
</style></head><body></body></html>`;

/**
 * Prints a conclusion on its own page. `window.print()` would print the whole host page, and
 * CSS inside our shadow root cannot hide the host's content, so the text goes into a hidden
 * frame of its own that is printed instead. Returns the frame (kept until the next print).
 */
export function printConclusion(container: ShadowRoot, content: PrintableConclusion): HTMLIFrameElement {
  container.querySelector('iframe.print-frame')?.remove();
  const frame = document.createElement('iframe');
  frame.className = 'print-frame';
  frame.setAttribute('part', 'print-frame');
  frame.setAttribute('aria-hidden', 'true');
  frame.tabIndex = -1;
  frame.title = content.heading;
  frame.addEventListener(
    'load',
    () => {
      const doc = frame.contentDocument;
      if (!doc) return;
      fill(doc, content);
      frame.contentWindow?.print();
    },
    { once: true },
  );
  frame.srcdoc = SKELETON;
  container.append(frame);
  return frame;
}

function fill(doc: Document, content: PrintableConclusion): void {
  doc.documentElement.lang = content.lang;
  doc.title = content.heading;
  const add = <K extends keyof HTMLElementTagNameMap>(parent: Node, tag: K, text?: string) => {
    const node = doc.createElement(tag);
    if (text !== undefined) node.textContent = text;
    parent.appendChild(node);
    return node;
  };
  add(doc.body, 'h1', content.heading);
  const facts = add(doc.body, 'dl');
  for (const [label, value] of content.facts) {
    add(facts, 'dt', label);
    add(facts, 'dd', value);
  }
  for (const [title, text] of content.sections) {
    add(doc.body, 'h2', title);
    add(doc.body, 'p', text);
  }
}
