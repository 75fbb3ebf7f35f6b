import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { forPackage, makeCustomElementsManifest, WIDGETS_DIR } from './custom-elements-manifest.mjs';

/**
 * Puts `custom-elements.json` beside oz.js (the server sends it at /widgets/custom-elements.json)
 * and into packages/widgets/, where the package's "customElements" field points editors to it.
 * Made while the bundle builds (a few seconds of the analyzer, on the side), so every build has one.
 * The script-tag build names the sources (an editor in this repository finds them); the npm
 * package's build (`{ forPackage: true }`) names the files the tarball ships.
 */
export function customElementsManifest({ forPackage: packaged = false } = {}): Plugin {
  let manifest: Promise<string> | undefined;
  return {
    name: 'oz-custom-elements-manifest',
    apply: 'build',
    buildStart() {
      manifest = makeCustomElementsManifest().then((made) => `${JSON.stringify(packaged ? forPackage(made) : made, null, 2)}\n`);
      // Until generateBundle awaits it, a failure must not surface as an unhandled rejection.
      manifest.catch(() => {});
    },
    async generateBundle() {
      const source = await manifest!;
      this.emitFile({ type: 'asset', fileName: 'custom-elements.json', source });
      await writeFile(join(WIDGETS_DIR, 'custom-elements.json'), source);
    },
  };
}
