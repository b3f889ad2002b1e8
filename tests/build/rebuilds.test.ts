import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIn, copySite, projectRoot } from '../support/site.ts';
import { differences, snapshot } from '../../scripts/dist-snapshot.ts';

/**
 * The build keeps rendered bodies, preview cards and pages under .cache/ and reuses them; these
 * tests hold the optimised paths to what a build from nothing gives. Every comparison is of whole
 * dist/ trees, byte for byte.
 */
const good = join(projectRoot, 'tests', 'fixtures', 'sites', 'good');

/** The search index's records in every part, as Pagefind stores them: gzip, a marker, then JSON. */
async function searchRecords(dir: string): Promise<{ url: string; content: string }[]> {
  const records = [];
  for (const entry of await readdir(join(dir, 'dist', 'pagefind'), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || basename(entry.parentPath) !== 'fragment') continue;
    const text = gunzipSync(await readFile(join(entry.parentPath, entry.name))).toString('utf8');
    records.push(JSON.parse(text.slice(text.indexOf('{'))) as { url: string; content: string });
  }
  return records;
}

/** The older parts of the search index the search page merges. */
async function olderSearchParts(dir: string): Promise<string[]> {
  return JSON.parse(await readFile(join(dir, 'dist', 'pagefind', 'shards.json'), 'utf8')) as string[];
}

/**
 * One article moved to 2019 and the search index split by year, so that the index has two parts and
 * an edit in one must leave the other as it was.
 */
const BARE_DATE = join('content', 'deep', 'er', 'still', 'bare-date.md');
const SEARCH_BY_YEAR = { DATELINE_SEARCH_SHARD_SIZE: '1' };
async function copyWithTwoYears(): Promise<string> {
  const dir = await copySite(good);
  const file = join(dir, BARE_DATE);
  await writeFile(file, (await readFile(file, 'utf8')).replace('date: 2024-07-10', 'date: 2019-03-10'));
  return dir;
}

/** Text files of the site: pages, feeds, sitemaps, robots.txt. */
async function textFiles(dir: string): Promise<Map<string, string>> {
  const dist = join(dir, 'dist');
  const files = new Map<string, string>();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(html|xml|txt)$/.test(entry.name)) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dist, path), await readFile(path, 'utf8'));
    }
  }
  return files;
}

async function build(dir: string): Promise<string> {
  const result = await buildIn(dir, SEARCH_BY_YEAR);
  expect(result.exitCode, result.output).toBe(0);
  return result.output;
}

describe('rebuilds from .cache/', () => {
  let dir: string;
  let fresh: string;
  beforeAll(async () => {
    dir = await copyWithTwoYears();
    fresh = await copyWithTwoYears();
    await build(dir);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(fresh, { recursive: true, force: true });
  });

  it('give byte-identical output with .cache/ full and with it empty', async () => {
    const cold = await snapshot(dir);
    expect(await olderSearchParts(dir)).toEqual(['2019']);
    expect(existsSync(join(dir, 'dist', 'pagefind', '2019', 'pagefind-entry.json'))).toBe(true);
    // A build writes into the previous dist/: what it does not write again must go.
    for (const leftover of ['articles/gone/index.html', '_astro/old.css', 'pagefind/2001/pagefind-entry.json', 'previews/gone.jpg']) {
      await mkdir(dirname(join(dir, 'dist', leftover)), { recursive: true });
      await writeFile(join(dir, 'dist', leftover), 'left from an older build');
    }
    expect(await build(dir)).toContain('in 2 parts (0 indexed anew)');
    expect(differences(await snapshot(dir), cold)).toEqual([]);
    expect(existsSync(join(dir, 'dist', 'articles', 'gone'))).toBe(false);
    await rm(join(dir, '.cache'), { recursive: true });
    await build(dir);
    expect(differences(await snapshot(dir), cold)).toEqual([]);
  });

  it("show an edited article's new text and a new preview card, as a build from nothing does", async () => {
    const previewBefore = await readFile(join(dir, 'dist', 'previews', 'seed-story.jpg'));
    for (const site of [dir, fresh]) {
      const file = join(site, 'content', '2024', '07', 'seed-story.md');
      const text = await readFile(file, 'utf8');
      await writeFile(
        file,
        `${text.replace('title: "Talks & truce: \\"fine\\" says official"', 'title: "Truce holds for a third day"')}\nA paragraph the editor added after the first build.\n`,
      );
    }
    // The 2019 part holds nothing that changed, so it comes from the cache.
    expect(await build(dir)).toContain('in 2 parts (1 indexed anew)');
    const page = await readFile(join(dir, 'dist', 'articles', 'seed-story', 'index.html'), 'utf8');
    expect(page).toContain('Truce holds for a third day');
    expect(page).toContain('A paragraph the editor added after the first build.');
    expect(await readFile(join(dir, 'dist', 'index.html'), 'utf8')).toContain('Truce holds for a third day');
    expect((await readFile(join(dir, 'dist', 'previews', 'seed-story.jpg'))).equals(previewBefore)).toBe(false);
    expect((await searchRecords(dir)).find((record) => record.url === '/articles/seed-story/')?.content).toContain(
      'A paragraph the editor added',
    );

    await build(fresh);
    expect(differences(await snapshot(dir), await snapshot(fresh))).toEqual([]);
  });

  it('drop a deleted article from every page, feed, sitemap and the search index', async () => {
    const before = await textFiles(dir);
    expect([...before.values()].some((text) => text.includes('/articles/bare-date/'))).toBe(true);
    await rm(join(dir, BARE_DATE));
    // Its year's part goes with it.
    expect(await build(dir)).toContain('in 1 part (0 indexed anew)');
    expect(await olderSearchParts(dir)).toEqual([]);
    expect(existsSync(join(dir, 'dist', 'pagefind', '2019'))).toBe(false);

    const after = await textFiles(dir);
    expect([...after].filter(([, text]) => text.includes('bare-date')).map(([name]) => name)).toEqual([]);
    expect(existsSync(join(dir, 'dist', 'articles', 'bare-date'))).toBe(false);
    expect(existsSync(join(dir, 'dist', 'previews', 'bare-date.jpg'))).toBe(false);
    const urls = (await searchRecords(dir)).map((record) => record.url);
    expect(urls).not.toContain('/articles/bare-date/');
    expect(urls).toContain('/articles/seed-story/');
  });
});
