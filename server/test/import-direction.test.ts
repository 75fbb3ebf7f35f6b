import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../src');

/**
 * Routes → services → ports, and adapters fill the ports: a layer never imports one above it, so
 * the rules can be tested without HTTP and an adapter can be swapped without touching the rules.
 */
const FORBIDDEN: Record<string, string[]> = {
  services: ['http', 'adapters', 'routes'],
  routes: ['adapters'],
  ports: ['services', 'http', 'routes', 'adapters'],
};

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((entry) => entry.isFile() && entry.name.endsWith('.ts')).map((entry) => join(entry.parentPath, entry.name));
}

/** Every module a file names: import, import type, export … from, import(), require(). */
async function importsOf(file: string): Promise<string[]> {
  const { importedFiles } = ts.preProcessFile(await readFile(file, 'utf8'), true, true);
  return importedFiles.map((imported) => imported.fileName);
}

/** The top folder of server/src a relative import lands in; undefined for packages. */
const layerOf = (from: string, specifier: string) =>
  specifier.startsWith('.') ? relative(SRC, resolve(dirname(from), specifier)).split(sep)[0] : undefined;

describe('imports run one way', () => {
  it('finds the imports of every form, type-only ones included', async () => {
    const source = `import type { A } from '../http/a.ts';\nimport { type B } from "../adapters/b.ts";\nexport * from '../routes/c.ts';\nexport { d } from '../http/d.ts';\nconst e = await import('../adapters/e.ts');\nimport '../http/side-effect.ts';`;
    const { importedFiles } = ts.preProcessFile(source, true, true);
    assert.deepEqual(
      importedFiles.map((imported) => imported.fileName),
      ['../http/a.ts', '../adapters/b.ts', '../routes/c.ts', '../http/d.ts', '../adapters/e.ts', '../http/side-effect.ts'],
    );
  });

  for (const [layer, above] of Object.entries(FORBIDDEN)) {
    it(`${layer}/ imports nothing from ${above.join(', ')}`, async () => {
      const files = await sourceFiles(join(SRC, layer));
      assert.ok(files.length > 0, `${layer}/ has source files`);
      const wrong: string[] = [];
      for (const file of files) {
        for (const specifier of await importsOf(file)) {
          const target = layerOf(file, specifier);
          if (target && above.includes(target)) wrong.push(`${relative(SRC, file)} imports ${specifier}`);
        }
      }
      assert.deepEqual(wrong, []);
    });
  }
});
