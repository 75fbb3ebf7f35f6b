import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/**
 * Writes `x.js.br` and `x.js.gz` next to every emitted script, once, at build time at the highest
 * levels (too slow to do per request): the server sends them as they are (static-files.ts). From
 * the written files, so they hold exactly what other plugins last made of each chunk.
 */
export function precompress(): Plugin {
  return {
    name: 'oz-precompress',
    apply: 'build',
    writeBundle(options, bundle) {
      if (!options.dir) return;
      for (const fileName of Object.keys(bundle)) {
        if (!fileName.endsWith('.js')) continue;
        const path = join(options.dir, fileName);
        const data = readFileSync(path);
        const brotli = brotliCompressSync(data, {
          params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
        });
        writeFileSync(`${path}.br`, brotli);
        writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
      }
    },
  };
}
