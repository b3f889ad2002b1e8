/**
 * `npm run deploy -- s3://BUCKET[/PREFIX] [--dry-run] [--root DIR]`: publishes dist/ to an S3-compatible
 * bucket (AWS S3, Cloudflare R2, MinIO…). It uploads only the files whose content or headers changed
 * since the last deploy, by the manifest it keeps in the bucket (src/lib/deploy/manifest.ts), in waves
 * (what pages load, then pages, then feeds and sitemaps), deletes what the build no longer writes, and
 * writes the manifest last. A deploy stopped anywhere is finished by running it again
 * (src/lib/deploy/plan.ts says how). `--dry-run` prints what it would do and changes nothing.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pLimit from 'p-limit';
import { bucketClient, deleteFiles, readStored, uploadFile, writeManifest } from '../build/bucket.ts';
import { readSiteFiles } from '../build/site-files.ts';
import type { StoredFiles } from '../lib/deploy/manifest.ts';
import { planDeploy, storedAfter } from '../lib/deploy/plan.ts';
import { deploySummary } from '../lib/deploy/summary.ts';
import { parseTarget, targetUrl, type DeployTarget } from '../lib/deploy/target.ts';

const USAGE = 'Usage: npm run deploy -- s3://BUCKET[/PREFIX] [--dry-run] [--root DIR]';
/** Uploads in flight at once: enough to hide each request's round trip, few enough not to be throttled. */
const UPLOADS_AT_ONCE = 16;
/** How often a long deploy records the uploads done so far, so that a re-run after a stop skips them. */
const CHECKPOINT_EVERY_MS = 30_000;

function readOptions() {
  try {
    return parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        root: { type: 'string', default: resolve(import.meta.dirname, '..', '..') },
      },
    });
  } catch (error) {
    // Node's own message, such as "Unknown option '--dryrun'": its first line says it all.
    return refuse(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
}

function refuse(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

/** One line: the SDK's error name says what failed (NoSuchBucket, AccessDenied, CredentialsProviderError). */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const hint = hintFor(error);
  return `${error.name === 'Error' ? '' : `${error.name}: `}${error.message.split('\n')[0]}${hint ? ` (${hint})` : ''}`;
}

/** What the environment should have held, for the failures that come from it. */
function hintFor(error: Error): string | undefined {
  if (error.name === 'CredentialsProviderError') {
    return 'expected AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY in the environment, or another source the AWS SDK reads';
  }
  if (error.message === 'Region is missing')
    return 'expected AWS_REGION in the environment: the bucket\'s region, or "auto" for Cloudflare R2';
  if (error.name === 'NoSuchBucket') return 'expected an existing bucket: a deploy never creates one';
  // S3 also answers AccessDenied, not NoSuchKey, for a missing manifest when the key may not list the bucket.
  if (error.name === 'AccessDenied') return 'expected a key that may list the bucket and read, write and delete its objects';
  return undefined;
}

const { values: options, positionals } = readOptions();
if (positionals.length !== 1) refuse(`Give one target, found ${positionals.length === 0 ? 'none' : positionals.join(' ')}.`);
let target: DeployTarget;
try {
  target = parseTarget(positionals[0] ?? '');
} catch (error) {
  refuse(error instanceof Error ? error.message : String(error));
}
const dist = join(resolve(options.root), 'dist');
// A failed or unfinished build must not replace a whole site with nothing.
if (!existsSync(join(dist, 'index.html'))) {
  process.stderr.write(`There is no built site in ${dist} (no index.html): run npm run build, and deploy only after it succeeded.\n`);
  process.exit(1);
}

try {
  await deploy(target, options['dry-run']);
} catch (error) {
  process.stderr.write(`Deploy to ${targetUrl(target)} stopped: ${describe(error)}. Run it again to finish it.\n`);
  process.exitCode = 1;
}

async function deploy(target: DeployTarget, dryRun: boolean): Promise<void> {
  const started = performance.now();
  const where = targetUrl(target);
  const site = await readSiteFiles(dist);
  const client = bucketClient(process.env['DATELINE_S3_ENDPOINT'] || undefined);
  try {
    const stored = await readStored(client, target);
    if (!stored.fromManifest) {
      process.stderr.write(
        `No deploy manifest in ${where}: found ${stored.files.size} objects there; every file of the build is uploaded.\n`,
      );
    }
    const plan = planDeploy(site, stored.files);
    const uploads = plan.uploads.flat();
    const counts = {
      uploaded: uploads.length,
      deleted: plan.deletes.length,
      unchanged: plan.unchanged,
      bytes: uploads.reduce((total, path) => total + (site.get(path)?.size ?? 0), 0),
    };
    if (dryRun) {
      for (const path of uploads) process.stdout.write(`upload ${path}\n`);
      for (const path of plan.deletes) process.stdout.write(`delete ${path}\n`);
      process.stdout.write(`${deploySummary(counts, where, { dryRun: true })}\n`);
      return;
    }
    if (uploads.length > 0 || plan.deletes.length > 0) {
      const progress = { uploaded: new Set<string>(), deleted: new Set<string>() };
      const manifest = manifestWriter(() => storedAfter(stored.files, site, plan, progress));
      // Before anything changes: every file about to be uploaded or deleted is recorded as of unknown content.
      await manifest.write();
      const checkpoints = setInterval(() => void manifest.write().catch(() => undefined), CHECKPOINT_EVERY_MS);
      try {
        for (const wave of plan.uploads) {
          await uploadAll(wave, async (path) => {
            const file = site.get(path);
            if (!file) throw new Error(`${path} is not in ${dist}`);
            await uploadFile(client, target, path, file, await readFile(join(dist, path)));
            progress.uploaded.add(path);
          });
        }
        await deleteFiles(client, target, plan.deletes, (paths) => paths.forEach((path) => progress.deleted.add(path)));
      } catch (error) {
        // So that a re-run uploads only what is left; if this fails too, the manifest written before
        // still holds, and the re-run uploads a little more.
        await manifest.write().catch(() => undefined);
        throw error;
      } finally {
        clearInterval(checkpoints);
      }
      await manifest.write();
    }
    const seconds = (performance.now() - started) / 1000;
    process.stdout.write(`${deploySummary(counts, where, { dryRun: false, seconds })}\n`);
  } finally {
    client.destroy();
  }

  /** Writes the manifest as it stands at each call, one write at a time, in the order asked. */
  function manifestWriter(current: () => StoredFiles) {
    let last: Promise<void> = Promise.resolve();
    return {
      write(): Promise<void> {
        const next = last.then(() => writeManifest(client, target, current()));
        last = next.catch(() => undefined);
        return next;
      },
    };
  }

  /** UPLOADS_AT_ONCE at a time; the first failure stops the uploads not yet started and is thrown once those under way end. */
  async function uploadAll(paths: readonly string[], upload: (path: string) => Promise<void>): Promise<void> {
    const limit = pLimit(UPLOADS_AT_ONCE);
    let failure: Error | undefined;
    await Promise.all(
      paths.map((path) =>
        limit(async () => {
          if (failure) return;
          try {
            await upload(path);
          } catch (error) {
            failure ??= new Error(`could not upload ${path} to ${where}${path}: ${describe(error)}`, { cause: error });
          }
        }),
      ),
    );
    if (failure) throw failure;
  }
}
