// Shared by the benchmarks and the build tests, like local-server.ts.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Every file under a site copy's dist/, with a hash of its bytes: what two builds are compared by. */
export async function snapshot(dir: string): Promise<Map<string, string>> {
  const dist = join(dir, 'dist');
  const files = new Map<string, string>();
  for (const entry of await readdir(dist, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(
      relative(dist, path),
      createHash('sha256')
        .update(await readFile(path))
        .digest('hex'),
    );
  }
  return files;
}

/** The files that one snapshot has and the other has not, or has with other bytes, sorted. */
export function differences(actual: Map<string, string>, expected: Map<string, string>): string[] {
  const names = new Set([...actual.keys(), ...expected.keys()]);
  return [...names].filter((name) => actual.get(name) !== expected.get(name)).sort();
}
