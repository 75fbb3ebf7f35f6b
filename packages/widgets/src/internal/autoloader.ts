/** Loads the module that defines a tag; the module calls `define()` itself. */
export type ElementLoader = () => Promise<unknown>;

export interface AutoloadOptions {
  root?: Document;
  /** Called for each copy of a tag as soon as it is found, while its code waits or is on its way (see loading-placeholder.ts). */
  whileLoading?: (element: Element) => void;
  /**
   * Called for each copy of a tag when its code starts loading: what goes with the code (its
   * strings, its data). Tags off screen wait for these too, not only for the code.
   */
  alongside?: (element: Element) => Promise<unknown> | void;
  /** Called for each copy of a tag whose code failed to arrive. */
  failedToLoad?: (element: Element) => void;
}

/** Whether any part of the element is inside the window now (not hidden, not scrolled away). */
function isOnScreen(element: Element): boolean {
  if (element.getClientRects().length === 0) return false; // display: none, or not in the document
  const box = element.getBoundingClientRect();
  const view = element.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  const width = view?.innerWidth ?? 0;
  return box.bottom >= 0 && box.top <= height && box.right >= 0 && box.left <= width;
}

/**
 * Loads each element's code only when its tag appears on the page (now or later), so a portal
 * page with the resident's elements never downloads the doctor's desk. Watches the document for
 * tags added later by the host page's scripts; stops watching once every tag is defined.
 *
 * Elements in the window load first: on a slow rural link every download shares the same
 * 50 kB/s, so the ones below the fold start when those on screen have what they need, or as soon
 * as the resident scrolls to them, whichever comes first.
 */
export function autoloadElements(loaders: Readonly<Record<string, ElementLoader>>, options: AutoloadOptions = {}): void {
  const root = options.root ?? document;
  const pending = new Map(Object.entries(loaders));
  /** Tags found and not yet defined (waiting or on their way): copies added meanwhile get the loading line too. */
  const loading = new Set<string>();
  /** Tags found off screen while those on screen are still loading, each with what starts it. */
  const waiting = new Map<string, () => void>();
  /** What the tags on screen at the start are fetching; undefined once it has all arrived. */
  let onScreenWork: Promise<unknown>[] | undefined = [];
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
  });
  const scrolledTo = new IntersectionObserver((entries) => {
    for (const entry of entries) if (entry.isIntersecting) waiting.get(entry.target.localName)?.();
  });

  function copiesOf(node: Element | Document, tag: string): Element[] {
    const inside = [...node.querySelectorAll(tag)];
    return node instanceof Element && node.localName === tag ? [node, ...inside] : inside;
  }

  function start(tag: string, load: ElementLoader): Promise<unknown> {
    waiting.delete(tag);
    const copies = copiesOf(root, tag);
    copies.forEach((element) => scrolledTo.unobserve(element));
    const along = copies.map((element) => options.alongside?.(element));
    const code = load()
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
    return Promise.allSettled([code, ...along]);
  }

  function scan(node: Element | Document): void {
    for (const tag of loading) copiesOf(node, tag).forEach((element) => options.whileLoading?.(element));
    for (const [tag, begin] of [...waiting]) {
      const copies = copiesOf(node, tag);
      if (copies.some(isOnScreen)) begin();
      else copies.forEach((element) => scrolledTo.observe(element));
    }
    for (const [tag, load] of pending) {
      const copies = copiesOf(node, tag);
      if (copies.length === 0 && !customElements.get(tag)) continue;
      pending.delete(tag);
      if (customElements.get(tag)) continue;
      loading.add(tag);
      copies.forEach((element) => options.whileLoading?.(element));
      if (!onScreenWork) {
        start(tag, load);
      } else if (copies.some(isOnScreen)) {
        onScreenWork.push(start(tag, load));
      } else {
        waiting.set(tag, () => start(tag, load));
        copies.forEach((element) => scrolledTo.observe(element));
      }
    }
    stopWhenDone();
  }

  function stopWhenDone(): void {
    if (pending.size === 0 && loading.size === 0) {
      observer.disconnect();
      scrolledTo.disconnect();
    }
  }

  observer.observe(root.documentElement, { childList: true, subtree: true });
  scan(root);
  void Promise.allSettled(onScreenWork).then(() => {
    onScreenWork = undefined;
    for (const begin of [...waiting.values()]) begin();
  });
}
