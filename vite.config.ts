import { defineConfig } from 'vite';
import { precompress } from './scripts/vite-precompress.ts';

/**
 * Builds the widgets into `dist/widgets/`: `oz.js`, which host pages load with one script tag, and
 * the chunks it loads when an element's tag appears (bench/bundle-size.mjs shows the graph).
 */

/** The modules oz.ts imports statically (their own imports join them; test/built checks the graph stays flat). */
const EAGER_MODULES = /packages\/widgets\/src\/(page-api|element-loaders|internal\/(autoloader|loading-placeholder|page-config|api-origin)|elements\/oz-video-room\/video-room-loader|session\/(session|session-client)|api\/(errors|centers-cache))\.ts$|vite\/preload-helper/;

/** Lit and our own code, but not what loads on demand (English strings, form checks, the video call). */
const SHARED_MODULES = /packages\/widgets\/src\/(?!i18n\/en\/|.*strings-en|.*checks|video\/)|node_modules\/(lit|lit-html|lit-element|@lit)\//;

export default defineConfig({
  // The bundle runs on other people's pages: nothing of Node may remain in it.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  // The form pre-checks' schemas (@oz/contracts/forms) use only what zod/mini has: about a
  // third of classic zod. Exactly 'zod': 'zod/mini' itself and other subpaths resolve as written.
  resolve: { alias: [{ find: /^zod$/, replacement: 'zod/mini' }] },
  plugins: [precompress()],
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
      // Elements are chunks loaded when their tags appear; what they share with oz.js (lit, the
      // session, the API client) goes to shared chunks they and oz.js import by plain relative
      // names. Keeping oz.js's own signature strict means no chunk imports "./oz.js" back: CMSs
      // append "?ver=…" to script addresses, and such an import would load a second copy.
      preserveEntrySignatures: 'strict',
      input: 'packages/widgets/src/oz.ts',
      output: {
        entryFileNames: 'oz.js',
        chunkFileNames: '[name]-[hash].js',
        // What oz.js needs before it runs, in one chunk with everything it imports: on a 400 ms
        // link each further level of static imports would cost a round trip before «Загружаем…».
        // And what two or more elements share, in one chunk: over HTTP/1.1 on a slow link each file
        // costs a round trip of its own, so a few bytes more beat ten small files.
        codeSplitting: {
          groups: [
            { name: 'oz-core', test: EAGER_MODULES, priority: 2 },
            { name: 'oz-shared', test: SHARED_MODULES, minShareCount: 2, priority: 1 },
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
