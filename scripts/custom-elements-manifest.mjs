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
