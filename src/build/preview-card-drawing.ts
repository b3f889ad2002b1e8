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
const DESIGN_VERSION = 5;

const require = createRequire(import.meta.url);
const font = (pkg: string, file: string) => join(dirname(require.resolve(`${pkg}/package.json`)), file);

/**
 * A font and how text is set in it. `lineHeight`: the distance between lines in ems, which replaces
 * the font's own (Noto Sans Arabic's is 2.1 ems, room for stacks of marks that news text never
 * carries). `sample`: a letter the font has, to measure that distance with. `advance` and `ink`:
 * a character's usual width and a line's usual height in ems, to guess the size a text fits at.
 */
interface Face {
  readonly file: string;
  readonly family: string;
  readonly lineHeight: number;
  readonly sample: string;
  readonly advance: number;
  readonly ink: number;
}

const FONTS = {
  headline: {
    file: font('@expo-google-fonts/noto-serif', '700Bold/NotoSerif_700Bold.ttf'),
    family: 'Noto Serif Bold',
    lineHeight: 1.15,
    sample: 'H',
    advance: 0.51,
    ink: 1.02,
  },
  text: {
    file: font('@expo-google-fonts/noto-serif', '400Regular/NotoSerif_400Regular.ttf'),
    family: 'Noto Serif',
    lineHeight: 1.4,
    sample: 'H',
    advance: 0.48,
    ink: 1.02,
  },
  label: {
    file: font('@expo-google-fonts/noto-sans', '700Bold/NotoSans_700Bold.ttf'),
    family: 'Noto Sans Bold',
    lineHeight: 1.25,
    sample: 'H',
    advance: 0.55,
    ink: 1.0,
  },
  arabicHeadline: {
    file: font('@expo-google-fonts/noto-sans-arabic', '700Bold/NotoSansArabic_700Bold.ttf'),
    family: 'Noto Sans Arabic Bold',
    lineHeight: 1.55,
    sample: 'ب',
    advance: 0.48,
    ink: 1.5,
  },
  arabicText: {
    file: font('@expo-google-fonts/noto-sans-arabic', '400Regular/NotoSansArabic_400Regular.ttf'),
    family: 'Noto Sans Arabic',
    lineHeight: 1.65,
    sample: 'ب',
    advance: 0.44,
    ink: 1.4,
  },
} satisfies Record<string, Face>;

const ARABIC_SCRIPT = /[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]/;

/** A box text is fitted into: its width, and the height it may take. */
interface Box {
  readonly width: number;
  readonly height: number;
}

const MARGIN = 72;
const TEXT_WIDTH = PREVIEW_WIDTH - 2 * MARGIN;
const RULE_HEIGHT = 14;
const COLOURS = { paper: rgb('#16150f'), text: rgb('#fffdf8'), muted: rgb('#d6d0c4'), accent: rgb('#ff8a9b') };

/**
 * The card without a picture: the site name at the top, then the kicker, the headline and the
 * standfirst, set from `textTop` with as large a type as fits, and moved down to the middle of the
 * room left above the rule when they do not fill it.
 */
const PLAIN = {
  textTop: 180,
  textBottom: PREVIEW_HEIGHT - RULE_HEIGHT - 44,
  headline: { width: TEXT_WIDTH, height: 330 },
  /** With a standfirst, the headline leaves it the lower half at least. */
  headlineAboveStandfirst: { width: TEXT_WIDTH, height: 240 },
  headlineSizes: [68, 60, 52, 46, 40, 34],
  kickerGap: 18,
  gap: 30,
  standfirstSizes: [44, 40, 36, 32, 28],
};

/** The card with a picture: the picture above a band that holds the kicker, the site name and the headline. */
const BAND = {
  padding: 30,
  gap: 14,
  headline: { width: TEXT_WIDTH, height: 140 },
  headlineSizes: [56, 50, 44, 40, 36],
  labelSize: 28,
  /** The kicker wraps, but never pushes the picture below this height. */
  pictureMinimum: 320,
};

export async function drawPreviewCard(card: PreviewCard): Promise<Buffer> {
  const canvas = spareCanvases.pop() ?? Buffer.allocUnsafe(PREVIEW_WIDTH * PREVIEW_HEIGHT * 3);
  try {
    await (card.picture ? drawPictureCard(canvas, card, card.picture) : drawPlainCard(canvas, card));
    return await encodeWithinBudget(canvas);
  } finally {
    spareCanvases.push(canvas);
  }
}

