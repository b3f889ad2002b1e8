/**
 * `node scripts/bench-previews.ts [--cards 200] [--seed 2024] [--picture FILE] [--out DIR]`:
 * milliseconds per link-preview image on one core. Renders N seeded cards (mostly English headlines
 * of 40–100 characters under standfirsts of 100–300, one in ten Arabic, one in ten with a lead picture) in this one
 * process with `sharp.concurrency(1)`, as a build worker does, and prints per kind of card the mean
 * and 95th percentile of wall time, the mean CPU time of the whole process (all threads; less
 * disturbed than wall time when something else runs on the machine) and the least, mean and
 * greatest weight, as a table and as JSON. One card of each kind is rendered before timing, so that
 * loading fonts and starting libvips are not counted. `--out` keeps the first ten cards there, to look at.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import sharp from 'sharp';
import { drawPreviewCard } from '../src/build/preview-card-drawing.ts';
import type { PreviewCard } from '../src/lib/outputs/preview-card.ts';
import { CITIES, WORDS } from './newsroom-words.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    cards: { type: 'string', default: '200' },
    seed: { type: 'string', default: '2024' },
    // The archive's only lead image is a chart (a PNG); a photograph decodes and compresses differently.
    picture: { type: 'string', default: join(root, 'content', '2024', '07', 'images', 'hostages-chart.png') },
    out: { type: 'string' },
  },
});
const count = Number(values.cards);
// A build gives each worker one core: libvips must not spread one image over several threads here.
sharp.concurrency(1);

const random = xoroshiro128plus(Number(values.seed));
const int = (min: number, max: number) => uniformInt(random, min, max);
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;

const ARABIC =
  'محادثات وقف إطلاق النار وزارة مسؤولون قالوا الصحة سكان المدينة الحكومة تقرير مساعدات الحدود اتفاق مجلس وزير بيان مستشفى عائلات عمال انتخابات أسعار المياه الكهرباء مدارس'.split(
    ' ',
  );
const ARABIC_CITIES = ['غزة', 'القدس', 'القاهرة', 'الدوحة', 'بيروت', 'عمّان'];

function sentence(words: readonly string[], min: number, max: number): string {
  const length = int(min, max);
  let text = '';
  while (text.length < length) text += `${text ? ' ' : ''}${pick(words)}`;
  return `${text[0]?.toUpperCase()}${text.slice(1)}`;
}

type Kind = 'english' | 'arabic' | 'picture';

function card(kind: Kind): PreviewCard {
  if (kind === 'arabic')
    return {
      headline: sentence(ARABIC, 40, 100),
      standfirst: sentence(ARABIC, 100, 300),
      kicker: `${pick(ARABIC_CITIES)} · ${int(1, 28)} يوليو 2024`,
      siteName: 'Dateline',
      dir: 'rtl',
    };
  return {
    headline: sentence(WORDS, 40, 100),
    standfirst: sentence(WORDS, 100, 300),
    kicker: `${pick(CITIES)} · ${int(1, 28)} July 2024`,
    siteName: 'Dateline',
    dir: 'ltr',
    picture: kind === 'picture' ? values.picture : undefined,
  };
}

// One card in ten is Arabic and one in ten has a lead picture, interleaved as a build would meet them.
const cards = Array.from({ length: count }, (_, index): [Kind, PreviewCard] => {
  const kind: Kind = index % 10 === 3 ? 'arabic' : index % 10 === 7 ? 'picture' : 'english';
  return [kind, card(kind)];
});

if (values.out) await mkdir(values.out, { recursive: true });
for (const kind of ['english', 'arabic', 'picture'] as const) await drawPreviewCard(card(kind));

const times: Record<Kind, number[]> = { english: [], arabic: [], picture: [] };
const cpu: Record<Kind, number[]> = { english: [], arabic: [], picture: [] };
const bytes: Record<Kind, number[]> = { english: [], arabic: [], picture: [] };
for (const [index, [kind, each]] of cards.entries()) {
  const start = performance.now();
  const startCpu = process.cpuUsage();
  const image = await drawPreviewCard(each);
  const used = process.cpuUsage(startCpu);
  times[kind].push(performance.now() - start);
  cpu[kind].push((used.user + used.system) / 1000);
  bytes[kind].push(image.byteLength);
  if (values.out && index < 10) await writeFile(join(values.out, `card-${index}-${kind}.jpg`), image);
}

const round = (value: number) => Math.round(value * 10) / 10;
const mean = (samples: readonly number[]) => samples.reduce((sum, value) => sum + value, 0) / Math.max(samples.length, 1);
const summary = Object.fromEntries(
  (Object.keys(times) as Kind[]).map((kind) => {
    const sorted = [...times[kind]].sort((a, b) => a - b);
    const p95 = sorted[Math.ceil(sorted.length * 0.95) - 1] ?? 0;
    return [
      kind,
      {
        cards: sorted.length,
        meanMs: round(mean(sorted)),
        p95Ms: round(p95),
        cpuMs: round(mean(cpu[kind])),
        minKB: round(Math.min(...bytes[kind]) / 1024),
        meanKB: round(mean(bytes[kind]) / 1024),
        maxKB: round(Math.max(...bytes[kind]) / 1024),
      },
    ];
  }),
);
console.table(summary);
console.log(JSON.stringify({ cards: count, seed: Number(values.seed), ...summary }));
