import { z } from 'zod';

/**
 * The deploy manifest: an object beside the site in the bucket that says what the bucket holds, file
 * by file, so that a deploy compares the build with it instead of listing and reading the bucket. An
 * entry with no content (`null`) is a file that may be in the bucket with any content: one a deploy set
 * out to upload and may not have finished, or one found in a bucket without a manifest. The next deploy
 * uploads it again if the build has it and deletes it if not, so it never lingers.
 */
export const MANIFEST_NAME = '.dateline-deploy.json';

const FORMAT = 1;

const storedFile = z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/), contentType: z.string(), cacheControl: z.string() });
const manifest = z.strictObject({ format: z.literal(FORMAT), files: z.record(z.string(), storedFile.nullable()) });

/** A file as the bucket holds it: its bytes' SHA-256 (hex) and the headers it was stored with. */
export type StoredFile = z.infer<typeof storedFile>;
/** Paths relative to the site's folder in the bucket, as in dist/. */
export type StoredFiles = ReadonlyMap<string, StoredFile | null>;

export function parseManifest(text: string, where: string): StoredFiles {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${where} is not JSON: expected the deploy manifest an earlier deploy wrote (delete it to upload every file again)`);
  }
  const result = manifest.safeParse(json);
  if (!result.success) {
    const [issue] = result.error.issues;
    const field = issue?.path.join('.') || 'the manifest';
    throw new Error(
      `${where}: ${field}: ${issue?.message ?? 'unreadable'}; expected a deploy manifest of format ${FORMAT} (delete it to upload every file again)`,
    );
  }
  return new Map(Object.entries(result.data.files));
}

/** Sorted by path, so that the same files always give the same text. */
export function serializeManifest(files: StoredFiles): string {
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : 1));
  return JSON.stringify({ format: FORMAT, files: Object.fromEntries(sorted) });
}
