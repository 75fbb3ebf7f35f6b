/**
 * Stops the host page from scrolling under the full-screen call, and gives it back exactly as it
 * was: the page's own inline `overflow` on <html> is remembered and restored when the last lock
 * goes (two rooms on one page share one lock).
 */
let holders = 0;
let saved: { value: string; priority: string } | undefined;

export function lockPageScroll(): () => void {
  const root = document.documentElement;
  if (holders === 0) {
    saved = { value: root.style.getPropertyValue('overflow'), priority: root.style.getPropertyPriority('overflow') };
    root.style.setProperty('overflow', 'hidden', 'important');
  }
  holders += 1;
  let released = false;
  return () => {
    if (released) return;
    released = true;
    holders -= 1;
    if (holders > 0 || !saved) return;
    if (saved.value) root.style.setProperty('overflow', saved.value, saved.priority);
    else root.style.removeProperty('overflow');
    // A style attribute the page never had is not left behind empty.
    if (root.getAttribute('style') === '') root.removeAttribute('style');
    saved = undefined;
  };
}
