import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { escape } from 'html-escaper';
import sharp, { type CreateText } from 'sharp';
import { PREVIEW_HEIGHT, PREVIEW_MAX_BYTES, PREVIEW_WIDTH, type PreviewCard } from '../lib/outputs/preview-card.ts';
import { writeAtomically } from './cache.ts';

/**
 * Draws preview cards (what each shows: src/lib/outputs/preview-card.ts), laid out by Pango through
 * sharp so that Arabic is shaped and set right to left, with fonts from npm packages, never from the
 * machine; and keeps each under `.cache/previews/`, named by `previewKey`, so that an unchanged card
 * is never drawn twice.
 */
/** Part of every cache key: bump it when the card's design changes. */
const DESIGN_VERSION = 3;

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);
/** `capacity`: roughly how many characters of a headline fit its box at a font size, times the size squared. */
const FONTS = {
  serif: { file: font('@expo-google-fonts/noto-serif', '700Bold/NotoSerif_700Bold.ttf'), family: 'Noto Serif Bold', capacity: 340_000 },
  sans: { file: font('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'), family: 'Noto Sans Bold', capacity: 340_000 },
  arabic: {
    file: font('@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
    family: 'Noto Sans Arabic Bold',
    capacity: 290_000,
  },
};

type Face = (typeof FONTS)[keyof typeof FONTS];

const MARGIN = 72;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * MARGIN;
const HEADLINE_BOX = { top: 180, height: 330 };
const HEADLINE_SIZES = [68, 60, 52, 46, 40, 34];
const RULE_HEIGHT = 14;
const COLOURS = { paper: rgb('#16150f'), text: rgb('#fffdf8'), accent: rgb('#ff8a9b') };

export async function drawPreviewCard(card: PreviewCard): Promise<Buffer> {
  const rtl = card.dir === 'rtl';
  const headlineFont = rtl || /[\u0600-\u06FF]/.test(card.headline) ? FONTS.arabic : FONTS.serif;
  const kickerFont = rtl ? FONTS.arabic : FONTS.sans;

  const [chrome, kicker, headline, photo] = await Promise.all([
    sharedChrome(card.siteName),
    text(card.kicker, kickerFont, 30),
    fitHeadline(card.headline, headlineFont),
    card.background ? shadedBackground(card.background) : undefined,
  ]);
  const canvas = photo ? drawChrome(photo, chrome.siteName) : plainCanvas(chrome);
  try {
    const x = (width: number) => (rtl ? PREVIEW_WIDTH - MARGIN - width : MARGIN);
    draw(canvas, kicker, COLOURS.accent, x(kicker.width), HEADLINE_BOX.top - kicker.height - 18);
    draw(canvas, headline, COLOURS.text, x(headline.width), HEADLINE_BOX.top);
    return await encodeWithinBudget(canvas);
  } finally {
    if (!photo) spareCanvases.push(canvas);
  }
}

/** A hash of everything the card shows, the background image's bytes included. */
export async function previewKey(card: PreviewCard): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, ...card, background: undefined }));
  if (card.background) hash.update(await readFile(card.background));
  return hash.digest('hex').slice(0, 32);
}

/** Text as Pango sets it: one byte of coverage per pixel, coloured when it is drawn. */
interface Mask {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/**
 * The headline at the largest of HEADLINE_SIZES at which it fits the box. Sizes that its length says
 * are too large are only measured (sharp's metadata, a third of the cost of taking the pixels out);
 * the first size likely to fit is drawn. The length only decides where drawing starts, never which
 * size wins.
 */
async function fitHeadline(headline: string, face: Face): Promise<Mask> {
  const length = [...headline].length;
  for (const size of HEADLINE_SIZES) {
    if (length * size * size > face.capacity && (await textHeight(headline, face, size)) > HEADLINE_BOX.height) continue;
    const rendered = await text(headline, face, size);
    if (rendered.height <= HEADLINE_BOX.height) return rendered;
  }
  // Longer than any headline the format allows: Pango picks the resolution that fits the box.
  return text(headline, face, 30, HEADLINE_BOX.height);
}

async function textHeight(value: string, face: Face, size: number): Promise<number> {
  const { height } = await sharp({ text: textOptions(value, face, size) }).metadata();
  return height;
}

async function text(value: string, face: Face, size: number, height?: number): Promise<Mask> {
  // One band of coverage, kept grey through the pipeline: a quarter of the bytes of RGBA, and no
  // conversion to sRGB and back.
  const { data, info } = await sharp({ text: textOptions(value, face, size, height) })
    .pipelineColourspace('b-w')
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`Pango set "${value}" in ${info.channels} channels; 1 expected`);
  return { data, width: info.width, height: info.height };
}