/** A hash of everything the card shows, the picture's bytes included. */
export async function previewKey(card: PreviewCard): Promise<string> {
  const hash = createHash('sha256').update(JSON.stringify({ DESIGN_VERSION, ...card, picture: undefined }));
  if (card.picture) hash.update(await readFile(card.picture));
  return hash.digest('hex').slice(0, 32);
}

function faces(card: PreviewCard) {
  const rtl = card.dir === 'rtl';
  return {
    rtl,
    headline: rtl || ARABIC_SCRIPT.test(card.headline) ? FONTS.arabicHeadline : FONTS.headline,
    standfirst: rtl || ARABIC_SCRIPT.test(card.standfirst ?? '') ? FONTS.arabicText : FONTS.text,
    kicker: rtl ? FONTS.arabicHeadline : FONTS.label,
  };
}

/** The left edge of a block of text set at the start of a line, in the card's direction. */
function start(rtl: boolean, mask: Mask): number {
  return rtl ? PREVIEW_WIDTH - MARGIN - mask.width : MARGIN;
}

async function drawPlainCard(canvas: Buffer, card: PreviewCard): Promise<void> {
  const face = faces(card);
  const box = card.standfirst ? PLAIN.headlineAboveStandfirst : PLAIN.headline;
  const [chrome, kicker, headline] = await Promise.all([
    plainChrome(card.siteName),
    text(card.kicker, face.kicker, 30, TEXT_WIDTH),
    fitHeadline(card.headline, face.headline, PLAIN.headlineSizes, box),
  ]);
  const room = PLAIN.textBottom - PLAIN.textTop - headline.height - PLAIN.gap;
  const standfirst = card.standfirst
    ? await fitStandfirst(card.standfirst, face.standfirst, { width: TEXT_WIDTH, height: room })
    : undefined;
  const top = PLAIN.textTop + Math.floor((room - (standfirst ? standfirst.height : -PLAIN.gap)) / 2);
  chrome.copy(canvas);
  draw(canvas, kicker, COLOURS.accent, start(face.rtl, kicker), top - kicker.height - PLAIN.kickerGap);
  draw(canvas, headline, COLOURS.text, start(face.rtl, headline), top);
  if (standfirst) draw(canvas, standfirst, COLOURS.muted, start(face.rtl, standfirst), top + headline.height + PLAIN.gap);
}

async function drawPictureCard(canvas: Buffer, card: PreviewCard, file: string): Promise<void> {
  const face = faces(card);
  const siteName = await bandSiteName(card.siteName);
  const [kicker, headline] = await Promise.all([
    text(card.kicker, face.kicker, BAND.labelSize, TEXT_WIDTH - siteName.width - 48),
    fitHeadline(card.headline, face.headline, BAND.headlineSizes, BAND.headline),
  ]);
  const labelRoom = PREVIEW_HEIGHT - BAND.pictureMinimum - 2 * BAND.padding - BAND.gap - headline.height - RULE_HEIGHT;
  const label = { ...kicker, height: Math.min(kicker.height, labelRoom) };
  const labelHeight = Math.max(label.height, siteName.height);
  const bandTop = PREVIEW_HEIGHT - RULE_HEIGHT - BAND.padding - headline.height - BAND.gap - labelHeight - BAND.padding;
  (await croppedPicture(file, bandTop)).copy(canvas);
  canvas.fill(Buffer.from(COLOURS.paper), bandTop * PREVIEW_WIDTH * 3);
  drawRule(canvas);
  const labelTop = bandTop + BAND.padding;
  draw(canvas, label, COLOURS.accent, start(face.rtl, label), labelTop);
  draw(canvas, siteName, COLOURS.text, start(!face.rtl, siteName), labelTop);
  draw(canvas, headline, COLOURS.text, start(face.rtl, headline), labelTop + labelHeight + BAND.gap);
}

/** Text as Pango sets it: one byte of coverage per pixel, coloured when it is drawn. */
interface Mask {
  readonly data: Buffer;
  readonly width: number;
  readonly height: number;
}

/** The headline at the largest of `sizes` at which it fits the box. */
async function fitHeadline(headline: string, face: Face, sizes: readonly number[], box: Box): Promise<Mask> {
  const fitted = await fitText(headline, face, sizes, box);
  // Longer than any headline the format allows: Pango picks the resolution that fits the box.
  return fitted ?? text(headline, face, 30, box.width, box.height);
}

/**
 * The text at the largest of `sizes` at which it fits the box, if one does. Every attempt costs a
 * Pango layout and its pixels, so the text is drawn first at the size its length suggests, and
 * that drawing measures it: the width of its lines, added up, is the text's length on one line,
 * from which the lines it takes at each size follow, less what wrapping leaves at the end of each
 * line (half a word on average). Only a size that promises to fit is drawn after that.
 */
