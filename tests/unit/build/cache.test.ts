import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR, cacheFolder, writeAtomically } from '../../../src/build/cache.ts';

describe('the build cache', () => {
  it('keeps everything under .cache/ at the project root', () => {
    expect(CACHE_DIR).toBe('.cache');
    expect(cacheFolder('/site', 'previews')).toBe('/site/.cache/previews');
    expect(cacheFolder('/site', 'html')).toBe('/site/.cache/html');
    expect(cacheFolder('/site', 'search')).toBe('/site/.cache/search');
  });

  it('writes files whole, creating their folder, and leaves no partial file behind', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dateline-cache-'));
    try {
      const path = join(root, 'a', 'b', 'file.json');
      await writeAtomically(path, '{"x":1}');
      await writeAtomically(path, '{"x":2}');
      expect(await readFile(path, 'utf8')).toBe('{"x":2}');
      expect(await readdir(join(root, 'a', 'b'))).toEqual(['file.json']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });

  it('lets one process write the same file twice at once (two articles with the same picture)', async () => {
    const root = await mkdtemp(join(tmpdir(), 'dateline-cache-'));
    try {
      const path = join(root, 'card.jpg');
      await Promise.all(Array.from({ length: 8 }, () => writeAtomically(path, 'same bytes')));
      expect(await readFile(path, 'utf8')).toBe('same bytes');
      expect(await readdir(root)).toEqual(['card.jpg']);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