/** Without `height` the text is set at 72 dpi, so a font size is a pixel size; with it, sharp fits the text into the box. */
function textOptions(value: string, face: Face, size: number, height?: number): CreateText {
  return {
    // Pango markup: the text is escaped, so nothing an editor writes can become markup.
    text: escape(value),
    font: `${face.family} ${size}`,
    fontfile: face.file,
    width: TEXT_WIDTH,
    // Pango's "left" is the start of the line: it sets right-to-left paragraphs flush right.
    align: 'left',
    // Words longer than a line (a URL, markup written as text) break between characters.
    wrap: 'word-char',
    ...(height ? { height } : { dpi: 72 }),
  };
}

// ---- Pixels drawn in JavaScript -----------------------------------------------------------------
// libvips composites in floating point over the whole canvas (about 10 ms a card), and creating a
// plain canvas costs as much again: the canvas is a raw RGB buffer here, and the text is laid on it
// by hand, over the few rows it covers.

type Rgb = readonly [number, number, number];

interface Chrome {
  /** The site name as Pango set it, to lay on photographs. */
  readonly siteName: Mask;
  /** The plain card with everything but the kicker and headline: paper, site name and accent rule. */
  readonly plain: Buffer;
}

const chromes = new Map<string, Promise<Chrome>>();

/** What every card of a site shares, set once per process: one site has one name. */
function sharedChrome(siteName: string): Promise<Chrome> {
  let chrome = chromes.get(siteName);
  if (!chrome) {
    chrome = text(siteName, FONTS.serif, 40).then((layer) => {
      const plain = Buffer.alloc(PREVIEW_WIDTH * PREVIEW_HEIGHT * 3);
      plain.fill(Buffer.from(COLOURS.paper));
      return { siteName: layer, plain: drawChrome(plain, layer) };
    });
    // A failed render is not kept: the next card tries again.
    chrome.catch(() => chromes.delete(siteName));
    chromes.set(siteName, chrome);
  }
  return chrome;
}

function drawChrome(canvas: Buffer, siteName: Mask): Buffer {
  draw(canvas, siteName, COLOURS.text, MARGIN, 56);
  canvas.fill(Buffer.from(COLOURS.accent), (PREVIEW_HEIGHT - RULE_HEIGHT) * PREVIEW_WIDTH * 3);
  return canvas;
}

/** Paints `colour` through the mask onto the RGB canvas ("over", rounded), clipped to the canvas. */
function draw(canvas: Buffer, mask: Mask, [red, green, blue]: Rgb, left: number, top: number): void {
  const fromX = Math.max(0, -left);
  const toX = Math.min(mask.width, PREVIEW_WIDTH - left);
  const fromY = Math.max(0, -top);
  const toY = Math.min(mask.height, PREVIEW_HEIGHT - top);
  const { data } = mask;
  for (let y = fromY; y < toY; y++) {
    let source = y * mask.width + fromX;
    let target = ((top + y) * PREVIEW_WIDTH + left + fromX) * 3;
    for (let x = fromX; x < toX; x++, source++, target += 3) {
      const alpha = data[source]!;
      if (alpha === 0) continue;
      const rest = 255 - alpha;
      canvas[target] = (red * alpha + canvas[target]! * rest + 127) / 255;
      canvas[target + 1] = (green * alpha + canvas[target + 1]! * rest + 127) / 255;
      canvas[target + 2] = (blue * alpha + canvas[target + 2]! * rest + 127) / 255;
    }
  }
}

