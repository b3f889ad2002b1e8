import { existsSync } from 'node:fs';
import { readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIn, copySite, projectRoot } from '../support/site.ts';

/** Preview images are cached by what they show: an unchanged article never renders its image again. */
const good = join(projectRoot, 'tests', 'fixtures', 'sites', 'good');

async function cacheState(dir: string): Promise<Map<string, number>> {
  const folder = join(dir, '.cache', 'previews');
  const state = new Map<string, number>();
  for (const name of await readdir(folder)) state.set(name, (await stat(join(folder, name))).mtimeMs);
  return state;
}

describe('the preview image cache', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await copySite(good);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('renders each image once, keeps it across builds, and renders only what changed', async () => {
    expect((await buildIn(dir)).exitCode).toBe(0);
    const first = await cacheState(dir);
    expect(first.size).toBe(7);
    const seedImage = await readFile(join(dir, 'dist', 'previews', 'seed-story.jpg'));

    expect((await buildIn(dir)).exitCode).toBe(0);
    expect(await cacheState(dir)).toEqual(first);
    expect((await readFile(join(dir, 'dist', 'previews', 'seed-story.jpg'))).equals(seedImage)).toBe(true);

    const article = join(dir, 'content', 'body-image.md');
    await writeFile(article, (await readFile(article, 'utf8')).replace('Image in the body', 'A new headline'));
    expect((await buildIn(dir)).exitCode).toBe(0);
    const third = await cacheState(dir);
    const added = [...third.keys()].filter((name) => !first.has(name));
    expect(added).toHaveLength(1);
    for (const [name, mtime] of first) expect(third.get(name), name).toBe(mtime);
  });

  it("keeps Astro's own cache under .cache/ too, never in the shared node_modules", () => {
    expect(existsSync(join(dir, '.cache', 'astro', 'data-store.json'))).toBe(true);
    expect(existsSync(join(dir, '.cache', 'astro', 'assets'))).toBe(true);
  });

  it('gives the same images with the cache emptied', async () => {
    const before = await readFile(join(dir, 'dist', 'previews', 'seed-story.jpg'));
    await rm(join(dir, '.cache'), { recursive: true });
    expect((await buildIn(dir)).exitCode).toBe(0);
    expect((await readFile(join(dir, 'dist', 'previews', 'seed-story.jpg'))).equals(before)).toBe(true);
  });
});
