/** Loads the module that defines a tag; the module calls `define()` itself. */
export type ElementLoader = () => Promise<unknown>;

/**
 * Loads each element's code only when its tag appears on the page (now or later), so a portal
 * page with the resident's elements never downloads the doctor's desk. Watches the document for
 * tags added later by the host page's scripts; stops watching once every tag is loaded.
 */
export function autoloadElements(loaders: Readonly<Record<string, ElementLoader>>, root: Document = document): void {
  const pending = new Map(Object.entries(loaders));
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  function scan(node: Element | Document): void {
    for (const [tag, load] of pending) {
      const present = (node instanceof Element && node.localName === tag) || node.querySelector(tag) !== null;
      if (!present && !customElements.get(tag)) continue;
      pending.delete(tag);
      if (customElements.get(tag)) continue;
      load().catch((error: unknown) => {
        // A failed chunk (a flaky rural connection) may load on the next appearance of the tag.
        pending.set(tag, load);
        watch();
        console.error(`Oblako Zdorovya: could not load <${tag}>`, error);
      });
    }
    if (pending.size === 0) observer.disconnect();
  }

  function watch(): void {
    observer.observe(root.documentElement, { childList: true, subtree: true });
  }

  watch();
  scan(root);
}
