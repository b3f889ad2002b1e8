import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { threadId } from 'node:worker_threads';

/**
 * Everything a build keeps for the next one lives under `.cache/` at the project root (git-ignored,
 * kept between runs by the deploy workflow): `html/` for rendered article bodies, `previews/` for
 * preview cards, `search/` for the parts of the search index, each named by a hash of what
 * it holds; `build/` for what one step of a build hands the next and whether the last build finished
 * (src/build/unfinished-build.ts); and `astro/` for Astro's content store, optimised images and
 * incremental build. Deleting any folder in it is always safe: it only means "render that again".
 */
export const CACHE_DIR = '.cache';

export function cacheFolder(root: string, name: 'build' | 'html' | 'previews' | 'search'): string {
  return join(root, CACHE_DIR, name);
}

let writes = 0;

/** How the temporary name of a file being written ends (see `writeAtomically`). */
const PARTIAL = '.partial';

/** Written under a temporary name first, so that a parallel or interrupted build never leaves half a file. */
export async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  // Unique to this call: one process may be writing the same file for two articles at once.
  const partial = `${path}.${process.pid}-${threadId}-${++writes}${PARTIAL}`;
  await writeFile(partial, data);
  await rename(partial, path);
}

/**
 * Removes the temporary files a killed build left in our folders of `.cache/` (nothing reads them:
 * each has a name of its own), with their count. The search index's threads write whole parts under
 * temporary names too (src/build/workers/search-worker.ts).
 */
export async function removePartialWrites(root: string): Promise<number> {
  let removed = 0;
  for (const name of ['build', 'html', 'previews', 'search'] as const) {
    const entries = await readdir(cacheFolder(root, name), { recursive: true, withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (!entry.name.endsWith(PARTIAL)) continue;
      await rm(join(entry.parentPath, entry.name), { recursive: true, force: true });
      removed++;
    }
  }
  return removed;
}
