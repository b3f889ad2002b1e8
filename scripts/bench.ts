/**
 * `npm run bench -- --articles N`: build speed and memory at scale. Generates N realistic articles
 * (seeded, so every run builds the same archive) into a temporary folder, then builds them with
 * Dateline and with a plain Astro 7 site (default Markdown processor) in the same run, and prints wall
 * time, peak memory (RSS of the largest process), pages per second, milliseconds per preview image
 * and output bytes, as a table and as JSON. It never touches content/, dist/ or .cache/ of the project.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { stringify } from 'yaml';
import { CITIES, WORDS } from './newsroom-words.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    seed: { type: 'string', default: '2024' },
    keep: { type: 'boolean', default: false },
    // The archive sizes where a whole run takes too long: `--scenarios cold --no-baseline`.
    scenarios: { type: 'string', default: 'cold,previews,edit,add,ci' },
    baseline: { type: 'boolean', default: true },
    // Writes the articles into this folder and stops (for scripts/bench-markdown.ts).
    'articles-only': { type: 'string' },
  },
  allowNegative: true,
});
const scenarios = new Set(values.scenarios.split(','));
const count = Number(values.articles);
const root = resolve(import.meta.dirname, '..');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const work = await mkdtemp(join(tmpdir(), 'dateline-bench-'));

// ---- A seeded archive -------------------------------------------------------------------------
// pure-rand 8 generators advance in place: one seeded generator, one reproducible sequence.
const random = xoroshiro128plus(Number(values.seed));
const int = (min: number, max: number) => uniformInt(random, min, max);
const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T;

const SECTIONS = ['World', 'Politics', 'Business', 'Health', 'Culture', 'Science'];
const TAGS = Array.from({ length: 30 }, (_, index) => `topic-${index + 1}`);

function sentence(): string {
  const words = Array.from({ length: int(8, 22) }, () => pick(WORDS));
  const text = words.join(' ');
  return `${text[0]?.toUpperCase()}${text.slice(1)}.`;
}

/** News copy quotes people: straight quotes in the source, which the pipeline makes typographic. */
function quoted(): string {
  const said = sentence();
  return int(0, 2) === 0 ? `"${said.slice(0, -1)}," said the ${pick(WORDS)} minister's spokesman.` : said;
}

function paragraph(): string {
  return Array.from({ length: int(2, 5) }, quoted).join(' ');
}

function body(words: number): string {
  const blocks: string[] = [];
  let written = 0;
  while (written < words) {
    const kind = int(0, 11);
    if (kind === 0) blocks.push(`## ${sentence().slice(0, -1)}`);
    else if (kind === 1) blocks.push(Array.from({ length: int(3, 5) }, () => `- ${sentence()}`).join('\n'));
    else if (kind === 2)
      blocks.push(
        `| Figure | Number |\n| --- | ---: |\n${Array.from({ length: int(2, 4) }, () => `| ${pick(WORDS)} | ${int(1, 50_000)} |`).join('\n')}`,
      );
    else if (kind === 3) blocks.push(`> ${sentence()} ${sentence()}`);
    else if (kind === 4)
      blocks.push(`<figure><blockquote><p>${sentence()}</p></blockquote><figcaption>— <cite>${pick(WORDS)}</cite></figcaption></figure>`);
    else blocks.push(`${paragraph()} See [the ${pick(WORDS)} report](https://example.org/${pick(WORDS)}/${int(1, 9999)}).`);
    written = blocks.join(' ').split(/\s+/).length;
  }
  return blocks.join('\n\n');
}

function article(index: number) {
  const date = new Date(Date.UTC(2015, 0, 1) + int(0, 10 * 365 * 24 * 60) * 60_000);
  const sources = Array.from({ length: int(1, 4) }, () =>
    int(0, 1) ? sentence().slice(0, 40) : { name: sentence().slice(0, 40), url: `https://example.org/source/${int(1, 99_999)}` },
  );
  const fields = {
    title: `${sentence().slice(0, int(40, 100))} (${index})`,
    dateline: pick(CITIES),
    date: date.toISOString().replace('.000Z', 'Z'),
    summary: sentence(),
    section: pick(SECTIONS),
    tags: [...new Set(Array.from({ length: int(0, 4) }, () => pick(TAGS)))],
    sources,
  };
  return {
    path: `${date.getUTCFullYear()}/${String(date.getUTCMonth() + 1).padStart(2, '0')}/story-${index}.md`,
    text: `---\n${stringify(fields)}---\n\n${body(int(400, 1200))}\n`,
  };
}

async function writeArchive(content: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    const { path, text } = article(index);
    await mkdir(join(content, path, '..'), { recursive: true });
    await writeFile(join(content, path), text);
  }
}

