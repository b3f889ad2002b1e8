import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { finishBuild, startBuild, type BuildFolders } from '../../../src/build/unfinished-build.ts';

let folders: BuildFolders;
beforeEach(async () => {
  const root = await mkdtemp(join(tmpdir(), 'dateline-unfinished-'));
  folders = { root, site: join(root, 'dist'), astroCache: join(root, '.cache', 'astro') };
});
afterEach(() => rm(folders.root, { recursive: true, force: true }));

async function write(path: string, text = 'x', writtenAt?: Date): Promise<void> {
  const file = join(folders.root, path);
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, text);
  if (writtenAt) await utimes(file, writtenAt, writtenAt);
}

const exists = (path: string) => existsSync(join(folders.root, path));
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);

/** What a build leaves in dist/ and Astro's cache, every file written `writtenAt`. */
async function buildOutputs(writtenAt: Date): Promise<void> {
  await write('dist/index.html', '<html>', writtenAt);
  await write('dist/.prerender/chunks/page.mjs', 'export {}', writtenAt);
  await write('dist/.git/HEAD', 'ref: refs/heads/gh-pages', writtenAt);
  await write('.cache/astro/incremental-build.json', '{"routes":{}}', writtenAt);
  await write('.cache/astro/dist/index.html', '<html>', writtenAt);
  await write('.cache/astro/data-store.json', '[]', writtenAt);
  await write('.cache/astro/assets/old.avif', 'image', writtenAt);
  await write('.cache/html/ab/body.json', '{}', writtenAt);
  await write('.cache/previews/card.jpg', 'card', writtenAt);
}

describe('a build after one that did not finish', () => {
  it('discards nothing after a finished build', async () => {
    await startBuild(folders);
    await buildOutputs(minutesAgo(10));
    await finishBuild(folders.root);
    expect(await startBuild(folders)).toEqual({ finished: true });
    for (const path of [
      'dist/index.html',
      'dist/.prerender/chunks/page.mjs',
      '.cache/astro/incremental-build.json',
      '.cache/astro/assets/old.avif',
    ]) {
      expect(exists(path), path).toBe(true);
    }
  });

  it('discards dist/ but its .git, the incremental build and what the stopped build wrote, and keeps the rest', async () => {
    await startBuild(folders);
    await buildOutputs(minutesAgo(10));
    await finishBuild(folders.root);
    // The next build is stopped after it started writing.
    await startBuild(folders);
    await write('.cache/astro/assets/half-written.avif', 'ima');
    await write('.cache/html/cd/body.json.4242-0-7.partial', '{"ht');
    await write('.cache/search/0123abcd.4242-1.partial/pagefind-entry.json', '{');

    expect(await startBuild(folders)).toEqual({ finished: false, interrupted: true, imagesDiscarded: 1 });
    expect(await readdir(folders.site)).toEqual(['.git']);
    expect((await readdir(folders.astroCache)).sort()).toEqual(['assets', 'data-store.json']);
    expect(await readdir(join(folders.astroCache, 'assets'))).toEqual(['old.avif']);
    expect((await readdir(join(folders.root, '.cache', 'html'), { recursive: true })).sort()).toEqual(['ab', 'ab/body.json', 'cd']);
    expect(await readdir(join(folders.root, '.cache', 'search'))).toEqual([]);
    expect(exists('.cache/previews/card.jpg')).toBe(true);
  });

  it('counts a build stopped in its last step as unfinished', async () => {
    await startBuild(folders);
    await buildOutputs(minutesAgo(10));
    // Stopped between writing the last mark and removing the first.
    await write('.cache/build/finished');
    expect(await startBuild(folders)).toMatchObject({ finished: false, interrupted: true });
    expect(exists('dist/index.html')).toBe(false);
  });

  it('after several stopped builds in a row, discards the images of all of them', async () => {
    await startBuild(folders);
    await buildOutputs(minutesAgo(30));
    await finishBuild(folders.root);
    await startBuild(folders);
    await utimes(join(folders.root, '.cache/build/started'), minutesAgo(20), minutesAgo(20));
    await write('.cache/astro/assets/first-stop.avif', 'image', minutesAgo(19));
    // The second stopped build discards the first one's images, then writes its own.
    expect(await startBuild(folders)).toMatchObject({ imagesDiscarded: 1 });
    await write('.cache/astro/assets/second-stop.avif', 'imag', minutesAgo(5));
    expect(await startBuild(folders)).toMatchObject({ imagesDiscarded: 1 });
    expect(await readdir(join(folders.astroCache, 'assets'))).toEqual(['old.avif']);
  });

  it('trusts nothing of Astro when no build left a mark here (a first build, or .cache/build/ deleted)', async () => {
    await buildOutputs(minutesAgo(10));
    expect(await startBuild(folders)).toEqual({ finished: false, interrupted: false, imagesDiscarded: 1 });
    expect(await readdir(folders.site)).toEqual(['.git']);
    expect((await readdir(folders.astroCache)).sort()).toEqual(['assets', 'data-store.json']);
    expect(await readdir(join(folders.astroCache, 'assets'))).toEqual([]);
    expect(exists('.cache/html/ab/body.json')).toBe(true);
  });

  it('starts a project with nothing in it', async () => {
    expect(await startBuild(folders)).toEqual({ finished: false, interrupted: false, imagesDiscarded: 0 });
    await finishBuild(folders.root);
    expect(await readdir(join(folders.root, '.cache', 'build'))).toEqual(['finished']);
  });
});
