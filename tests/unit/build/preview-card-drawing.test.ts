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
    ['a standfirst', { ...english, standfirst: 'The group says it will not return to talks until Israel shows it is serious.' }],
    ['the longest standfirst the format allows', { ...english, standfirst: 'word '.repeat(60).trim() }],
    ['an Arabic standfirst', { ...arabic, standfirst: 'الحركة تقول إنها لن تعود إلى المحادثات التي ترعاها قطر ومصر.' }],
    ['a lead picture', { ...english, picture: chart }],
    ['a lead picture and an Arabic headline', { ...arabic, picture: chart }],
    ['a lead picture and a kicker that wraps', { ...english, picture: chart, kicker: 'K '.repeat(150) }],
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
    expect(await textRows(image, 575, 616)).toEqual([]);
  });

  it('are the same bytes every time, whatever was rendered before or alongside', async () => {
    const cards = [english, arabic, { ...english, picture: chart }, { ...english, headline: 'Another headline', standfirst: 'More.' }];
    // Compared by hash: a failing comparison of whole JPEGs would have vitest diff megabytes.
    const digest = (image: Buffer) => createHash('sha256').update(image).digest('hex');
    const alone = [];
    for (const card of cards) alone.push(digest(await drawPreviewCard(card)));
    const together = await Promise.all([...cards].reverse().map(async (card) => digest(await drawPreviewCard(card))));
    expect(together.reverse()).toEqual(alone);
  });

  it('are keyed by everything they show, the lead picture bytes included', async () => {
    const key = await previewKey(english);
    expect(await previewKey({ ...english })).toBe(key);
    expect(await previewKey({ ...english, headline: 'Another headline' })).not.toBe(key);
    expect(await previewKey({ ...english, kicker: 'DOHA · 14 July 2024' })).not.toBe(key);
    expect(await previewKey({ ...english, standfirst: 'Talks stall.' })).not.toBe(key);
    const picture = join(folder, 'lead.png');
    await copyFile(chart, picture);
    const withPicture = await previewKey({ ...english, picture });
    await sharp(chart).flip().toFile(join(folder, 'flipped.png'));
    await copyFile(join(folder, 'flipped.png'), picture);
    expect(await previewKey({ ...english, picture })).not.toBe(withPicture);
  });
});

/** How many bright (text) pixels each row holds, from `from` to `to`. */
async function inkPerRow(image: Buffer, from: number, to: number): Promise<number[]> {
  const { data, info } = await sharp(image).greyscale().raw().toBuffer({ resolveWithObject: true });
  const counts: number[] = [];
  for (let y = from; y < to; y++) {
    let count = 0;
    for (let x = 0; x < info.width; x++) if ((data[y * info.width + x] ?? 0) > 200) count++;
    counts.push(count);
  }
  return counts;
}

/** Distance between the two inkiest rows at least `apart` rows from each other: the baselines of two lines. */
async function linePitch(image: Buffer, apart = 40): Promise<number> {
  const counts = await inkPerRow(image, 180, 520);
  const first = counts.indexOf(Math.max(...counts));
  const others = counts.map((count, row) => (Math.abs(row - first) >= apart ? count : -1));
  return Math.abs(others.indexOf(Math.max(...others)) - first);
}

describe('cards without a picture', () => {
  const standfirst =
    'The group says it will not return to talks brokered by Qatar and Egypt until Israel shows it is serious about a truce.';

  it('fill the lower half with the standfirst', async () => {
    const inked = (image: Buffer, from: number) => inkPerRow(image, from, 575).then((rows) => rows.filter((count) => count > 0).length);
    const withStandfirst = await drawPreviewCard({ ...english, standfirst });
    expect(await inked(withStandfirst, 330)).toBeGreaterThan(100);
    expect(await inked(withStandfirst, 480)).toBeGreaterThan(30);
    // Without one, the headline alone stands in the middle, and the foot of the card stays empty.
    expect(await inked(await drawPreviewCard(english), 480)).toBe(0);
  });

  it('end a standfirst too long for the card above the rule, whatever the headline took', async () => {
    const image = await drawPreviewCard({ ...english, headline: 'word '.repeat(25).trim(), standfirst: 'word '.repeat(60).trim() });
    expect(await textRows(image, 575, 616)).toEqual([]);
    expect((await textRows(image, 420, 575)).length).toBeGreaterThan(20);
  });

  it('set lines as far apart as their script needs: Arabic more than Latin, and no further', async () => {
    // Both headlines take two lines at 68 px; Noto Sans Arabic's own spacing would put them 145 px apart.
    const latin = await linePitch(await drawPreviewCard(english));
    const arabicPitch = await linePitch(await drawPreviewCard(arabic));
    expect(latin).toBeGreaterThanOrEqual(72);
    expect(latin).toBeLessThanOrEqual(86);
    expect(arabicPitch).toBeGreaterThanOrEqual(96);
    expect(arabicPitch).toBeLessThanOrEqual(114);
  });
});

describe('cards with a picture', () => {
  const blue = { r: 40, g: 120, b: 200 };
  let picture: string;
  beforeEach(async () => {
    picture = join(folder, 'blue.png');
    await sharp({ create: { width: 1600, height: 900, channels: 3, background: blue } })
      .png()
      .toFile(picture);
  });

  /** Rows, from the top, whose every pixel is the picture's colour (give or take JPEG's rounding). */
  async function pictureRows(image: Buffer): Promise<number> {
    const { data, info } = await sharp(image).raw().toBuffer({ resolveWithObject: true });
    const near = (value: number | undefined, target: number) => Math.abs((value ?? -99) - target) <= 6;
    for (let y = 0; y < info.height; y++) {
      for (let x = 0; x < info.width; x++) {
        const at = (y * info.width + x) * 3;
        if (!near(data[at], blue.r) || !near(data[at + 1], blue.g) || !near(data[at + 2], blue.b)) return y;
      }
    }
    return info.height;
  }

  it('show the picture undimmed above a band that holds the kicker and headline', async () => {
    const image = await drawPreviewCard({ ...english, picture });
    const bandTop = await pictureRows(image);
    expect(bandTop).toBeGreaterThan(320);
    expect(bandTop).toBeLessThan(480);
    expect((await textRows(image, bandTop, 616)).length).toBeGreaterThan(60);
  });

  it('give a longer headline a taller band and leave the picture at least half the card', async () => {
    const short = await pictureRows(await drawPreviewCard({ ...english, picture, headline: 'Talks stall' }));
    const long = await pictureRows(
      await drawPreviewCard({ ...english, picture, headline: 'word '.repeat(40).trim(), kicker: 'K '.repeat(150) }),
    );
    expect(long).toBeLessThan(short);
    expect(long).toBeGreaterThanOrEqual(315);
  });

  it('leave out the standfirst, which the headline band has no room for', async () => {
    const without = await drawPreviewCard({ ...english, picture });
    const withStandfirst = await drawPreviewCard({ ...english, picture, standfirst: 'The group says it will not return to talks.' });
    expect(withStandfirst.equals(without)).toBe(true);
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
