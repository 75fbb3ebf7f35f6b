import { defineConfig } from 'vite';
import { minifyCss } from './scripts/vite-minify-css.ts';
import { precompress } from './scripts/vite-precompress.ts';
import { inEntryGraph } from './scripts/entry-graph.ts';
import { onlySignedIn } from './scripts/signed-in-only.ts';
import { customElementsManifest } from './scripts/vite-custom-elements-manifest.ts';

/**
 * Builds the widgets into `dist/widgets/`: `oz.js`, which host pages load with one script tag, and
 * the chunks it loads when an element's tag appears (bench/bundle-size.mjs shows the graph); and
 * `custom-elements.json`, the elements' manifest for editors and docs.
 */

/**
 * Lit, the compiler's decorator helper and our own code, but not what loads on demand (English
 * strings, the form checks' schemas, the video call, the audit trail's words: only a signed-in
 * patient's «Кто смотрел» and the manager's <oz-audit-trail> use them; the phone and expiry words
 * of a sent password: only the manager's <oz-referral-import> and <oz-staff>; the phone input of the
 * manager's forms).
 */
const SHARED_MODULES = /packages\/widgets\/src\/(?!i18n\/en\/|.*strings-en|(?!controllers\/lazy-checks).*checks|video\/|i18n\/ru\/audit\.ts|elements\/oz-audit-trail\/audit-words\.ts|elements\/oz-referral-import\/sent-password\.ts|internal\/phone-input\.ts)|node_modules\/(lit|lit-html|lit-element|@lit)\/|@oxc-project\+runtime@[\d.]+\/helpers\/esm\/decorate\.js$/;

/** Which modules are part of oz.js, found once per build. */
const entryGraph = new Map<string, boolean>();
/** Which modules only the signed-in parts use, found once per build. */
const signedInOnly = new Map<string, boolean>();

export default defineConfig({
  // The bundle runs on other people's pages: nothing of Node may remain in it.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  // The form pre-checks' schemas (@oz/contracts/forms) use only what zod/mini has: about a
  // third of classic zod. Exactly 'zod': 'zod/mini' itself and other subpaths resolve as written.
  resolve: { alias: [{ find: /^zod$/, replacement: 'zod/mini' }] },
  plugins: [minifyCss(), precompress(), customElementsManifest()],
  // Chunks are found next to oz.js wherever a host page loads it from, never at the page's root.
  base: './',
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    // ES2022 (Chrome 94+, 2021) keeps class fields and #private as written: smaller than helpers.
    target: 'es2022',
    // Not library mode: an app build wraps every lazy import with a preload of the chunk's whole
    // graph (<link rel=modulepreload> for each file at once), so an element costs one round trip.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Brotli at level 11 is slow by nature: no timing report on every build.
      checks: { pluginTimings: false },
      // Elements are chunks loaded when their tags appear. What they share with the loader (the
      // session, the page configuration, the API client) stays in oz.js, and they import it back
      // as "./oz.js": on a 400 ms link a chunk of its own between oz.js and the elements would
      // cost a round trip before anything shows. (A page that loads oz.js under another address,
      // "?ver=…" of a CMS, hands over to the plain one: see oz.ts.)
      preserveEntrySignatures: 'allow-extension',
      input: 'packages/widgets/src/oz.ts',
      output: {
        entryFileNames: 'oz.js',
        chunkFileNames: '[name]-[hash].js',
        // What two or more elements share, in one chunk: over HTTP/1.1 on a slow link each file
        // costs a round trip of its own, so a few bytes more beat ten small files.
        codeSplitting: {
          groups: [
            {
              // What only signed-in parts share goes into a chunk a visitor who is not signed in never loads.
              name: (id, context) => {
                const facts = (module: string) => context.getModuleInfo(module);
                if (inEntryGraph(id, facts, entryGraph)) return null;
                return onlySignedIn(id, facts, signedInOnly) ? 'oz-shared-signed-in' : 'oz-shared';
              },
              debugName: 'oz-shared',
              test: SHARED_MODULES,
              minShareCount: 2,
              // What oz.js itself holds stays there, even when a shared module imports it.
              includeDependenciesRecursively: false,
            },
          ],
        },
        // Straight to browsers: fully minified, licence comments kept.
        minify: { compress: true, mangle: true, codegen: { removeWhitespace: true } },
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
    reportCompressedSize: true,
  },
});
