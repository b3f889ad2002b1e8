import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cloneFile, copyFolder, inBatches } from '../../src/lib/copy.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dateline-copy-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('copying the build outputs', () => {
  it('copies a folder with every file in its subfolders, byte for byte', async () => {
    const from = join(dir, 'from');
    await mkdir(join(from, 'fragment', 'deep'), { recursive: true });
    await writeFile(join(from, 'entry.json'), '{"a":1}');
    await writeFile(join(from, 'fragment', 'one.pf'), Buffer.from([0, 1, 2, 255]));
    await writeFile(join(from, 'fragment', 'deep', 'two.pf'), 'two');
    await mkdir(join(from, 'empty'));
    await copyFolder(from, join(dir, 'to', 'nested'));
    const to = join(dir, 'to', 'nested');
    expect((await readdir(to, { recursive: true })).map(String).sort()).toEqual(['empty', 'entry.json', 'fragment', 'fragment/deep', 'fragment/deep/two.pf', 'fragment/one.pf']);
    expect(await readFile(join(to, 'fragment', 'one.pf'))).toEqual(Buffer.from([0, 1, 2, 255]));
    expect(await readFile(join(to, 'fragment', 'deep', 'two.pf'), 'utf8')).toBe('two');
  });

  it('copies one file, replacing what was there', async () => {
    await writeFile(join(dir, 'a'), 'new');
    await writeFile(join(dir, 'b'), 'old');
    await cloneFile(join(dir, 'a'), join(dir, 'b'));
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('new');
  });

  it('works through every item, a batch at a time', async () => {
    let running = 0;
    let most = 0;
    const done: number[] = [];
    await inBatches(Array.from({ length: 100 }, (_, index) => index), async (item) => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 1));
      done.push(item);
      running--;
    });
    expect(done.sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, index) => index));
    expect(most).toBeLessThanOrEqual(32);
    expect(most).toBeGreaterThan(1);
  });
});
