import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, removeSite, type BuiltSite } from '../support/site.ts';

/** Two builds of the same tree, in different folders at different times, must be byte-identical. */
async function snapshot(dist: string): Promise<Map<string, Buffer>> {
  const files = new Map<string, Buffer>();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const path = join(entry.parentPath, entry.name);
      files.set(relative(dist, path), await readFile(path));
    }
  }
  return files;
}

describe('builds', () => {
  let first: BuiltSite;
  let second: BuiltSite;
  beforeAll(async () => {
    const content = join(projectRoot, 'tests', 'fixtures', 'sites', 'good');
    first = await buildSite({ content });
    second = await buildSite({ content });
  });
  afterAll(async () => {
    await removeSite(first);
    await removeSite(second);
  });

  it('are deterministic: the same tree gives the same files, byte for byte', async () => {
    expect(first.exitCode).toBe(0);
    expect(second.exitCode).toBe(0);
    const [a, b] = await Promise.all([snapshot(first.dist), snapshot(second.dist)]);
    expect([...b.keys()].sort()).toEqual([...a.keys()].sort());
    const differing = [...a].filter(([path, bytes]) => !bytes.equals(b.get(path) ?? Buffer.alloc(0))).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(a.size).toBeGreaterThan(10);
  });

  it('never write outside dist/, and leave no build folder path in the output', async () => {
    for (const [path, bytes] of await snapshot(first.dist)) {
      expect(path.startsWith('..'), path).toBe(false);
      expect(bytes.includes(first.dir), path).toBe(false);
    }
  });
});
