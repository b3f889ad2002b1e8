import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { cacheFolder, removePartialWrites } from './cache.ts';

/**
 * A build stopped halfway (Ctrl-C, a CI timeout, a crash, an error while rendering) leaves files it
 * was writing behind. Ours are safe: every file of `.cache/` is written under a temporary name and
 * renamed into place (src/build/cache.ts). Astro's are not: it writes pages into dist/, the copies of
 * its incremental build and its optimised images into its cache folder, in place, and on the next
 * build trusts whatever it finds there (a page present in dist/ is kept as it is). So each build
 * leaves a mark when it starts, and replaces it by another as its very last step; a build that does
 * not find the second discards what the unfinished one may have half-written before writing anything
 * itself, and comes out exactly as a build from nothing but our own caches would.
 */
export interface BuildFolders {
  /** The project: where `.cache/` is. */
  readonly root: string;
  /** Astro's `outDir`. */
  readonly site: string;
  /** Astro's `cacheDir`. */
  readonly astroCache: string;
}

/** What a build found of the one before it and discarded. */
export type PreviousBuild =
  | { readonly finished: true }
  | {
      readonly finished: false;
      /** False when nothing says a build ran here (a first build, or `.cache/build/` deleted). */
      readonly interrupted: boolean;
      /** Optimised images written by the unfinished builds, removed. */
      readonly imagesDiscarded: number;
    };

// Their text never changes, so that the CI cache, keyed by the files' contents, sees no change in them.
const STARTED = 'started';
const FINISHED = 'finished';
const STARTED_TEXT = 'A build started here and has not finished: the next build discards what it may have half-written.\n';
const FINISHED_TEXT = 'The last build that started here finished: its caches and dist/ can be trusted.\n';

/** Never the build's: a dist/ that is also a git checkout keeps its history, as Astro's own emptying keeps it. */
const KEPT_IN_SITE = new Set(['.git']);

/**
 * What Astro's cache folder holds that an unfinished build cannot have spoiled: the content store,
 * which Astro writes under a temporary name and renames (in one file, or in parts under
 * `data-store/`), and the optimised images (`assets/`), of which only those written since the
 * unfinished build started are suspect. The incremental build's record and page copies
 * (`incremental-build.json`, `dist/`) and anything else go.
 */
const KEPT_BY_ASTRO = new Set(['data-store.json', 'data-store', 'assets']);

/**
 * How much older than the unfinished build's mark an image must be to be kept: file systems that
 * keep times to the second or two would otherwise make an image written just after the mark look
 * older than it. Discarding too much only means optimising it again.
 */
const CLOCK_GRANULARITY_MS = 2_000;

/**
 * Called as a build starts, before it writes into dist/ or Astro's cache: if the previous build did
 * not finish, discards dist/ (but `.git`), Astro's incremental build, the optimised images written
 * since that build started and the temporary files of our own caches; then marks this build as
 * started. After a finished build it discards nothing.
 */
export async function startBuild(folders: BuildFolders): Promise<PreviousBuild> {
  const marks = cacheFolder(folders.root, 'build');
  const [started, finished] = await Promise.all([
    stat(join(marks, STARTED)).catch(() => undefined),
    stat(join(marks, FINISHED)).catch(() => undefined),
  ]);
  let previous: PreviousBuild = { finished: true };
  if (started || !finished) {
    // Without a mark of its start, every optimised image is suspect.
    const since = started ? started.mtimeMs - CLOCK_GRANULARITY_MS : -Infinity;
    previous = { finished: false, interrupted: started !== undefined, imagesDiscarded: await discardUnfinished(folders, since) };
  }
  // The first mark of a run of unfinished builds stays: what they all wrote since is suspect.
  if (!started) {
    await mkdir(marks, { recursive: true });
    await writeFile(join(marks, STARTED), STARTED_TEXT);
  }
  await rm(join(marks, FINISHED), { force: true });
  return previous;
}

/** The very last step of a build: from now on its caches and dist/ are trusted. */
export async function finishBuild(root: string): Promise<void> {
  const marks = cacheFolder(root, 'build');
  // In this order: stopped in between, the build counts as unfinished.
  await writeFile(join(marks, FINISHED), FINISHED_TEXT);
  await rm(join(marks, STARTED), { force: true });
}

/** Returns the number of optimised images removed. */
async function discardUnfinished({ root, site, astroCache }: BuildFolders, since: number): Promise<number> {
  await removeAllBut(site, KEPT_IN_SITE);
  await removeAllBut(astroCache, KEPT_BY_ASTRO);
  await removePartialWrites(root);
  return removeWrittenSince(join(astroCache, 'assets'), since);
}

async function removeAllBut(folder: string, kept: ReadonlySet<string>): Promise<void> {
  for (const name of await readdir(folder).catch(() => [])) {
    if (!kept.has(name)) await rm(join(folder, name), { recursive: true, force: true });
  }
}

async function removeWrittenSince(folder: string, since: number): Promise<number> {
  let removed = 0;
  for (const name of await readdir(folder).catch(() => [])) {
    const path = join(folder, name);
    const written = await stat(path).then(
      (stats) => stats.mtimeMs,
      () => undefined,
    );
    if (written === undefined || written < since) continue;
    await rm(path, { recursive: true, force: true });
    removed++;
  }
  return removed;
}