async function fitText(value: string, face: Face, sizes: readonly number[], box: Box): Promise<Mask | undefined> {
  const words = value.split(/\s+/).length;
  const promise = (length: number, ink: number) => (size: number) => {
    const lines = Math.ceil((length * size) / (box.width - (length * size) / words / 2));
    return (lines - 1) * face.lineHeight * size + ink * size <= box.height;
  };
  const likely = sizes.findIndex(promise([...value].length * face.advance, face.ink));
  const guess = likely === -1 ? sizes.length - 1 : likely;
  const drawn = new Map([[guess, await text(value, face, sizes[guess]!, box.width)]]);
  const { length, ink } = measure(drawn.get(guess)!, face, sizes[guess]!);
  const first = sizes.findIndex(promise(length, ink));
  for (let index = first === -1 ? sizes.length - 1 : first; index < sizes.length; index++) {
    const mask = drawn.get(index) ?? (await text(value, face, sizes[index]!, box.width));
    if (mask.height <= box.height) return mask;
  }
  return undefined;
}

/** A drawn text's length on one line and the height of one of its lines, in ems of the size it was drawn at. */
function measure(mask: Mask, face: Face, size: number): { length: number; ink: number } {
  const pitch = face.lineHeight * size;
  const lines = Math.max(1, Math.round(mask.height / pitch));
  let length = 0;
  for (let line = 0; line < lines; line++) {
    // Each line's ink, from its first inked column to its last, whichever way it runs.
    let left = mask.width;
    let right = -1;
    for (let y = Math.round((line * mask.height) / lines); y < Math.round(((line + 1) * mask.height) / lines); y++) {
      const row = y * mask.width;
      for (let x = 0; x < left; x++) if (mask.data[row + x]) left = x;
      for (let x = mask.width - 1; x > right; x--) if (mask.data[row + x]) right = x;
    }
    length += Math.max(0, right - left + 1);
  }
  return { length: length / size, ink: Math.max(mask.height - (lines - 1) * pitch, 0) / size };
}

/**
 * The standfirst at the largest of the sizes that fits; at the smallest, as many of its words as fit,
 * and an ellipsis: a card shows the start of what the page says in full.
 */
async function fitStandfirst(standfirst: string, face: Face, box: Box): Promise<Mask> {
  const sizes = PLAIN.standfirstSizes;
  const fitted = await fitText(standfirst, face, sizes, box);
  if (fitted) return fitted;
  const size = sizes[sizes.length - 1]!;
  const words = standfirst.split(/\s+/);
  // The share of the text that fits, from how much too tall the whole is; then a word less at a time.
  let count = Math.floor(words.length * (box.height / (await textHeight(standfirst, face, size, box.width))));
  for (; count > 1; count--) {
    const shortened = `${words.slice(0, count).join(' ')}…`;
    if ((await textHeight(shortened, face, size, box.width)) <= box.height) return text(shortened, face, size, box.width);
  }
  return text(`${words[0]}…`, face, size, box.width, box.height);
}

async function textHeight(value: string, face: Face, size: number, width: number): Promise<number> {
  const { height } = await sharp({ text: await textOptions(value, face, size, width) }).metadata();
  return height;
}

async function text(value: string, face: Face, size: number, width?: number, height?: number): Promise<Mask> {
  // One band of coverage, kept grey through the pipeline: a quarter of the bytes of RGBA, and no
  // conversion to sRGB and back.
  const { data, info } = await sharp({ text: await textOptions(value, face, size, width, height) })
    .pipelineColourspace('b-w')
    .toColourspace('b-w')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.channels !== 1) throw new Error(`Pango set "${value}" in ${info.channels} channels; 1 expected`);
  return { data, width: info.width, height: info.height };
}

/**
 * Without `width` the text is one line (unless it holds line breaks). Without `height` it is set at
 * 72 dpi, so a font size is a pixel size and lines are `face.lineHeight` apart; with it, sharp fits
 * the text into the box at the font's own spacing.
 */
async function textOptions(value: string, face: Face, size: number, width?: number, height?: number): Promise<CreateText> {
  const common = {
    // Pango markup: the text is escaped, so nothing an editor writes can become markup.
    text: escape(value),
    font: `${face.family} ${size}`,
    fontfile: face.file,
    ...(width ? { width } : {}),
    // Pango's "left" is the start of the line: it sets right-to-left paragraphs flush right.
    align: 'left',
    // Words longer than a line (a URL, markup written as text) break between characters.
    wrap: 'word-char',
  } as const;
  if (height) return { ...common, height };
  // Pango adds `spacing` (in points, here pixels) to the font's own distance between lines.
  const spacing = Math.round((face.lineHeight - (await ownLineHeight(face))) * size);
  return { ...common, dpi: 72, spacing };
}

