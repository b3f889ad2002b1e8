import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CITIES, WORDS } from '../../scripts/newsroom-words.ts';
import { buildIn, copySite, projectRoot } from '../support/site.ts';
import { differences, snapshot } from '../../scripts/dist-snapshot.ts';

/**
 * A build stopped at any moment (`kill -9` of its process group, as Ctrl-C or a CI timeout would)
 * never spoils the next one: builds are killed at the start of each of their phases (ours and
 * Astro's, told from their output), inside them, and at fixed times spread over a build; then a
 * normal build runs in the same folder, and its dist/ must equal, byte for byte, a clean build's of
 * the same content in another folder. Nothing is left out of the comparison.
 */
const good = join(projectRoot, 'tests', 'fixtures', 'sites', 'good');
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

/**
 * More than 64 articles, so that the content check runs on worker processes, and a few distinct
 * pictures, so that Astro's optimised images take a measurable time: a build is a handful of
 * seconds, and each of its phases lasts long enough to be killed inside.
 */
const WIRE_ARTICLES = 70;
const WIRE_PICTURES = 3;

async function writeWireArticles(content: string): Promise<void> {
  const folder = join(content, 'wire');
  await mkdir(join(folder, 'images'), { recursive: true });
  const [width, height] = [480, 270];
  for (let picture = 0; picture < WIRE_PICTURES; picture++) {
    const pixels = Buffer.alloc(width * height * 3);
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) pixels.set([(x >> 1) + picture * 16, y, 255 - picture * 60], (y * width + x) * 3);
    }
    await sharp(pixels, { raw: { width, height, channels: 3 } })
      .png()
      .toFile(join(folder, 'images', `picture-${picture}.png`));
  }
  const sentence = (seed: number) => Array.from({ length: 12 }, (_, word) => WORDS[(seed * 7 + word * 3) % WORDS.length]).join(' ');
  for (let index = 0; index < WIRE_ARTICLES; index++) {
    const date = `2025-${String(1 + (Math.floor(index / 28) % 12)).padStart(2, '0')}-${String(1 + (index % 28)).padStart(2, '0')}`;
    const image =
      index < WIRE_PICTURES ? [`image:`, `  src: ./images/picture-${index}.png`, `  alt: "A band of colours, number ${index}"`] : [];
    const frontMatter = [
      `title: "Wire story ${index}: ${sentence(index).slice(0, 40)}"`,
      `dateline: "${CITIES[index % CITIES.length]}"`,
      `date: ${date}T08:00:00Z`,
      `summary: "${sentence(index + 1)}."`,
      `section: "World"`,
      `tags: [wire, topic-${index % 5}]`,
      ...image,
    ];
    const body = Array.from({ length: 6 }, (_, paragraph) => `${sentence(index + paragraph)}.`).join('\n\n');
    await writeFile(join(folder, `wire-${index}.md`), `---\n${frontMatter.join('\n')}\n---\n\n${body}\n`);
  }
}

/**
 * When to kill: on the nth match of a pattern in the build's output (or a time after it), a time
 * after the start, or once a condition holds.
 */
type KillPoint =
  | { readonly output: RegExp; readonly match?: number; readonly thenMs?: number }
  | { readonly afterMs: number }
  | { readonly when: () => boolean };

/**
 * The environment of `npm run build` in a shell, as tests/support/site.ts gives its builds: without
 * the variables vitest sets for itself, which Vite inside the build would obey.
 */
function buildEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0' };
  for (const name of Object.keys(env)) {
    if (['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY'].includes(name) || name.startsWith('VITEST'))
      delete env[name];
  }
  return env;
}

const running = new Set<number>();

/**
 * Runs `astro build` in its own process group and kills the whole group (the build and its worker
 * processes) with SIGKILL at the kill point; fails if the build ended first. Returns once no process
 * of the group is left, so nothing writes into the folder afterwards.
 */
async function killBuild(dir: string, point: KillPoint): Promise<void> {
  const child = spawn(process.execPath, [astroBin, 'build'], { cwd: dir, env: buildEnv(), detached: true });
  const group = child.pid;
  if (group === undefined) throw new Error('astro build did not start');
  running.add(group);
  let output = '';
  let killed = false;
  const kill = () => {
    if (killed) return;
    try {
      process.kill(-group, 'SIGKILL');
      killed = true;
    } catch {
      // Nothing left to kill: the build ended first, which is reported below.
    }
  };
  const timers: NodeJS.Timeout[] = [];
  let matches = 0;
  let pending = '';
  const read = (chunk: Buffer) => {
    output += chunk.toString();
    if (!('output' in point)) return;
    // Whole lines only, so that a line split across two chunks is matched once.
    const lines = (pending + chunk.toString()).split('\n');
    pending = lines.pop() ?? '';
    const before = matches;
    for (const line of lines) matches += [...line.matchAll(new RegExp(point.output.source, 'g'))].length;
    const match = point.match ?? 1;
    if (before >= match || matches < match) return;
    if (point.thenMs) timers.push(setTimeout(kill, point.thenMs));
    else kill();
  };
  child.stdout.on('data', read);
  child.stderr.on('data', read);
  if ('afterMs' in point) timers.push(setTimeout(kill, point.afterMs));
  const poll = 'when' in point ? setInterval(() => point.when() && kill(), 10) : undefined;
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
  for (const timer of timers) clearTimeout(timer);
  clearInterval(poll);
  await groupGone(group);
  running.delete(group);
  if (!killed) throw new Error(`The build ended (exit code ${exitCode}) before its kill point:\n${output.slice(-2000)}`);
}

