// Compares two folders of screenshots taken by screenshots.mjs (same names): for each image, the
// share of pixels that differ (any channel by more than 16 of 255) and whether the sizes match;
// a difference image (changed pixels in red over a faded copy) is written to the third folder.
// `node tests/browser/compare.mjs BEFORE AFTER [DIFFS]`; exits 1 when any image differs.

import { readdirSync, readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

// playwright-core carries a PNG codec (pngjs): no other package is needed.
const { PNG } = createRequire(import.meta.url)('playwright-core/lib/utilsBundle');

const [before, after, diffs] = process.argv.slice(2);
if (!before || !after) {
  console.error('usage: node tests/browser/compare.mjs BEFORE AFTER [DIFFS]');
  process.exit(2);
}
if (diffs) mkdirSync(diffs, { recursive: true });

let differing = 0;
const names = readdirSync(before).filter((f) => f.endsWith('.png')).sort();
for (const name of names) {
  if (!existsSync(join(after, name))) {
    console.log(`${name.padEnd(60)} missing after`);
    differing += 1;
    continue;
  }
  const a = PNG.sync.read(readFileSync(join(before, name)));
  const b = PNG.sync.read(readFileSync(join(after, name)));
  const width = Math.min(a.width, b.width);
  const height = Math.min(a.height, b.height);
  const out = new PNG({ width, height });
  let changed = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * a.width + x) * 4;
      const j = (y * b.width + x) * 4;
      const o = (y * width + x) * 4;
      const differs = Math.abs(a.data[i] - b.data[j]) > 16 || Math.abs(a.data[i + 1] - b.data[j + 1]) > 16 ||
        Math.abs(a.data[i + 2] - b.data[j + 2]) > 16;
      if (differs) {
        changed += 1;
        out.data[o] = 255; out.data[o + 1] = 0; out.data[o + 2] = 0; out.data[o + 3] = 255;
      } else {
        const grey = (a.data[i] + a.data[i + 1] + a.data[i + 2]) / 3;
        out.data[o] = out.data[o + 1] = out.data[o + 2] = 255 - (255 - grey) / 4; out.data[o + 3] = 255;
      }
    }
  }
  const sized = a.width === b.width && a.height === b.height;
  const share = changed / (width * height);
  if (changed || !sized) {
    differing += 1;
    if (diffs) writeFileSync(join(diffs, name), PNG.sync.write(out));
  }
  const size = sized ? `${a.width}x${a.height}` : `${a.width}x${a.height} -> ${b.width}x${b.height}`;
  console.log(`${name.padEnd(60)} ${size.padEnd(24)} ${changed ? `${changed} px (${(share * 100).toFixed(3)} %) differ` : 'identical'}`);
}
console.log(`${names.length} screenshots, ${names.length - differing} identical, ${differing} different`);
process.exit(differing ? 1 : 0);