// ---- The two sites ----------------------------------------------------------------------------
async function datelineSite(dir: string): Promise<void> {
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(root, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeArchive(join(dir, 'content'));
}

/** Astro 7 as it comes: glob loader, default Markdown processor (no sanitizing), one page per article. */
async function baselineSite(dir: string, content: string): Promise<void> {
  await mkdir(join(dir, 'src', 'pages', 'articles'), { recursive: true });
  await symlink(join(root, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await writeFile(join(dir, 'package.json'), JSON.stringify({ name: 'baseline', type: 'module', private: true }));
  await writeFile(join(dir, 'astro.config.mjs'), `export default { output: 'static', cacheDir: './.cache/astro' };\n`);
  await writeFile(
    join(dir, 'src', 'content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { articles: defineCollection({ loader: glob({ pattern: '**/*.md', base: ${JSON.stringify(content)} }) }) };\n`,
  );
  await writeFile(
    join(dir, 'src', 'pages', 'articles', '[...id].astro'),
    `---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('articles')).map((entry) => ({ params: { id: entry.id }, props: { entry } }));\n}\nconst { entry } = Astro.props;\nconst { Content } = await render(entry);\n---\n<html lang="en"><head><meta charset="utf-8"><title>{entry.data.title}</title></head><body><h1>{entry.data.title}</h1><Content /></body></html>\n`,
  );
}

/**
 * Astro 7 as a newsroom would set it up without Dateline, with the same Markdown stack (remark,
 * remark-gfm, remark-rehype, rehype-raw, rehype-sanitize with its default schema) instead of Astro's
 * native processor: the fair comparison for a build that sanitizes through remark and rehype.
 */
async function sanitizingBaselineSite(dir: string, content: string): Promise<void> {
  await baselineSite(dir, content);
  await writeFile(
    join(dir, 'astro.config.mjs'),
    [
      "import { unified } from '@astrojs/markdown-remark';",
      "import rehypeRaw from 'rehype-raw';",
      "import rehypeSanitize from 'rehype-sanitize';",
      "export default { output: 'static', cacheDir: './.cache/astro', markdown: { processor: unified({ rehypePlugins: [rehypeRaw, rehypeSanitize] }) } };",
      '',
    ].join('\n'),
  );
}

// ---- Measuring --------------------------------------------------------------------------------
interface Measure {
  site: string;
  scenario: string;
  seconds: number;
  peakMiB: number;
  pagesPerSecond: number;
  outputMiB: number;
  /** Pages Astro rendered; the rest of an incremental build it kept in dist/ or copied from .cache/astro/. */
  pagesRendered: number;
  ok: boolean;
}

async function filesUnder(dir: string): Promise<{ count: number; html: number; bytes: number }> {
  let files = 0;
  let html = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => [])) {
    if (!entry.isFile()) continue;
    files++;
    if (entry.name.endsWith('.html')) html++;
    bytes += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return { count: files, html, bytes };
}

/**
 * Astro logs each page as "├─ /path", then " (cached)" or " (restored)" when the incremental build
 * kept it, or its time when it rendered it; with pages rendered eight at a time, several entries can
 * share one line.
 */
function pagesRenderedIn(log: string): number {
  const entries = log.replace(/\x1b\[[0-9;]*m/g, '').matchAll(/[├└]─ \S+( \((?:restored|cached)\))?/g);
  return [...entries].filter(([, kept]) => kept === undefined).length;
}

async function build(site: string, dir: string, scenario: string): Promise<Measure> {
  const run = spawnSync('/usr/bin/time', ['-f', '%e %M', process.execPath, astro, 'build'], {
    cwd: dir,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CI: 'true' },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  const [seconds = 0, peakKiB = 0] = (run.stderr.trim().split('\n').at(-1) ?? '').split(' ').map(Number);
  const output = await filesUnder(join(dir, 'dist'));
  const measure = {
    site,
    scenario,
    seconds,
    peakMiB: Math.round(peakKiB / 1024),
    pagesPerSecond: Math.round(output.html / Math.max(seconds, 0.001)),
    outputMiB: Math.round((output.bytes / 1024 / 1024) * 10) / 10,
    pagesRendered: pagesRenderedIn(run.stdout),
    ok: run.status === 0,
  };
  if (!measure.ok) process.stderr.write(`${site} ${scenario} failed:\n${run.stdout.slice(-4000)}\n${run.stderr.slice(-4000)}\n`);
  process.stderr.write(`${site.padEnd(9)} ${scenario.padEnd(28)} ${seconds.toFixed(1)} s\n`);
  return measure;
}

const editOne = async (content: string) => {
  const [first] = (await readdir(content, { recursive: true })).filter((name) => String(name).endsWith('.md')).sort();
  const file = join(content, String(first));
  await writeFile(file, `${await readFile(file, 'utf8')}\nAn added paragraph, as an editor's correction would add.\n`);
};

if (values['articles-only']) {
  await writeArchive(values['articles-only']);
  await rm(work, { recursive: true, force: true });
  process.exit(0);
}

const ours = join(work, 'dateline');
const baseline = join(work, 'baseline');
const sanitizing = join(work, 'sanitizing-baseline');
await datelineSite(ours);
await baselineSite(baseline, join(ours, 'content'));
await sanitizingBaselineSite(sanitizing, join(ours, 'content'));
process.stderr.write(`${count} articles in ${join(ours, 'content')}\n`);

const results: Measure[] = [];
const clean = (dir: string, ...paths: string[]) => Promise.all(paths.map((path) => rm(join(dir, path), { recursive: true, force: true })));

if (values.baseline) {
  await clean(baseline, 'dist', '.cache', '.astro');
  results.push(await build('baseline', baseline, 'cold'));
  await clean(sanitizing, 'dist', '.cache', '.astro');
  results.push(await build('baseline, remark/rehype', sanitizing, 'cold'));
}
await clean(ours, 'dist', '.cache', '.astro');
results.push(await build('dateline', ours, 'fully cold'));
if (scenarios.has('previews')) {
  // How every build after the first starts: only the preview cards are kept.
  await clean(
    ours,
    'dist',
    '.astro',
    ...(await readdir(join(ours, '.cache'))).filter((name) => name !== 'previews').map((name) => `.cache/${name}`),
  );
  results.push(await build('dateline', ours, 'cold, previews kept'));
}
if (scenarios.has('edit')) {
  await editOne(join(ours, 'content'));
  results.push(await build('dateline', ours, 'warm, one article edited'));
  if (values.baseline) results.push(await build('baseline', baseline, 'warm, one article edited'));
}
if (scenarios.has('add')) {
  await writeFile(join(ours, 'content', 'added.md'), article(count).text);
  results.push(await build('dateline', ours, 'warm, one article added'));
}
if (scenarios.has('ci')) {
  // A CI runner: a fresh checkout (no dist/, no .astro/) with all of .cache/ restored, and a new story.
  await clean(ours, 'dist', '.astro');
  await writeFile(join(ours, 'content', 'published-from-ci.md'), article(count + 1).text);
  results.push(await build('dateline', ours, 'CI publish'));
}

const seconds = (site: string, scenario: string) =>
  results.find((entry) => entry.site === site && entry.scenario === scenario)?.seconds ?? Number.NaN;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const coldOutput = results.find((entry) => entry.site === 'dateline' && entry.scenario === 'fully cold');
const summary = {
  articles: count,
  // The build draws pictures on every core at once: wall time saved per picture, times the cores.
  msPerPreviewImagePerCore:
    Math.round(
      ((seconds('dateline', 'fully cold') - seconds('dateline', 'cold, previews kept')) / count) * availableParallelism() * 1000 * 10,
    ) / 10,
  coldWithPreviewsVsBaseline: Math.round((seconds('dateline', 'cold, previews kept') / seconds('baseline', 'cold')) * 100) / 100,
  fullyColdVsBaseline: Math.round((seconds('dateline', 'fully cold') / seconds('baseline', 'cold')) * 100) / 100,
  warmEditVsColdWithPreviews:
    Math.round((seconds('dateline', 'warm, one article edited') / seconds('dateline', 'cold, previews kept')) * 100) / 100,
  coldWithPreviewsVsSanitizingBaseline: ratio(seconds('dateline', 'cold, previews kept'), seconds('baseline, remark/rehype', 'cold')),
  ciPublishVsBaseline: ratio(seconds('dateline', 'CI publish'), seconds('baseline', 'cold')),
  // The generated articles carry no pictures of their own: all of dist/ counts.
  outputKiBPerArticle: coldOutput ? Math.round((coldOutput.outputMiB * 1024) / count) : Number.NaN,
};
/** Issue #20's targets, each with this run's figure. */
const targets = [
  { figure: 'one article edited, everything kept (s)', value: seconds('dateline', 'warm, one article edited'), target: 5 },
  { figure: 'one article added, everything kept (s)', value: seconds('dateline', 'warm, one article added'), target: 5 },
  { figure: 'CI publish ÷ plain Astro cold', value: summary.ciPublishVsBaseline, target: 0.4 },
  { figure: 'cold, previews kept ÷ Astro with remark/rehype cold', value: summary.coldWithPreviewsVsSanitizingBaseline, target: 0.5 },
  { figure: 'dist/ KiB per article', value: summary.outputKiBPerArticle, target: 50 },
].map((entry) => ({ ...entry, met: Number.isNaN(entry.value) ? 'not measured' : entry.value <= entry.target ? 'yes' : 'no' }));
console.table(results);
console.table([summary]);
console.table(targets);
console.log(JSON.stringify({ results, summary, targets }, null, 2));
if (!values.keep) await rm(work, { recursive: true, force: true });
else process.stderr.write(`Kept ${work}\n`);
process.exitCode = results.every((entry) => entry.ok) ? 0 : 1;
