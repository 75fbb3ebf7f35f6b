import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { makeCustomElementsManifest } from './custom-elements-manifest.mjs';
import { currentTable, README, themingTable } from './readme-theming.ts';

describe('README theming table', () => {
  it('lists every --oz-* property the elements document, as npm run readme:theming makes it', async () => {
    const manifest = await makeCustomElementsManifest();
    const table = themingTable(manifest);
    const documented = new Set(
      manifest.modules.flatMap((module) => module.declarations ?? []).flatMap((declaration) => (declaration.tagName ? declaration.cssProperties ?? [] : [])).map((p) => p.name),
    );
    assert.ok(documented.size >= 20);
    for (const name of documented) assert.match(table, new RegExp(`\\| \`${name}\` \\|`));
    assert.equal(currentTable(readFileSync(README, 'utf8')), table, 'README.md is out of date: run npm run readme:theming');
  });
});
