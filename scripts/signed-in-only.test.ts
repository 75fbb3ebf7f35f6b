import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { onlySignedIn, type ImportFacts } from './signed-in-only.ts';

/** A small module graph: element chunks loaded on demand, their signed-in parts, what they import. */
const GRAPH: Record<string, ImportFacts> = {
  'oz-documents.ts': { importers: [], dynamicImporters: ['element-loaders.ts'] },
  'documents-signed-in.ts': { importers: [], dynamicImporters: ['oz-documents.ts'] },
  'apply-signed-in.ts': { importers: [], dynamicImporters: ['oz-apply.ts'] },
  'upload-parts.ts': { importers: ['documents-signed-in.ts', 'apply-signed-in.ts'], dynamicImporters: [] },
  'format.ts': { importers: ['upload-parts.ts'], dynamicImporters: [] },
  'fields.ts': { importers: ['upload-parts.ts', 'oz-documents.ts'], dynamicImporters: [] },
  'cycle-a.ts': { importers: ['cycle-b.ts', 'apply-signed-in.ts'], dynamicImporters: [] },
  'cycle-b.ts': { importers: ['cycle-a.ts'], dynamicImporters: [] },
  'lazy-dialog.ts': { importers: [], dynamicImporters: ['documents-signed-in.ts'] },
};
const only = (id: string) => onlySignedIn(id, (module) => GRAPH[module] ?? null, new Map());

describe('modules only the signed-in parts use', () => {
  it('are the signed-in parts and what only they import, directly or not', () => {
    assert.equal(only('documents-signed-in.ts'), true);
    assert.equal(only('upload-parts.ts'), true);
    assert.equal(only('format.ts'), true);
  });

  it('leave out what a visitor\'s code also imports, element chunks and lazily loaded modules', () => {
    assert.equal(only('fields.ts'), false);
    assert.equal(only('oz-documents.ts'), false);
    assert.equal(only('lazy-dialog.ts'), false);
    assert.equal(only('unknown.ts'), false);
    assert.equal(only('cycle-b.ts'), false, 'an import cycle counts as public');
  });
});
