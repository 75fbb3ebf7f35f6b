/**
 * The README's table of `--oz-*` custom properties, made from the elements' JSDoc through the
 * custom elements manifest, so it cannot drift from what the elements read:
 *
 *   npm run readme:theming      rewrites the table between its markers in README.md
 *
 * scripts/readme-theming.test.ts fails when the README's table differs from this one.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { makeCustomElementsManifest, type CustomElementsManifest } from './custom-elements-manifest.mjs';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const START = '<!-- theming-table: made by `npm run readme:theming` from the elements\' JSDoc; do not edit by hand -->';
export const END = '<!-- /theming-table -->';

/** The base class every element extends: its JSDoc says what each shared property means. */
const BASE = 'OzElement';

interface Row {
  name: string;
  what: string;
  default: string;
  tags: string[];
}

/** «Buttons and links (default #0b5cad).» → what it sets and its default. */
function split(description = ''): { what: string; default: string } {
  const match = /^(.*?)\s*\(default (.+)\)\.?$/.exec(description.trim());
  return match ? { what: match[1]!.replace(/\.$/, ''), default: match[2]! } : { what: description.replace(/\.$/, ''), default: '' };
}

export function themingTable(manifest: CustomElementsManifest): string {
  const declarations = manifest.modules.flatMap((module) => module.declarations ?? []);
  const elements = declarations.filter((declaration) => declaration.tagName);
  const base = new Map((declarations.find((declaration) => declaration.name === BASE)?.cssProperties ?? []).map((p) => [p.name, p]));
  const rows = new Map<string, Row>();
  for (const element of elements) {
    for (const property of element.cssProperties ?? []) {
      const row = rows.get(property.name) ?? { name: property.name, ...split((base.get(property.name) ?? property).description), tags: [] };
      row.tags.push(element.tagName!);
      rows.set(property.name, row);
    }
  }
  const everyone = elements.length;
  const baseOrder = [...base.keys()];
  const order = (name: string) => (baseOrder.includes(name) ? baseOrder.indexOf(name) : baseOrder.length);
  const lines = [
    '| property | what it sets | default | on |',
    '|---|---|---|---|',
    // The shared ones in the order the base class lists them, then each element's own.
    ...[...rows.values()]
      .sort((a, b) => order(a.name) - order(b.name))
      .map((row) => {
        const on = row.tags.length === everyone ? 'every element' : row.tags.map((tag) => `\`<${tag}>\``).join(', ');
        const value = /\s/.test(row.default) ? row.default : `\`${row.default}\``;
        return `| \`${row.name}\` | ${row.what} | ${row.default ? value : ''} | ${on} |`;
      }),
  ];
  return lines.join('\n');
}

/** The README with `table` between the markers (which must be there once each). */
export function withTable(readme: string, table: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no theming table markers (${START} … ${END})`);
  return `${readme.slice(0, start + START.length)}\n${table}\n${readme.slice(end)}`;
}

/** What is between the markers now. */
export function currentTable(readme: string): string {
  return readme.slice(readme.indexOf(START) + START.length, readme.indexOf(END)).trim();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = await readFile(README, 'utf8');
  await writeFile(README, withTable(readme, themingTable(await makeCustomElementsManifest())));
  console.log('README.md: the --oz-* table is up to date');
}
