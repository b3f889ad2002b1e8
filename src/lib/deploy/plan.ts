import { UPLOAD_WAVES, fileKind } from './file-kinds.ts';
import type { StoredFile, StoredFiles } from './manifest.ts';

/**
 * What a deploy does: compare the build with what the bucket holds (the manifest) and upload what
 * differs, wave by wave, then delete what the build no longer writes.
 *
 * A deploy may stop anywhere (a cancelled CI job, a lost connection). The manifest it leaves behind must
 * then never claim more than the bucket holds, so the deploy writes it three times: before the first
 * upload, with every file it is about to upload or delete as "unknown" (`null`); during the uploads,
 * with the files done so far; and once everything is done, as the build's files exactly. The next
 * deploy uploads every unknown file the build has and deletes every one it has not, whatever happened
 * in between: a file uploaded by the stopped deploy and then dropped from the build is deleted, one
 * changed back to its old content is uploaded again, and so is one deleted and then brought back.
 */

/** A file of the build: what the bucket should hold, and its size. */
export interface SiteFile extends StoredFile {
  readonly size: number;
}

export interface DeployPlan {
  /** Paths to upload, in waves (UPLOAD_WAVES): a wave starts once the one before it is done. */
  readonly uploads: readonly (readonly string[])[];
  /** Paths the bucket holds, or may hold, that the build no longer writes. */
  readonly deletes: readonly string[];
  readonly unchanged: number;
}

const same = (stored: StoredFile | null | undefined, file: SiteFile) =>
  stored?.sha256 === file.sha256 && stored.contentType === file.contentType && stored.cacheControl === file.cacheControl;

export function planDeploy(site: ReadonlyMap<string, SiteFile>, stored: StoredFiles): DeployPlan {
  const changed = [...site].filter(([path, file]) => !same(stored.get(path), file)).map(([path]) => path);
  const wave = (path: string) => UPLOAD_WAVES.findIndex((kinds) => kinds.includes(fileKind(path)));
  return {
    uploads: UPLOAD_WAVES.map((_, index) => changed.filter((path) => wave(path) === index).sort()).filter((paths) => paths.length > 0),
    deletes: [...stored.keys()].filter((path) => !site.has(path)).sort(),
    unchanged: site.size - changed.length,
  };
}

export interface Progress {
  readonly uploaded: ReadonlySet<string>;
  readonly deleted: ReadonlySet<string>;
}

/** What the bucket holds at a point of a deploy: the manifest to write then. */
export function storedAfter(stored: StoredFiles, site: ReadonlyMap<string, SiteFile>, plan: DeployPlan, progress: Progress): StoredFiles {
  const files = new Map<string, StoredFile | null>(stored);
  // Until the deploy has deleted them, files it sets out to delete may or may not be there.
  for (const path of plan.deletes) {
    if (progress.deleted.has(path)) files.delete(path);
    else files.set(path, null);
  }
  for (const path of plan.uploads.flat()) {
    const file = site.get(path);
    const done = progress.uploaded.has(path) && file;
    files.set(path, done ? { sha256: file.sha256, contentType: file.contentType, cacheControl: file.cacheControl } : null);
  }
  return files;
}
