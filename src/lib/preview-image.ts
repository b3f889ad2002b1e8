import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escape } from 'html-escaper';
import sharp, { type CreateText, type OverlayOptions } from 'sharp';
import type { TextDirection } from './i18n.ts';

/**
 * The picture a shared link unfolds into: 1200×630 JPEG, under 300 KB (WhatsApp drops larger ones),
 * with the headline, dateline, date and site name, laid out by Pango through sharp, so that Arabic is
 * shaped and set right to left. Fonts come from npm packages, never from the machine. A rendered card
 * is kept under `.cache/previews/`, named by a hash of everything it shows.
 */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
export const PREVIEW_MAX_BYTES = 300 * 1024;
/** Part of every cache key: bump it when the card's design changes. */
const DESIGN_VERSION = 2;

export interface PreviewCard {
  readonly headline: string;
  /** "GAZA · 14 July 2024", in the article's language. */
  readonly kicker: string;
  readonly siteName: string;
  readonly dir: TextDirection;
  /** Absolute path of a lead image to crop behind the text, if the article has one. */
  readonly background?: string | undefined;
}

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
const FONTS = {
  serif: { file: font('@expo-google-fonts/noto-serif', '700Bold/NotoSerif_700Bold.ttf'), family: 'Noto Serif Bold' },
  sans: { file: font('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'), family: 'Noto Sans Bold' },
  arabic: { file: font('@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'), family: 'Noto Sans Arabic Bold' },
};

type Face = (typeof FONTS)[keyof typeof FONTS];

const MARGIN = 72;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * MARGIN;
const HEADLINE_BOX = { top: 180, height: 330 };
const HEADLINE_SIZES = [68, 60, 52, 46, 40, 34];
const COLOURS = { paper: '#16150f', text: '#fffdf8', accent: '#ff8a9b', muted: '#d9d4c7' };

export async function renderPreview(card: PreviewCard): Promise<Buffer> {
  const rtl = card.dir === 'rtl';
  const headlineFont = rtl || /[\u0600-\u06FF]/.test(card.headline) ? FONTS.arabic : FONTS.serif;
  const kickerFont = rtl ? FONTS.arabic : FONTS.sans;

  const [siteName, kicker, headline] = await Promise.all([
    text(card.siteName, FONTS.serif, 40, COLOURS.text),
    text(card.kicker, kickerFont, 30, COLOURS.accent),
    fitHeadline(card.headline, headlineFont),
  ]);
  const x = (width: number) => (rtl ? PREVIEW_WIDTH - MARGIN - width : MARGIN);
  // Text layers stay raw pixels from Pango to the composite: no PNG round trips.
  const layer = ({ data, info }: RawImage, left: number, top: number): OverlayOptions => ({
    input: data,
    raw: { width: info.width, height: info.height, channels: info.channels },
    left,
    top,
  });

  const layers: OverlayOptions[] = [
    layer(siteName, MARGIN, 56),
    layer(kicker, x(kicker.info.width), HEADLINE_BOX.top - kicker.info.height - 18),
    layer(headline, x(headline.info.width), HEADLINE_BOX.top),
    { input: Buffer.from(rule()), left: 0, top: PREVIEW_HEIGHT - 14 },
  ];
  const base = card.background
    ? await sharp(card.background)
        .resize(PREVIEW_WIDTH, PREVIEW_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
        .composite([{ input: Buffer.from(shade()) }])
        .raw()
        .toBuffer({ resolveWithObject: true })
    : undefined;
  const canvas = base
    ? sharp(base.data, { raw: { width: base.info.width, height: base.info.height, channels: base.info.channels } })
    : sharp({ create: { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, channels: 3, background: COLOURS.paper } });
  const composed = await canvas.composite(layers).removeAlpha().raw().toBuffer({ resolveWithObject: true });
  return encodeWithinBudget(composed);
}

type RawImage = { data: Buffer; info: { width: number; height: number; channels: 1 | 2 | 3 | 4 } };

/** The cached card if its hash is known, else a new one, written to the cache for next time. */
export async function cachedPreview(card: PreviewCard, cacheDir: string): Promise<Buffer> {
  const path = join(cacheDir, `${await previewKey(card)}.jpg`);
  try {
    return await readFile(path);
  } catch {
    const image = await renderPreview(card);
    await mkdir(cacheDir, { recursive: true });
    // Written under a temporary name first, so that a parallel or interrupted build never leaves half a file.
    const partial = `${path}.${process.pid}.partial`;
    await writeFile(partial, image);
    await rename(partial, path);
    return image;
  }
}

/** A hash of everything the card shows, the background image's bytes included. */
export async function previewKey(card: PreviewCard): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, ...card, background: undefined }));
  if (card.background) hash.update(await readFile(card.background));
  return hash.digest('hex').slice(0, 32);
}

async function fitHeadline(headline: string, face: Face): Promise<RawImage> {
  for (const size of HEADLINE_SIZES) {
    const rendered = await text(headline, face, size, COLOURS.text);
    if (rendered.info.height <= HEADLINE_BOX.height) return rendered;
  }
  // The longest headlines the format allows: the smallest size, cut to the box by sharp itself.
  return sharp({ text: { ...textOptions(headline, face, 30, COLOURS.text), height: HEADLINE_BOX.height } }).raw().toBuffer({ resolveWithObject: true });
}

function text(value: string, face: Face, size: number, colour: string): Promise<RawImage> {
  return sharp({ text: textOptions(value, face, size, colour) }).raw().toBuffer({ resolveWithObject: true });
}

function textOptions(value: string, face: Face, size: number, colour: string): CreateText {
  return {
    // Pango markup: the text is escaped, so nothing an editor writes can become markup.
    text: `<span foreground="${colour}">${escape(value)}</span>`,
    font: `${face.family} ${size}`,
    fontfile: face.file,
    width: TEXT_WIDTH,
    // Pango's "left" is the start of the line: it sets right-to-left paragraphs flush right.
    align: 'left',
    // Words longer than a line (a URL, markup written as text) break between characters.
    wrap: 'word-char',
    rgba: true,
    dpi: 72,
  };
}

/** Darkens a photograph so that white text stays readable on it. */
function shade(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="${PREVIEW_HEIGHT}"><defs><linearGradient id="g" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#000" stop-opacity="0.55"/><stop offset="1" stop-color="#000" stop-opacity="0.8"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
}

function rule(): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${PREVIEW_WIDTH}" height="14"><rect width="100%" height="100%" fill="${COLOURS.accent}"/></svg>`;
}

/**
 * JPEG at the best quality that stays within the weight limit. Plain libjpeg-turbo with optimised
 * Huffman tables: mozjpeg saves a few kilobytes but costs seven times the time (45 ms against 7 here).
 */
async function encodeWithinBudget({ data, info }: RawImage): Promise<Buffer> {
  const raw = { width: info.width, height: info.height, channels: info.channels };
  let jpeg = Buffer.alloc(0);
  for (const quality of [82, 72, 62, 50, 40]) {
    jpeg = await sharp(data, { raw }).jpeg({ quality, optimiseCoding: true }).toBuffer();
    if (jpeg.byteLength <= PREVIEW_MAX_BYTES) break;
  }
  return jpeg;
}
