// The widgets' Custom Elements Manifest, made by @custom-elements-manifest/analyzer with the
// configuration in packages/widgets/custom-elements-manifest.config.mjs (globs, Lit, our plugins).
import { fileURLToPath } from 'node:url';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

/** The package the manifest describes: its paths are relative to this folder. */
export const WIDGETS_DIR = fileURLToPath(new URL('../packages/widgets/', import.meta.url));

/** The manifest as an object, written nowhere (the caller decides where it goes). */
export async function makeCustomElementsManifest() {
  return cli({ argv: ['analyze', '--quiet'], cwd: WIDGETS_DIR, noWrite: true });
}

/**
 * The npm package's copy: its `path`s and `module` references name the package's built files
 * (each element's own entry, `dist/<tag>.js`, and `dist/index.js`) instead of the sources, which
 * the tarball leaves out. Modules the package does not ship as files of their own (the elements'
 * base class, bundled into chunks) are left out; what the elements inherit from them is already
 * written into each element, and references to them keep their name without a module.
 */
export function forPackage(manifest) {
  const shipped = (path) => {
    const element = /^src\/elements\/(oz-[a-z-]+)\/\1\.ts$/.exec(path);
    if (element) return `dist/${element[1]}.js`;
    return path === 'src/index.ts' ? 'dist/index.js' : undefined;
  };
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (value === null || typeof value !== 'object') return value;
    const copy = {};
    for (const [key, inner] of Object.entries(value)) {
      if (key === 'module' && typeof inner === 'string') {
        if (shipped(inner)) copy.module = shipped(inner);
      } else copy[key] = rewrite(inner);
    }
    return copy;
  };
  return {
    ...manifest,
    modules: manifest.modules.filter((module) => shipped(module.path)).map((module) => ({ ...rewrite(module), path: shipped(module.path) })),
  };
}
