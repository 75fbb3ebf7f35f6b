import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { ELEMENT_PICTURES } from './screenshots/element-pictures.ts';

// The README shows each element on a phone and a desktop, and the low-vision mode; the pictures
// come from `npm run screenshots`. A new element without its pictures, a picture the README does
// not show, or a picture of the wrong size fails here.

const ROOT = new URL('..', import.meta.url).pathname;
const PICTURES = join(ROOT, 'docs', 'screenshots');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The tags the script tag can load (`'oz-…': () => import(…)` in element-loaders.ts). */
function loadableTags(): string[] {
  const loaders = readFileSync(join(ROOT, 'packages/widgets/src/element-loaders.ts'), 'utf8');
  const block = loaders.slice(loaders.indexOf('ELEMENT_LOADERS'), loaders.indexOf('ENGLISH_LOADERS'));
  return [...block.matchAll(/^\s*'(oz-[a-z-]+)':/gm)].map((m) => m[1]!);
}

const width = (file: string) => PNG.sync.read(readFileSync(file)).width;

describe('README pictures', () => {
  const names = [...loadableTags(), 'low-vision'];

  it('npm run screenshots takes a picture of every element and of the low-vision mode', () => {
    assert.ok(names.length >= 12);
    assert.deepEqual(ELEMENT_PICTURES.map((picture) => picture.name).sort(), [...names].sort());
  });

  for (const name of names) {
    it(`${name}: the README shows it at 360 px and at 1280 px`, () => {
      const phone = join(PICTURES, `${name}-360.png`);
      const desktop = join(PICTURES, `${name}-1280.png`);
      assert.ok(readme.includes(`docs/screenshots/${name}-360.png`), `README.md does not show ${name}-360.png`);
      assert.ok(readme.includes(`docs/screenshots/${name}-1280.png`), `README.md does not show ${name}-1280.png`);
      assert.ok(existsSync(phone) && existsSync(desktop), `run npm run screenshots: ${name} has no pictures`);
      // A phone picture is at most the phone's width; a desktop one is wider than any phone.
      assert.ok(width(phone) > 300 && width(phone) <= 360, `${name}-360.png is ${width(phone)} px wide`);
      assert.ok(width(desktop) > 360 && width(desktop) <= 1280, `${name}-1280.png is ${width(desktop)} px wide`);
    });
  }

  it('keeps no picture the README does not show', () => {
    const stale = readdirSync(PICTURES).filter((file) => !readme.includes(`docs/screenshots/${file}`));
    assert.deepEqual(stale, []);
  });
});