/** Waits until the process group has no process left (its worker processes die with it, but not at once). */
async function groupGone(group: number): Promise<void> {
  for (;;) {
    try {
      process.kill(-group, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Two copies of the site take turns with the kill points, so that two builds run at once. */
class Copies {
  private readonly free: string[] = [];
  private readonly waiting: ((dir: string) => void)[] = [];
  add(dir: string): void {
    const next = this.waiting.shift();
    if (next) next(dir);
    else this.free.push(dir);
  }
  async use<T>(task: (dir: string) => Promise<T>): Promise<T> {
    const dir = this.free.pop() ?? (await new Promise<string>((resolve) => this.waiting.push(resolve)));
    try {
      return await task(dir);
    } finally {
      this.add(dir);
    }
  }
}

/** Leaves the copy as a fresh checkout is: no .cache/, no dist/, no .astro/. */
async function fromNothing(dir: string): Promise<void> {
  for (const folder of ['.cache', 'dist', '.astro']) await rm(join(dir, folder), { recursive: true, force: true });
}

/** Each test waits for a free copy, then builds two or three times: more than a build test's usual limit. */
const KILL_POINT_TIMEOUT = 900_000;

describe('a build after one that was killed', () => {
  let content: string;
  let expected: Map<string, string>;
  const copies = new Copies();
  const dirs: string[] = [];

  beforeAll(async () => {
    content = await mkdtemp(join(tmpdir(), 'dateline-interrupted-'));
    await cp(good, content, { recursive: true });
    await writeWireArticles(content);
    // The clean build, in a copy of its own, and the two copies the kill points take turns with.
    dirs.push(...(await Promise.all([0, 1, 2].map(() => copySite(content)))));
    for (const built of await Promise.all(dirs.map((dir) => buildIn(dir)))) expect(built.exitCode, built.output).toBe(0);
    const [clean, ...victims] = dirs as [string, ...string[]];
    expected = await snapshot(clean);
    // Builds from nothing of the same content agree, so any difference below is the kill's.
    for (const dir of victims) expect(differences(await snapshot(dir), expected)).toEqual([]);
    for (const dir of victims) copies.add(dir);
  });

  afterAll(async () => {
    // Builds of a test that failed halfway.
    for (const group of running) {
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // Already gone.
      }
    }
    for (const dir of [content, ...dirs]) if (dir) await rm(dir, { recursive: true, force: true });
  });

  /** Builds normally after the kill: it must succeed and give the clean build's dist/. */
  async function expectRecovery(dir: string): Promise<string> {
    const built = await buildIn(dir);
    expect(built.exitCode, built.output).toBe(0);
    expect(differences(await snapshot(dir), expected)).toEqual([]);
    return built.output;
  }

  // At the start of each phase, and at fixed times into the phases (which last a second or more here).
  const killPoints: [string, KillPoint][] = [
    ['1 s after it started (Astro and Vite setting up)', { afterMs: 1_000 }],
    ['as it starts checking the articles', { output: /\[content\] Syncing content/ }],
    ['0.3 s into checking the articles (worker processes, body cache, preview cards)', { output: /Syncing content/, thenMs: 300 }],
    ['as the content store is written', { output: /articles published from/ }],
    ['as Vite starts bundling the pages', { output: /Building static entrypoints/ }],
    ['0.3 s into bundling the pages', { output: /Building static entrypoints/, thenMs: 300 }],
    ['as the pages start', { output: /generating static routes/ }],
    ['halfway through the pages', { output: /[├└]─ \//, match: 120 }],
    ['as the optimised images start', { output: /generating optimized images/ }],
    ['after a few optimised images', { output: /▶/, match: 5 }],
    ['0.5 s into the optimised images', { output: /generating optimized images/, thenMs: 500 }],
    ["in Dateline's last step (search index, stale files)", { output: /preview cards in previews\// }],
  ];
  for (const [moment, point] of killPoints) {
    it.concurrent(
      `from nothing, killed ${moment}`,
      () =>
        copies.use(async (dir) => {
          await fromNothing(dir);
          await killBuild(dir, point);
          await expectRecovery(dir);
        }),
      KILL_POINT_TIMEOUT,
    );
  }

  it.concurrent(
    'killed twice in a row (in the pages, then in the optimised images)',
    () =>
      copies.use(async (dir) => {
        await fromNothing(dir);
        await killBuild(dir, { output: /[├└]─ \//, match: 120 });
        await killBuild(dir, { output: /▶/, match: 5 });
        expect(await expectRecovery(dir)).toContain('The previous build did not finish');
        // The build that finished is trusted: the next one discards nothing and reuses its pages.
        const next = await expectRecovery(dir);
        expect(next).not.toContain('The previous build did not finish');
        expect(next).toContain('(cached)');
      }),
    KILL_POINT_TIMEOUT,
  );

  it.concurrent(
    'after an edit, killed once the edited page is written, then built with the edit undone',
    () =>
      copies.use(async (dir) => {
        // Astro keeps a page found in dist/ whose key matches its last finished build: here the
        // page the stopped build rewrote, with the edit the editor took back.
        const built = await buildIn(dir);
        expect(built.exitCode, built.output).toBe(0);
        const file = join(dir, 'content', 'wire', 'wire-5.md');
        const page = join(dir, 'dist', 'articles', 'wire-5', 'index.html');
        const original = await readFile(file, 'utf8');
        await writeFile(file, `${original}\nA paragraph the editor took back.\n`);
        await killBuild(dir, { when: () => existsSync(page) && readFileSync(page, 'utf8').includes('the editor took back') });
        await writeFile(file, original);
        await expectRecovery(dir);
      }),
    KILL_POINT_TIMEOUT,
  );
});
