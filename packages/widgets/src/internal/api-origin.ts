/**
 * Reduces an API address to its origin (`https://oz.example.ru`); the widgets append `/api/v1`.
 * Accepts relative values (resolved against the page) and returns undefined for garbage.
 */
export function toApiOrigin(value: string | null | undefined, base: string = document.baseURI): string | undefined {
  if (!value?.trim()) return undefined;
  try {
    const { origin } = new URL(value.trim(), base);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
}

/**
 * The API origin named by the script tag that loaded the bundle (`data-api`), else the origin
 * the bundle itself came from. The tag is found by its `src` matching the module's own URL, so a
 * renamed or versioned bundle file still works; the `oz.js` selector is the fallback.
 */
export function detectScriptApiOrigin(moduleUrl: string): string | undefined {
  const scripts = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  const own =
    scripts.find((script) => script.src === moduleUrl) ??
    document.querySelector<HTMLScriptElement>('script[src*="oz.js"][data-api]');
  return toApiOrigin(own?.dataset.api, own?.src) ?? toApiOrigin(moduleUrl);
}