function rgb(hex: string): Rgb {
  const value = Number.parseInt(hex.slice(1), 16);
  return [value >> 16, (value >> 8) & 0xff, value & 0xff];
}

/**
 * Buffers of finished plain cards, drawn over by the next ones: a fresh 2.3 MB buffer costs the
 * kernel's page faults on every card, about half a millisecond.
 */
const spareCanvases: Buffer[] = [];

function plainCanvas(chrome: Chrome): Buffer {
  const canvas = spareCanvases.pop() ?? Buffer.allocUnsafe(chrome.plain.byteLength);
  chrome.plain.copy(canvas);
  return canvas;
}

/**
 * The lead image cropped to the card where it draws the eye, darkened from 55 % black at the top to
 * 80 % at the bottom, so that white text stays readable on it.
 */
async function shadedBackground(file: string): Promise<Buffer> {
  const { data, info } = await sharp(file)
    .resize(PREVIEW_WIDTH, PREVIEW_HEIGHT, { fit: 'cover', position: sharp.strategy.attention })
    // Transparent parts turn dark, as the shade would leave them.
    .flatten({ background: '#000' })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== PREVIEW_WIDTH || info.height !== PREVIEW_HEIGHT || info.channels !== 3) {
    throw new Error(
      `${file} came out ${info.width}×${info.height} with ${info.channels} channels; ${PREVIEW_WIDTH}×${PREVIEW_HEIGHT} RGB expected`,
    );
  }
  const shades = shadeTable();
  for (let y = 0, index = 0; y < PREVIEW_HEIGHT; y++) {
    const row = y * 256;
    for (const end = index + PREVIEW_WIDTH * 3; index < end; index++) data[index] = shades[row + data[index]!]!;
  }
  return data;
}

let shades: Uint8Array | undefined;

/** For each row, each value times what the gradient leaves of it: one lookup per byte. */
function shadeTable(): Uint8Array {
  if (!shades) {
    shades = new Uint8Array(PREVIEW_HEIGHT * 256);
    for (let y = 0; y < PREVIEW_HEIGHT; y++) {
      const kept = 1 - (0.55 + 0.25 * ((y + 0.5) / PREVIEW_HEIGHT));
      for (let value = 0; value < 256; value++) shades[y * 256 + value] = Math.round(value * kept);
    }
  }
  return shades;
}

/**
 * JPEG at the best quality that stays within the weight limit, in one pass of libjpeg-turbo with its
 * standard Huffman tables. Optimised tables save 13 % (50 KB against 57 KB for a plain card) but take
 * a second pass that costs more than half of the encoding (3 ms of a card's 5); mozjpeg saves a little
 * more again at ten times the time.
 */
async function encodeWithinBudget(canvas: Buffer): Promise<Buffer> {
  const raw = { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, channels: 3 } as const;
  let jpeg = Buffer.alloc(0);
  for (const quality of [82, 72, 62, 50, 40]) {
    jpeg = await sharp(canvas, { raw }).jpeg({ quality, optimiseCoding: false }).toBuffer();
    if (jpeg.byteLength <= PREVIEW_MAX_BYTES) break;
  }
  return jpeg;
}

/** The card's key, after drawing it into `cacheDir` unless a card with that key is there already. */
export async function ensurePreview(card: PreviewCard, cacheDir: string): Promise<string> {
  const key = await previewKey(card);
  const path = previewFile(cacheDir, key);
  if (!existsSync(path)) await writeAtomically(path, await drawPreviewCard(card));
  return key;
}

/** The card's picture, from the cache or drawn into it (the dev server's routes ask for these). */
export async function cachedPreview(card: PreviewCard, cacheDir: string): Promise<Buffer> {
  return readFile(previewFile(cacheDir, await ensurePreview(card, cacheDir)));
}

export function previewFile(cacheDir: string, key: string): string {
  return join(cacheDir, `${key}.jpg`);
}
