import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

// Every sample page names its icon, and the icon is there: no 404 in the console of a page a
// webmaster copies from.
const EXAMPLES = join(import.meta.dirname, '..', '..', 'examples');

test('every sample page links an icon that exists', async () => {
  const pages = (await readdir(EXAMPLES)).filter((name) => name.endsWith('.html'));
  assert.ok(pages.length >= 5, `sample pages found: ${pages.join(', ')}`);
  for (const page of pages) {
    const html = await readFile(join(EXAMPLES, page), 'utf8');
    const href = /<link rel="icon" href="([^"]+)" type="image\/svg\+xml">/.exec(html)?.[1];
    assert.ok(href, `${page} has no <link rel="icon">`);
    const icon = await readFile(join(EXAMPLES, href), 'utf8');
    assert.match(icon, /^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/, `${page}: ${href} is not an SVG`);
  }
});

// The text inside a tag shows from the page's first paint until the element's code arrives (on a
// slow rural link, seconds): the copied snippet never leaves an empty box under a heading.
test('every element on the sample pages says «Загружаем…» until its code arrives', async () => {
  const pages = (await readdir(EXAMPLES)).filter((name) => name.endsWith('.html'));
  for (const page of pages) {
    const html = await readFile(join(EXAMPLES, page), 'utf8');
    for (const [, tag, inside] of html.matchAll(/<(oz-[a-z-]+)[^>]*>([^<]*)<\/\1>/g)) {
      // The bell sits in the site's header: an icon appears there, never a line of text.
      if (tag === 'oz-notifications') continue;
      assert.equal(inside, 'Загружаем…', `${page}: <${tag}> is empty until its code arrives`);
    }
  }
});
