import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cachedPreview, ensurePreview, previewFile, previewKey, drawPreviewCard } from '../../../src/build/preview-card-drawing.ts';
import { PREVIEW_MAX_BYTES, articleCard, type PreviewCard } from '../../../src/lib/outputs/preview-card.ts';
import { anArticle } from '../../support/article.ts';

const chart = join(import.meta.dirname, '..', '..', 'fixtures', 'sites', 'good', 'images', 'chart.png');
const english: PreviewCard = {
  headline: 'Hamas pulls out of Gaza ceasefire negotiations',
  kicker: 'GAZA · 14 July 2024',
  siteName: 'Dateline',
  dir: 'ltr',
};
const arabic: PreviewCard = {
  headline: 'حماس تنسحب من مفاوضات وقف إطلاق النار في غزة',
  kicker: 'غزة · 14 يوليو 2024',
  siteName: 'Dateline',
  dir: 'rtl',
};

async function measure(image: Buffer) {
  const { width, height, format } = await sharp(image).metadata();
  return { width, height, format, withinLimit: image.byteLength <= PREVIEW_MAX_BYTES };
}

/** The rows, from the top of the headline box down, that hold bright (text) pixels. */
async function textRows(image: Buffer, from = 180, to = 616): Promise<number[]> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const rows: number[] = [];
  for (let y = from; y < to; y++) {
    for (let x = 0; x < info.width; x++) {
      if ((data[y * info.width + x] ?? 0) > 200) {
        rows.push(y);
        break;
      }
    }
  }
  return rows;
}

/** Height of the first line of text in the headline box: its letters' size. */
async function firstLineHeight(image: Buffer): Promise<number> {
  const rows = await textRows(image);
  const end = rows.findIndex((row, index) => index > 0 && row !== (rows[index - 1] ?? 0) + 1);
  return end === -1 ? rows.length : end;
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
    ['a headline longer than the format allows', { ...english, headline: 'x '.repeat(400).trim() }],
  ])('are 1200×630 JPEG within 300 KB for %s', async (_, card) => {
    expect(await measure(await drawPreviewCard(card))).toEqual({ width: 1200, height: 630, format: 'jpeg', withinLimit: true });
  });

  it('set Arabic text on the right-hand side', async () => {
    const { data, info } = await sharp(await drawPreviewCard({ ...arabic, headline: 'قصير' }))
      .greyscale()
      .raw()
      .toBuffer({ resolveWithObject: true });
    // Bright (text) pixels of the headline band lie in the right half only.
    let left = 0;
    let right = 0;
    for (let y = 200; y < 420; y++) {
      for (let x = 0; x < info.width; x++) {
        if ((data[y * info.width + x] ?? 0) > 200) x < info.width / 2 ? left++ : right++;
      }
    }
    expect(right).toBeGreaterThan(100);
    expect(left).toBe(0);
  });

  it('set a headline as large as it fits, however long it looks', async () => {
    // 79 characters, more than the largest size usually holds; but capital I is narrow, and they fit it.
    const short = await firstLineHeight(await drawPreviewCard({ ...english, headline: 'III III III' }));
    const narrow = await firstLineHeight(await drawPreviewCard({ ...english, headline: 'IIIIIIIII '.repeat(8).trim() }));
    const wide = await firstLineHeight(await drawPreviewCard({ ...english, headline: 'WWWWWWWWW '.repeat(8).trim() }));
    expect(narrow).toBe(short);
    expect(wide).toBeLessThan(short);
  });

  it('keep even the longest text inside the headline box, clear of the accent rule', async () => {
    const image = await drawPreviewCard({ ...english, headline: 'x '.repeat(400).trim() });
    expect(await textRows(image, 180 + 330, 616)).toEqual([]);
  });

  it('are the same bytes every time, whatever was rendered before or alongside', async () => {
    const cards = [english, arabic, { ...english, background: chart }, { ...english, headline: 'Another headline' }];
    // Compared by hash: a failing comparison of whole JPEGs would have vitest diff megabytes.
    const digest = (image: Buffer) => createHash('sha256').update(image).digest('hex');
    const alone = [];
    for (const card of cards) alone.push(digest(await drawPreviewCard(card)));
    const together = await Promise.all([...cards].reverse().map(async (card) => digest(await drawPreviewCard(card))));
    expect(together.reverse()).toEqual(alone);
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
});

describe('the preview card cache', () => {
  let cache: string;
  beforeEach(async () => {
    cache = await mkdtemp(join(tmpdir(), 'dateline-cards-'));
  });
  afterEach(() => rm(cache, { recursive: true, force: true }));
  const site = { name: 'Dateline', timeZone: 'Asia/Gaza' };

  it('draws each card once into the cache, named by their key', async () => {
    const card = articleCard(anArticle(), site, '/site');
    const key = await ensurePreview(card, cache);
    expect(key).toBe(await previewKey(card));
    const drawn = await stat(previewFile(cache, key));
    expect(await ensurePreview(card, cache)).toBe(key);
    expect((await stat(previewFile(cache, key))).mtimeMs).toBe(drawn.mtimeMs);
  });
  it('reads a card from the cache once drawn', async () => {
    const card = articleCard(anArticle(), site, '/site');
    const first = await cachedPreview(card, cache);
    const files = await readdir(cache);
    expect(files).toEqual([`${await previewKey(card)}.jpg`]);
    // A marker in the cached file proves the second call reads it instead of drawing again.
    await writeFile(join(cache, files[0]!), 'cached');
    expect((await cachedPreview(card, cache)).toString()).toBe('cached');
    expect(first.byteLength).toBeGreaterThan(1000);
  });
});
