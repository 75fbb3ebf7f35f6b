import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { minifyCss } from '../../scripts/vite-minify-css.ts';
import { customElementsManifest } from '../../scripts/vite-custom-elements-manifest.ts';

/**
 * The npm package's build (`npm run build -w @oz/widgets`), beside the script-tag bundle of the
 * root vite.config.ts: ES modules in packages/widgets/dist/ for an app's own bundler. `loader.js`
 * loads each element when its tag appears (as oz.js does), `oz-<name>.js` defines one element at
 * once, `index.js` defines them all. Nothing is minified: the app's bundler does that.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const entries = Object.fromEntries(
  readdirSync(`${here}src/entries`)
    .filter((name) => name.endsWith('.ts'))
    .map((name) => [name.slice(0, -3), `${here}src/entries/${name}`]),
);

/**
 * Left to the app's bundler, as the package's dependencies: an app that uses Lit (or zod) gets one
 * copy of it. @oz/contracts is not among them: it is private, so what the browser needs of it
 * (limits, the form checks' schemas, the endpoint table) is bundled in.
 */
const EXTERNAL = /^(lit|lit-html|lit-element|@lit\/[^/]+|openvidu-browser|zod)(\/.*)?$/;

/** The form checks use only what zod/mini has (as in the script-tag bundle): `zod` means `zod/mini`. */
function zodMiniExternal(): Plugin {
  return {
    name: 'oz-zod-mini-external',
    enforce: 'pre',
    resolveId(source) {
      if (source === 'zod') return { id: 'zod/mini', external: true };
      return EXTERNAL.test(source) ? { id: source, external: true } : null;
    },
  };
}

export default defineConfig({
  root: here,
  publicDir: false,
  plugins: [zodMiniExternal(), minifyCss(), customElementsManifest({ forPackage: true })],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    minify: false,
    // As the script-tag bundle: ES2022 keeps class fields and #private as written.
    target: 'es2022',
    lib: { entry: { ...entries, index: `${here}src/index.ts` }, formats: ['es'], fileName: (_format, name) => `${name}.js` },
    rolldownOptions: {
      // Plain `zod` goes through zodMiniExternal, which turns it into `zod/mini`.
      external: (id) => id !== 'zod' && EXTERNAL.test(id),
      checks: { pluginTimings: false },
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
    reportCompressedSize: false,
  },
});
