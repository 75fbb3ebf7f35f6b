/**
 * Returns the one object of this name on the page, creating it on first use. Host pages do load
 * the SDK twice (two snippets, an old and a new copy), and every copy must see the same session
 * and configuration, so the object lives on globalThis under a registry symbol, not in a module.
 * Bump the version in `name` when the object's shape changes incompatibly.
 */
export function pageSingleton<T>(name: string, create: () => T): T {
  const key = Symbol.for(`oblako-zdorovya/${name}`);
  const registry = globalThis as unknown as Record<symbol, T | undefined>;
  return (registry[key] ??= create());
}
