// `npm run build:package` (or `npm run build -w @oz/widgets`, and `npm pack` in packages/widgets):
// the npm package's ES modules, their type declarations and custom-elements.json. The script-tag
// bundle (`npm run build`, dist/widgets) is a separate build and stays as it is.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
const widgets = join(root, 'packages/widgets');
const contracts = join(root, 'packages/contracts');
const types = join(widgets, 'dist/types');

function run(args, cwd) {
  const { status } = spawnSync(process.execPath, args, { cwd, stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}

// 1. The modules (and custom-elements.json, written by the build's manifest plugin).
run([join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], widgets);
// 2. The declarations, those of @oz/contracts (private, never published) included.
rmSync(types, { recursive: true, force: true });
run([join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.types.json'], widgets);

// 3. Specifiers a consumer's TypeScript resolves: "./x.ts" → "./x.js" (tsc keeps .ts in
// declarations), "@oz/contracts/…" → the relative path of its declarations in this package.
const contractExports = JSON.parse(readFileSync(join(contracts, 'package.json'), 'utf8')).exports;
const contractsTypes = join(types, 'contracts');
function contractsFile(specifier) {
  const subpath = `.${specifier.slice('@oz/contracts'.length)}`;
  const source = contractExports[subpath];
  if (!source) throw new Error(`@oz/contracts has no export "${subpath}"`);
  return join(contractsTypes, source.replace(/\.ts$/, '.js'));
}
function rewrite(file) {
  const text = readFileSync(file, 'utf8');
  const next = text.replace(/((?:from|import)\s*\(?\s*)(['"])([^'"]+)\2/g, (whole, head, quote, specifier) => {
    let target = specifier;
    if (specifier === '@oz/contracts' || specifier.startsWith('@oz/contracts/')) {
      target = relative(dirname(file), contractsFile(specifier)).split('\\').join(posix.sep);
      if (!target.startsWith('.')) target = `./${target}`;
    } else if (specifier.startsWith('.') && specifier.endsWith('.ts')) {
      target = `${specifier.slice(0, -3)}.js`;
    }
    return `${head}${quote}${target}${quote}`;
  });
  if (next !== text) writeFileSync(file, next);
}
function walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.d.ts')) rewrite(path);
  }
}
walk(types);

const left = [];
(function find(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) find(path);
    else if (/(?:from|import)\s*\(?\s*(['"])(@oz\/contracts[^'"]*|\.{1,2}\/[^'"]*\.ts)\1/.test(readFileSync(path, 'utf8'))) left.push(relative(widgets, path));
  }
})(types);
if (left.length > 0) {
  console.error(`Declarations still name @oz/contracts or .ts files: ${left.join(', ')}`);
  process.exit(1);
}
if (!existsSync(join(widgets, 'custom-elements.json'))) {
  console.error('packages/widgets/custom-elements.json was not written');
  process.exit(1);
}
console.log(`@oz/widgets built: ${relative(root, join(widgets, 'dist'))}`);
