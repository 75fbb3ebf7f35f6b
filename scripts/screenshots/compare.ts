import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Pixels that differ between two runs, per picture; a changed size counts as a difference. */
export async function comparePictures(dirA: string, dirB: string): Promise<void> {
  const names = (await readdir(dirA)).filter((name) => name.endsWith('.png')).sort();
  const diffDir = join(dirB, 'diff');
  await mkdir(diffDir, { recursive: true });
  for (const name of names) {
    const a = PNG.sync.read(await readFile(join(dirA, name)));
    const b = await readFile(join(dirB, name)).then((bytes) => PNG.sync.read(bytes), () => undefined);
    if (!b) {
      console.log(`${name}: missing in ${dirB}`);
      continue;
    }
    if (a.width !== b.width || a.height !== b.height) {
      console.log(`${name}: size ${a.width}×${a.height} → ${b.width}×${b.height}`);
      continue;
    }
    const diff = new PNG({ width: a.width, height: a.height });
    const pixels = pixelmatch(a.data, b.data, diff.data, a.width, a.height, { threshold: 0.1 });
    if (pixels > 0) await writeFile(join(diffDir, name), PNG.sync.write(diff));
    console.log(`${name}: ${pixels === 0 ? 'same' : `${pixels} pixels differ (${diffDir}/${name})`}`);
  }
}
