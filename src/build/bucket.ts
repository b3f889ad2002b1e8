import { DeleteObjectsCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { MANIFEST_NAME, parseManifest, serializeManifest, type StoredFiles } from '../lib/deploy/manifest.ts';
import type { SiteFile } from '../lib/deploy/plan.ts';
import { objectKey, sitePath, targetUrl, type DeployTarget } from '../lib/deploy/target.ts';

/**
 * The bucket a deploy publishes to, through the AWS SDK. Credentials and region come from wherever the
 * SDK finds them (AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION, a profile, a CI role);
 * DATELINE_S3_ENDPOINT names a service other than AWS (Cloudflare R2, MinIO…).
 */
export function bucketClient(endpoint: string | undefined): S3Client {
  return new S3Client({
    // Other services serve buckets by path (http://127.0.0.1:9000/bucket/key): a host name per bucket
    // (bucket.127.0.0.1) needs DNS that a local or private endpoint lacks. R2 and MinIO take both.
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    // The SDK's standard retry strategy (exponential back-off with jitter, on throttling, 5xx and
    // dropped connections) sends each request again whole: an upload is one PutObject of bytes held in
    // memory, so a retried request is a retried file, and no retry of our own is needed on top.
    maxAttempts: 6,
    requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000 },
  });
}

export interface StoredState {
  readonly files: StoredFiles;
  /** False when the bucket had no manifest and its objects were listed instead. */
  readonly fromManifest: boolean;
}

/**
 * What the target holds, from its manifest; without one (a first deploy, or a manifest deleted to start
 * afresh), every object under the target, listed once, as of unknown content.
 */
export async function readStored(client: S3Client, target: DeployTarget): Promise<StoredState> {
  const manifestKey = objectKey(target, MANIFEST_NAME);
  try {
    const response = await client.send(new GetObjectCommand({ Bucket: target.bucket, Key: manifestKey }));
    const text = (await response.Body?.transformToString('utf-8')) ?? '';
    return { files: parseManifest(text, `${targetUrl(target)}${MANIFEST_NAME}`), fromManifest: true };
  } catch (error) {
    if (!(error instanceof NoSuchKey)) throw error;
  }
  const files = new Map<string, null>();
  for await (const page of paginateListObjectsV2({ client }, { Bucket: target.bucket, Prefix: target.prefix })) {
    for (const { Key } of page.Contents ?? []) if (Key && Key !== manifestKey) files.set(sitePath(target, Key), null);
  }
  return { files, fromManifest: false };
}

export async function uploadFile(client: S3Client, target: DeployTarget, path: string, file: SiteFile, bytes: Uint8Array): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: objectKey(target, path),
      Body: bytes,
      ContentType: file.contentType,
      CacheControl: file.cacheControl,
    }),
  );
}

export async function writeManifest(client: S3Client, target: DeployTarget, files: StoredFiles): Promise<void> {
  await client.send(
    new PutObjectCommand({
      Bucket: target.bucket,
      Key: objectKey(target, MANIFEST_NAME),
      Body: serializeManifest(files),
      ContentType: 'application/json',
      // For deploys, not readers: never served from a cache.
      CacheControl: 'no-store',
    }),
  );
}

/** The most keys one DeleteObjects request takes. */
const DELETES_PER_REQUEST = 1000;

/** Deletes the objects of these paths, calling `deleted` with each batch as it goes. */
export async function deleteFiles(
  client: S3Client,
  target: DeployTarget,
  paths: readonly string[],
  deleted: (paths: readonly string[]) => void,
): Promise<void> {
  for (let start = 0; start < paths.length; start += DELETES_PER_REQUEST) {
    const batch = paths.slice(start, start + DELETES_PER_REQUEST);
    const response = await client.send(
      new DeleteObjectsCommand({
        Bucket: target.bucket,
        Delete: { Objects: batch.map((path) => ({ Key: objectKey(target, path) })), Quiet: true },
      }),
    );
    // DeleteObjects answers 200 even when some keys failed: they are listed in Errors.
    const [first] = response.Errors ?? [];
    if (first) {
      throw new Error(
        `could not delete s3://${target.bucket}/${first.Key}: ${first.Code}: ${first.Message} (and ${(response.Errors?.length ?? 1) - 1} more)`,
      );
    }
    deleted(batch);
  }
}
