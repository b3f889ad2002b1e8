import { link, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inBatches, placeFile, placeFolder } from '../../../src/build/place.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-copy-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const inode = async (path: string) => (await stat(path)).ino;

describe('placing cached files in the site', () => {
  it('links a file into place, so that no bytes are copied', async () => {
    await writeFile(join(dir, 'cached.jpg'), 'picture');
    await placeFile(join(dir, 'cached.jpg'), join(dir, 'site.jpg'));
    expect(await readFile(join(dir, 'site.jpg'), 'utf8')).toBe('picture');
    expect(await inode(join(dir, 'site.jpg'))).toBe(await inode(join(dir, 'cached.jpg')));
  });

  it('replaces a different file that was there, and leaves the same one as it is', async () => {
    await writeFile(join(dir, 'new.jpg'), 'new picture');
    await writeFile(join(dir, 'site.jpg'), 'old picture');
    await placeFile(join(dir, 'new.jpg'), join(dir, 'site.jpg'));
    expect(await readFile(join(dir, 'site.jpg'), 'utf8')).toBe('new picture');
    let linked = 0;
    const counting: typeof link = async (...args) => {
      linked++;
      return link(...args);
    };
    await placeFile(join(dir, 'new.jpg'), join(dir, 'site.jpg'), counting);
    expect(linked).toBe(0);
  });

  it('copies where it cannot link (another file system)', async () => {
    await writeFile(join(dir, 'cached.jpg'), 'picture');
    const acrossDevices: typeof link = () =>
      Promise.reject(Object.assign(new Error('EXDEV: cross-device link not permitted'), { code: 'EXDEV' }));
    await placeFile(join(dir, 'cached.jpg'), join(dir, 'site.jpg'), acrossDevices);
    expect(await readFile(join(dir, 'site.jpg'), 'utf8')).toBe('picture');
    expect(await inode(join(dir, 'site.jpg'))).not.toBe(await inode(join(dir, 'cached.jpg')));
  });

  it('reports any other failure', async () => {
    await expect(placeFile(join(dir, 'missing.jpg'), join(dir, 'site.jpg'))).rejects.toThrow('ENOENT');
  });

  it('places a folder with every file in its subfolders', async () => {
    const from = join(dir, 'from');
    await mkdir(join(from, 'fragment', 'deep'), { recursive: true });
    await writeFile(join(from, 'entry.json'), '{"a":1}');
    await writeFile(join(from, 'fragment', 'one.pf'), Buffer.from([0, 1, 2, 255]));
    await writeFile(join(from, 'fragment', 'deep', 'two.pf'), 'two');
    await mkdir(join(from, 'empty'));
    await placeFolder(from, join(dir, 'to', 'nested'));
    const to = join(dir, 'to', 'nested');
    expect((await readdir(to, { recursive: true })).map(String).sort()).toEqual([
      'empty',
      'entry.json',
      'fragment',
      'fragment/deep',
      'fragment/deep/two.pf',
      'fragment/one.pf',
    ]);
    expect(await readFile(join(to, 'fragment', 'one.pf'))).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(await readFile(join(to, 'fragment', 'deep', 'two.pf'), 'utf8')).toBe('two');
  });

  it('works through every item, a batch at a time', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inBatches(
      Array.from({ length: 100 }, (_, index) => index),
      async (item) => {
        running++;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 1));
        done.push(item);
        running--;
      },
    );
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(most).toBeLessThanOrEqual(32);
    expect(most).toBeGreaterThan(1);
  });
});
