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
      entry: 'packages/widgets/src/index.ts',
      formats: ['es'],
      fileName: () => 'oz.js',
    },
    rolldownOptions: {
      // Lazily loaded chunks (the video room) use modules of oz.js (lit, API errors, session).
      // Letting oz.js export them keeps oz.js one file; the strict default would move them into a
      // shared chunk that every page then loads as a second request. The chunks import "./oz.js"
      // by that plain address: a page loading "oz.js?ver=…" would get a second copy for the room.
      preserveEntrySignatures: 'allow-extension',
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
