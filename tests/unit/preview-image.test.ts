import { mkdtemp, readdir, rm, writeFile, copyFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PREVIEW_MAX_BYTES, cachedPreview, previewKey, renderPreview, type PreviewCard } from '../../src/lib/preview-image.ts';

const chart = join(import.meta.dirname, '..', 'fixtures', 'sites', 'good', 'images', 'chart.png');
const english: PreviewCard = { headline: 'Hamas pulls out of Gaza ceasefire negotiations', kicker: 'GAZA · 14 July 2024', siteName: 'Dateline', dir: 'ltr' };
const arabic: PreviewCard = { headline: 'حماس تنسحب من مفاوضات وقف إطلاق النار في غزة', kicker: 'غزة · 14 يوليو 2024', siteName: 'Dateline', dir: 'rtl' };

async function measure(image: Buffer) {
  const { width, height, format } = await sharp(image).metadata();
  return { width, height, format, withinLimit: image.byteLength <= PREVIEW_MAX_BYTES };
}

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'dateline-previews-'));
});
afterEach(() => rm(folder, { recursive: true, force: true }));

describe('preview images', () => {
  it.each([
    ['an English headline', english],
    ['an Arabic headline, right to left', arabic],
    ['the longest headline the format allows', { ...english, headline: 'word '.repeat(40).trim() }],
    ['markup in the headline, drawn as text', { ...english, headline: '<b>bold</b> & </span> "quoted"' }],
    ['one word longer than a line', { ...english, headline: `</script><script>${'x'.repeat(120)}</script>`, kicker: 'K'.repeat(150) }],
    ['a lead image behind the text', { ...english, background: chart }],
  ])('are 1200×630 JPEG within 300 KB for %s', async (_, card) => {
    expect(await measure(await renderPreview(card))).toEqual({ width: 1200, height: 630, format: 'jpeg', withinLimit: true });
  });

  it('set Arabic text on the right-hand side', async () => {
    const { data, info } = await sharp(await renderPreview({ ...arabic, headline: 'قصير' })).greyscale().raw().toBuffer({ resolveWithObject: true });
    // Bright (text) pixels of the headline band lie in the right half only.
    let left = 0;
    let right = 0;
    for (let y = 200; y < 420; y++) {
      for (let x = 0; x < info.width; x++) {
        if ((data[y * info.width + x] ?? 0) > 200) (x < info.width / 2 ? left++ : right++);
      }
    }
    expect(right).toBeGreaterThan(100);
    expect(left).toBe(0);
  });

  it('are keyed by everything they show, the lead image bytes included', async () => {
    const key = await previewKey(english);
    expect(await previewKey({ ...english })).toBe(key);
    expect(await previewKey({ ...english, headline: 'Another headline' })).not.toBe(key);
    expect(await previewKey({ ...english, kicker: 'DOHA · 14 July 2024' })).not.toBe(key);
    const background = join(folder, 'lead.png');
    await copyFile(chart, background);
    const withImage = await previewKey({ ...english, background });
    await sharp(chart).flip().toFile(join(folder, 'flipped.png'));
    await copyFile(join(folder, 'flipped.png'), background);
    expect(await previewKey({ ...english, background })).not.toBe(withImage);
  });

  it('are rendered once and then read from the cache', async () => {
    const cache = join(folder, 'cache');
    const first = await cachedPreview(english, cache);
    const files = await readdir(cache);
    expect(files).toEqual([`${await previewKey(english)}.jpg`]);
    // A marker in the cached file proves the second call reads it instead of rendering again.
    await writeFile(join(cache, files[0]!), 'cached');
    expect((await cachedPreview(english, cache)).toString()).toBe('cached');
    expect(first.byteLength).toBeGreaterThan(1000);
  });
});
