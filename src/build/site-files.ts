import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import pLimit from 'p-limit';
import { objectHeaders } from '../lib/deploy/file-kinds.ts';
import type { SiteFile } from '../lib/deploy/plan.ts';

/** Enough reads at once to keep the disk busy, few enough to stay within open-file limits. */
const READS_AT_ONCE = 32;

/**
 * Every file of a built site with the SHA-256 of its bytes and the headers it is served with, by path
 * relative to dist/ (`articles/x/index.html`). A dist/ that is also a git checkout (a gh-pages
 * worktree, see stale-files.ts) keeps its `.git/` out of the site.
 */
export async function readSiteFiles(dist: string): Promise<Map<string, SiteFile>> {
  const entries = await readdir(dist, { recursive: true, withFileTypes: true });
  const paths = entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dist, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !path.startsWith('.git/'))
    .sort();
  const limit = pLimit(READS_AT_ONCE);
  const files = await Promise.all(
    paths.map((path) =>
      limit(async (): Promise<[string, SiteFile]> => {
        const bytes = await readFile(join(dist, path));
        return [path, { sha256: createHash('sha256').update(bytes).digest('hex'), size: bytes.length, ...objectHeaders(path) }];
      }),
    ),
  );
  return new Map(files);
}
