// On-demand: `npm run bench:bundle` (after `npm run build`). Sizes of what a page downloads.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync } from 'node:zlib';

const root = 'dist/widgets';
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? files(path) : path.endsWith('.js') ? [path] : [];
});
console.log('| file | raw kB | gzip kB | brotli kB |\n|---|---|---|---|');
for (const file of files(root)) {
  const data = readFileSync(file);
  const kb = (n) => (n / 1024).toFixed(1);
  console.log(`| ${relative(root, file)} | ${kb(data.length)} | ${kb(gzipSync(data, { level: 9 }).length)} | ${kb(brotliCompressSync(data).length)} |`);
}
