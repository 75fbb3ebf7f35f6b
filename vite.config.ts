import { defineConfig } from 'vite';

/**
 * Builds the widgets into one ES module, `dist/widgets/oz.js`, that host pages load with one
 * script tag; lazily imported code (the video room) becomes chunks next to it.
 */
export default defineConfig({
  // The bundle runs on other people's pages: nothing of Node may remain in it.
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  publicDir: false,
  build: {
    outDir: 'dist/widgets',
    emptyOutDir: true,
    sourcemap: true,
    minify: true,
    // ES2022 (Chrome 94+, 2021) keeps class fields and #private as written: smaller than helpers.
    target: 'es2022',
    lib: {
      entry: 'packages/widgets/src/oz.ts',
      formats: ['es'],
      fileName: () => 'oz.js',
    },
    rolldownOptions: {
      // Elements are chunks loaded when their tags appear; what they share with oz.js (lit, the
      // session, the API client) goes to shared chunks they and oz.js import by plain relative
      // names. Keeping oz.js's own signature strict means no chunk imports "./oz.js" back: CMSs
      // append "?ver=…" to script addresses, and such an import would load a second copy.
      preserveEntrySignatures: 'strict',
      output: {
        chunkFileNames: '[name]-[hash].js',
        // Library mode keeps whitespace and /*#__PURE__*/ marks for a later bundler; this file
        // goes straight to browsers, so minify it fully. Licence comments stay.
        minify: { compress: true, mangle: true, codegen: { removeWhitespace: true } },
        comments: { legal: true, annotation: false, jsdoc: false },
      },
    },
    reportCompressedSize: true,
  },
});
