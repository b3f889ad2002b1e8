/**
 * Where a deploy publishes: `s3://BUCKET` for the whole bucket, `s3://BUCKET/PREFIX` for a folder of it
 * (a site served under a path, or several sites in one bucket). Everything under that folder is the
 * site's: a deploy deletes what the build no longer writes there. Which service holds the bucket (AWS,
 * Cloudflare R2, MinIO…) is said by the environment, not the target.
 */
export interface DeployTarget {
  readonly bucket: string;
  /** `''` for the whole bucket, otherwise the folder with a trailing `/`: `news/`. */
  readonly prefix: string;
}

export function parseTarget(text: string): DeployTarget {
  const match = /^s3:\/\/([^/\s]+)(?:\/(.*))?$/.exec(text);
  const folder = (match?.[2] ?? '').replace(/^\/+|\/+$/g, '');
  if (!match?.[1] || folder.includes('//')) {
    throw new Error(
      `The target "${text}" is not a bucket address: expected s3://BUCKET or s3://BUCKET/PREFIX, such as s3://news-site/dateline`,
    );
  }
  return { bucket: match[1], prefix: folder === '' ? '' : `${folder}/` };
}

export const targetUrl = (target: DeployTarget) => `s3://${target.bucket}/${target.prefix}`;

export const objectKey = (target: DeployTarget, path: string) => `${target.prefix}${path}`;

/** The path in dist/ of an object under the target's folder. */
export const sitePath = (target: DeployTarget, key: string) => key.slice(target.prefix.length);
