import { copyFile, link, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Files read or copied at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const BATCH = 32;

export async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map(task));
  }
}

/** Errors of `link` that mean "not here", for which a copy does the job. */
const NO_LINK = new Set(['EXDEV', 'EPERM', 'ENOTSUP', 'EMLINK']);

/**
 * Puts the file `from` (in `.cache/`) at `to` (in dist/) as a hard link: no bytes are copied (the
 * preview cards of 10,000 articles are 570 MB), and a file already linked from a previous build
 * is left as it is. Every cache file is written under a new name and renamed into place, never
 * changed, so a link always shows what the cache held when it was made. Where the two are on
 * different file systems, or links are not allowed, it copies.
 */
export async function placeFile(from: string, to: string, makeLink: typeof link = link): Promise<void> {
  const [source, target] = await Promise.all([stat(from), stat(to).catch(() => undefined)]);
  if (target && target.ino === source.ino && target.dev === source.dev) return;
  if (target) await rm(to, { force: true });
  try {
    await makeLink(from, to);
  } catch (error) {
    if (!NO_LINK.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
    await copyFile(from, to);
  }
}

/** Places every file under `from` at the same place under `to` (see `placeFile`). */
export async function placeFolder(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set([to]);
  for (const entry of entries) if (entry.isDirectory()) folders.add(join(to, relative(from, join(entry.parentPath, entry.name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(from, join(entry.parentPath, entry.name)));
  await inBatches(files, (file) => placeFile(join(from, file), join(to, file)));
}
