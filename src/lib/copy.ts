import { constants } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';

/** Files read or copied at once: enough to keep the disk busy, few enough to stay under open-file limits. */
const BATCH = 32;

export async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map(task));
  }
}

/** Copies a file as a copy-on-write clone where the file system offers one, a plain copy elsewhere. */
export function cloneFile(from: string, to: string): Promise<void> {
  return copyFile(from, to, constants.COPYFILE_FICLONE);
}

/** Copies every file under `from` to the same place under `to`. */
export async function copyFolder(from: string, to: string): Promise<void> {
  const entries = await readdir(from, { recursive: true, withFileTypes: true });
  const folders = new Set([to]);
  for (const entry of entries) if (entry.isDirectory()) folders.add(join(to, relative(from, join(entry.parentPath, entry.name))));
  for (const folder of folders) await mkdir(folder, { recursive: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => relative(from, join(entry.parentPath, entry.name)));
  await inBatches(files, (file) => cloneFile(join(from, file), join(to, file)));
}