const ownLineHeights = new Map<Face, Promise<number>>();

/** The font's own distance between lines in ems, measured once a process: two lines' height less one line's. */
function ownLineHeight(face: Face): Promise<number> {
  let measured = ownLineHeights.get(face);
  if (!measured) {
    const height = async (value: string) =>
      (await sharp({ text: { text: value, font: `${face.family} 100`, fontfile: face.file, dpi: 72 } }).metadata()).height;
    measured = Promise.all([height(face.sample), height(`${face.sample}\n${face.sample}`)]).then(([one, two]) => (two - one) / 100);
    measured.catch(() => ownLineHeights.delete(face));
    ownLineHeights.set(face, measured);
  }
  return measured;
}

// ---- Pixels drawn in JavaScript -----------------------------------------------------------------
// libvips composites in floating point over the whole canvas (about 10 ms a card), and creating a
// plain canvas costs as much again: the canvas is a raw RGB buffer here, and the text is laid on it
// by hand, over the few rows it covers.

type Rgb = readonly [number, number, number];

const plainChromes = new Map<string, Promise<Buffer>>();

/** The plain card with everything but the kicker, headline and standfirst, set once per process: one site has one name. */
function plainChrome(siteName: string): Promise<Buffer> {
  return once(plainChromes, siteName, async () => {
    const plain = Buffer.alloc(PREVIEW_WIDTH * PREVIEW_HEIGHT * 3);
    plain.fill(Buffer.from(COLOURS.paper));
    draw(plain, await text(siteName, FONTS.headline, 40), COLOURS.text, MARGIN, 56);
    drawRule(plain);
    return plain;
  });
}

const bandSiteNames = new Map<string, Promise<Mask>>();

function bandSiteName(siteName: string): Promise<Mask> {
  return once(bandSiteNames, siteName, () => text(siteName, FONTS.headline, BAND.labelSize + 4));
}

/** The value made for `key`, made once; a failure is not kept, so that the next card tries again. */
function once<Value>(made: Map<string, Promise<Value>>, key: string, make: () => Promise<Value>): Promise<Value> {
  let value = made.get(key);
  if (!value) {
    value = make();
    value.catch(() => made.delete(key));
    made.set(key, value);
  }
  return value;
}

/** The accent rule along the foot of every card. */
function drawRule(canvas: Buffer): void {
  canvas.fill(Buffer.from(COLOURS.accent), (PREVIEW_HEIGHT - RULE_HEIGHT) * PREVIEW_WIDTH * 3);
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
 * Buffers of finished cards, drawn over by the next ones: a fresh 2.3 MB buffer costs the kernel's
 * page faults on every card, about half a millisecond.
 */
const spareCanvases: Buffer[] = [];

/** The picture cropped to the card's width and `height` rows where it draws the eye, as raw RGB. */
async function croppedPicture(file: string, height: number): Promise<Buffer> {
  const { data, info } = await sharp(file)
    .resize(PREVIEW_WIDTH, height, { fit: 'cover', position: sharp.strategy.attention })
    // Transparent parts take the paper's colour.
    .flatten({ background: { r: COLOURS.paper[0], g: COLOURS.paper[1], b: COLOURS.paper[2] } })
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true });
  if (info.width !== PREVIEW_WIDTH || info.height !== height || info.channels !== 3) {
    throw new Error(
      `${file} came out ${info.width}×${info.height} with ${info.channels} channels; ${PREVIEW_WIDTH}×${height} RGB expected`,
    );
  }
  return data;
}

/**
 * JPEG at quality 75 (lower again only for a card over the weight limit), with optimised Huffman
 * tables: at 10,000 articles the cards were most of dist/, which GitHub Pages limits to 1 GB. Against
 * quality 82 with standard tables, cards are a fifth smaller (`npm run bench:previews`: plain cards
 * 93 → 75 KB, cards with a chart 57 → 43 KB; a photograph's 134 → 112 KB) for a second pass of about
 * 3 ms; side by side, the text reads as before. mozjpeg's trellis quantisation saves a little more
 * at ten times the time.
 */
async function encodeWithinBudget(canvas: Buffer): Promise<Buffer> {
  const raw = { width: PREVIEW_WIDTH, height: PREVIEW_HEIGHT, channels: 3 } as const;
  let jpeg = Buffer.alloc(0);
  for (const quality of [75, 65, 55, 45]) {
    jpeg = await sharp(canvas, { raw }).jpeg({ quality }).toBuffer();
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
