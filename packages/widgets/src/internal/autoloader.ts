/** Loads the module that defines a tag; the module calls `define()` itself. */
export type ElementLoader = () => Promise<unknown>;

export interface AutoloadOptions {
  root?: Document;
  /** Called for each copy of a tag whose code is on its way (see loading-placeholder.ts). */
  whileLoading?: (element: Element) => void;
  /** Called for each copy of a tag whose code failed to arrive. */
  failedToLoad?: (element: Element) => void;
}

/**
 * Loads each element's code only when its tag appears on the page (now or later), so a portal
 * page with the resident's elements never downloads the doctor's desk. Watches the document for
 * tags added later by the host page's scripts; stops watching once every tag is defined.
 */
export function autoloadElements(loaders: Readonly<Record<string, ElementLoader>>, options: AutoloadOptions = {}): void {
  const root = options.root ?? document;
  const pending = new Map(Object.entries(loaders));
  /** Tags whose code is being fetched: copies added meanwhile get the loading line too. */
  const loading = new Set<string>();
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });

  function copiesOf(node: Element | Document, tag: string): Element[] {
    const inside = [...node.querySelectorAll(tag)];
    return node instanceof Element && node.localName === tag ? [node, ...inside] : inside;
  }

  function scan(node: Element | Document): void {
    for (const tag of loading) copiesOf(node, tag).forEach((element) => options.whileLoading?.(element));
    for (const [tag, load] of pending) {
      const copies = copiesOf(node, tag);
      if (copies.length === 0 && !customElements.get(tag)) continue;
      pending.delete(tag);
      if (customElements.get(tag)) continue;
      loading.add(tag);
      copies.forEach((element) => options.whileLoading?.(element));
      load()
        .catch((error: unknown) => {
          // A failed chunk (a flaky rural connection) may load on the next appearance of the tag.
          pending.set(tag, load);
          copiesOf(root, tag).forEach((element) => options.failedToLoad?.(element));
          console.error(`Oblako Zdorovya: could not load <${tag}>`, error);
        })
        .finally(() => {
          loading.delete(tag);
          stopWhenDone();
        });
    }
    stopWhenDone();
  }

  function stopWhenDone(): void {
    if (pending.size === 0 && loading.size === 0) observer.disconnect();
  }

  observer.observe(root.documentElement, { childList: true, subtree: true });
  scan(root);
}
