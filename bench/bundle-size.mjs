// On-demand: `npm run bench:bundle` (builds first). What a host page downloads of our JavaScript,
// gzip and brotli, from the built bundle in dist/widgets:
// - eager: oz.js and what it imports statically, paid by every page that carries the script tag;
// - per element: the element's chunk graph beyond the eager part, in Russian, and what English adds;
//   what its signed-out and signed-in parts add (SignedOutPart, SignedInPart);
// - per sample page: the union of its elements' graphs with their signed-out parts, as a visitor who
//   is not signed in downloads it (budgets from issue 12), and with the signed-in parts instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const root = 'dist/widgets';
const BUDGETS = { eager: 8, 'portal.html': 60, 'doctor.html': 70 };
/** The elements each sample page carries, as its HTML names them. */
const PAGES = Object.fromEntries(
  ['portal.html', 'doctor.html', 'manager.html', 'video-room.html'].map((page) => [
    page,
    [...new Set([...readFileSync(join('examples', page), 'utf8').matchAll(/<(oz-[a-z-]+)/g)].map((m) => m[1]))],
  ]),
);

const source = (file) => readFileSync(join(root, file), 'utf8');
const staticImports = (file) => [...source(file).matchAll(/(?:^|[;}\s])(?:import|export)(?:[^"'`;]*?from)?\s*["']\.\/([^"']+\.js)["']/g)].map((m) => m[1]);
/** The files a module pulls in before it runs: itself and its static imports, transitively. */
function graph(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const dep of staticImports(file)) graph(dep, seen);
  return seen;
}
/** The chunk that `import('./x.js')` of an element loader names, read from oz.js and the video room's loader. */
function elementChunk(tag) {
  const text = [...graph('oz.js')].map(source).join('\n');
  const named = new RegExp(`import\\(\`\\./(${tag}-[\\w-]+\\.js)\`\\)`).exec(text);
  if (!named) throw new Error(`no chunk found for <${tag}>`);
  return named[1];
}
/** The chunk of what an element shows only to someone signed in (SignedInPart) or signed out (SignedOutPart), if it has one. */
function partChunk(tag, who) {
  const text = [...graph('oz.js')].map(source).join('\n');
  return new RegExp(`import\\(\`\\./(${tag.slice('oz-'.length)}-signed-${who}-[\\w-]+\\.js)\`\\)`).exec(text)?.[1];
}
const signedInChunk = (tag) => partChunk(tag, 'in');
const signedOutChunk = (tag) => partChunk(tag, 'out');
const englishOf = (files) =>
  [...files].flatMap((file) => [...source(file).matchAll(/import\(`\.\/((?:shared-)?strings-en-[\w-]+\.js)`\)/g)].map((m) => m[1]));

const sizes = (files) => {
  let gzip = 0;
  let brotli = 0;
  for (const file of files) {
    const data = readFileSync(join(root, file));
    gzip += gzipSync(data, { level: 9 }).length;
    brotli += brotliCompressSync(data, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  }
  return { gzip, brotli, count: files.size ?? files.length };
};
const kb = (n) => (n / 1024).toFixed(1);
const row = (name, files, budget) => {
  const { gzip, brotli, count } = sizes(files);
  const verdict = budget === undefined ? '' : gzip / 1024 <= budget ? `≤ ${budget} ✓` : `≤ ${budget} ✗`;
  return `| ${name} | ${count} | ${kb(gzip)} | ${kb(brotli)} | ${verdict} |`;
};

const eager = graph('oz.js');
const withDeps = (tag) => new Set([...graph(elementChunk(tag))].filter((file) => !eager.has(file)));
console.log('| what | files | gzip KB | brotli KB | budget (gzip KB) |\n|---|---|---|---|---|');
console.log(row('eager: oz.js + static imports', eager, BUDGETS.eager));
const tags = [...new Set(Object.values(PAGES).flat()), 'oz-chat'];
for (const tag of tags) {
  const files = withDeps(tag);
  console.log(row(`<${tag}>`, files));
  console.log(row(`<${tag}> English adds`, new Set(englishOf(files))));
  const outPart = signedOutChunk(tag);
  if (outPart) console.log(row(`<${tag}> signed out adds`, new Set([...graph(outPart)].filter((file) => !eager.has(file) && !files.has(file)))));
  const part = signedInChunk(tag);
  if (part) console.log(row(`<${tag}> signed in adds`, new Set([...graph(part)].filter((file) => !eager.has(file) && !files.has(file)))));
}
for (const [page, pageTags] of Object.entries(PAGES)) {
  const elements = new Set([...eager, ...pageTags.flatMap((tag) => [...withDeps(tag)])]);
  const withParts = (chunks) => new Set([...elements, ...chunks.filter(Boolean).flatMap((part) => [...graph(part)])]);
  // What a visitor who is not signed in downloads: the elements and their signed-out parts.
  console.log(row(`${page} (all its elements, Russian)`, withParts(pageTags.map(signedOutChunk)), BUDGETS[page]));
  const parts = pageTags.map(signedInChunk).filter(Boolean);
  if (parts.length > 0) console.log(row(`${page} signed in (with the signed-in parts)`, withParts(parts)));
}
