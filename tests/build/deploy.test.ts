import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CreateBucketCommand, GetObjectCommand, S3Client, paginateListObjectsV2 } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitUntil } from '../../scripts/local-server.ts';
import { readSiteFiles } from '../../src/build/site-files.ts';
import { MANIFEST_NAME, parseManifest } from '../../src/lib/deploy/manifest.ts';
import type { SiteFile } from '../../src/lib/deploy/plan.ts';
import { buildIn, copySite, projectRoot } from '../support/site.ts';
import { S3_CREDENTIALS, startProxy, startS3Server, type S3Proxy, type S3Server } from '../support/s3.ts';

/**
 * `npm run deploy` against a real S3-compatible server (s3rver, see tests/support/s3.ts) on 127.0.0.1,
 * through a proxy that records what the deploy sends and can refuse or hold requests. One site copy
 * is built, deployed, edited and built again, in order: each test starts from the bucket the one
 * before it left.
 */
const BUCKET = 'dateline';
const PREFIX = 'news/';
const TARGET = `s3://${BUCKET}/${PREFIX}`;
const BARE_DATE = join('content', 'deep', 'er', 'still', 'bare-date.md');

let server: S3Server;
let proxy: S3Proxy;
let client: S3Client;
let dir: string;

beforeAll(async () => {
  server = await startS3Server();
  proxy = await startProxy(server.url);
  client = new S3Client({
    endpoint: server.url,
    forcePathStyle: true,
    region: 'us-east-1',
    credentials: S3_CREDENTIALS,
  });
  await client.send(new CreateBucketCommand({ Bucket: BUCKET }));
  dir = await copySite(join(projectRoot, 'tests', 'fixtures', 'sites', 'good'));
  await build();
});

afterAll(async () => {
  client?.destroy();
  await proxy?.stop();
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function build(): Promise<Map<string, SiteFile>> {
  const { exitCode, output } = await buildIn(dir);
  if (exitCode !== 0) throw new Error(`site build failed:\n${output}`);
  return readSiteFiles(join(dir, 'dist'));
}

interface Run {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `npm run deploy -- TARGET …` on the site copy, through the proxy; `started` is handed the process. */
function deploy(args: string[] = [], started?: (child: ChildProcess) => void): Promise<Run> {
  return runDeploy([TARGET, '--root', dir, ...args], started);
}

function runDeploy(args: string[], started?: (child: ChildProcess) => void): Promise<Run> {
  const child = spawn(process.execPath, [join(projectRoot, 'src', 'cli', 'deploy.ts'), ...args], {
    env: {
      ...process.env,
      AWS_ACCESS_KEY_ID: S3_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3_CREDENTIALS.secretAccessKey,
      AWS_REGION: 'us-east-1',
      // Nothing but the server on 127.0.0.1: no instance metadata, no shared config.
      AWS_EC2_METADATA_DISABLED: 'true',
      AWS_CONFIG_FILE: '/dev/null',
      AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
      DATELINE_S3_ENDPOINT: proxy.url,
    },
  });
  started?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr }));
  });
}

/** Every object of the site in the bucket, as readSiteFiles describes the files of dist/. */
async function bucketFiles(): Promise<Map<string, Omit<SiteFile, 'size'>>> {
  const files = new Map<string, Omit<SiteFile, 'size'>>();
  for await (const page of paginateListObjectsV2({ client }, { Bucket: BUCKET, Prefix: PREFIX })) {
    for (const { Key } of page.Contents ?? []) {
      if (!Key || Key === `${PREFIX}${MANIFEST_NAME}`) continue;
      const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key }));
      const bytes = await object.Body?.transformToByteArray();
      files.set(Key.slice(PREFIX.length), {
        sha256: createHash('sha256')
          .update(bytes ?? new Uint8Array())
          .digest('hex'),
        contentType: object.ContentType ?? '',
        cacheControl: object.CacheControl ?? '',
      });
    }
  }
  return files;
}

async function manifest() {
  const object = await client.send(new GetObjectCommand({ Bucket: BUCKET, Key: `${PREFIX}${MANIFEST_NAME}` }));
  return parseManifest((await object.Body?.transformToString()) ?? '', 'the manifest');
}

const withoutSizes = (files: ReadonlyMap<string, SiteFile>) =>
  new Map([...files].map(([path, { sha256, contentType, cacheControl }]) => [path, { sha256, contentType, cacheControl }]));

/** The bucket holds dist/ exactly, byte for byte and header for header, and its manifest says so. */
async function expectBucketToHold(site: ReadonlyMap<string, SiteFile>): Promise<void> {
  expect(await bucketFiles()).toEqual(withoutSizes(site));
  expect(await manifest()).toEqual(withoutSizes(site));
}

/** Object keys the deploy uploaded, from the proxy's record since `from`, the manifest left out. */
const uploadsSince = (from: number) =>
  proxy.requests
    .slice(from)
    .filter((request) => request.method === 'PUT' && request.key !== `${PREFIX}${MANIFEST_NAME}`)
    .map((request) => request.key.slice(PREFIX.length));

const changedFiles = (before: ReadonlyMap<string, SiteFile>, after: ReadonlyMap<string, SiteFile>) =>
  [...after].filter(([path, file]) => before.get(path)?.sha256 !== file.sha256).map(([path]) => path);

const goneFiles = (before: ReadonlyMap<string, SiteFile>, after: ReadonlyMap<string, SiteFile>) =>
  [...before.keys()].filter((path) => !after.has(path));

async function editFile(path: string, edit: (text: string) => string): Promise<void> {
  await writeFile(join(dir, path), edit(await readFile(join(dir, path), 'utf8')));
}

describe('npm run deploy', () => {
  let site: Map<string, SiteFile>;

  it('uploads every file on the first deploy, with its type and cache policy, what pages load first and feeds last', async () => {
    site = await readSiteFiles(join(dir, 'dist'));
    const from = proxy.requests.length;
    const run = await deploy();
    expect(run.stderr).toContain(`No deploy manifest in s3://${BUCKET}/${PREFIX}: found 0 objects there`);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(`^Deployed to ${TARGET} in [\\d.]+ s: uploaded ${site.size} files \\([\\d,]+ bytes\\), deleted 0, unchanged 0\\.\\n$`),
    );
    await expectBucketToHold(site);

    const objects = await bucketFiles();
    const stylesheet = [...objects.keys()].find((path) => path.startsWith('_astro/') && path.endsWith('.css')) ?? '';
    expect(objects.get('index.html')).toMatchObject({ contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300' });
    expect(objects.get(stylesheet)).toMatchObject({
      contentType: 'text/css; charset=utf-8',
      cacheControl: 'public, max-age=31536000, immutable',
    });
    expect(objects.get('previews/seed-story.jpg')).toMatchObject({ contentType: 'image/jpeg', cacheControl: 'public, max-age=3600' });
    expect(objects.get('feed.xml')).toMatchObject({ contentType: 'application/xml', cacheControl: 'public, max-age=300' });

    const puts = proxy.requests.slice(from).filter((request) => request.method === 'PUT');
    expect(puts.at(0)?.key).toBe(`${PREFIX}${MANIFEST_NAME}`);
    expect(puts.at(-1)?.key).toBe(`${PREFIX}${MANIFEST_NAME}`);
    const order = uploadsSince(from);
    const wave = (path: string) => (path.endsWith('.html') ? 1 : /\.(xml|txt)$/.test(path) ? 2 : 0);
    expect(order.map(wave)).toEqual(order.map(wave).sort());
  });

  it('uploads nothing when nothing changed, and reads only the manifest', async () => {
    const from = proxy.requests.length;
    const run = await deploy();
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/uploaded 0 files \(0 bytes\), deleted 0, unchanged \d+\.$/m);
    expect(proxy.requests.slice(from)).toEqual([{ method: 'GET', key: `${PREFIX}${MANIFEST_NAME}`, query: '?x-id=GetObject' }]);
  });

  it('with --dry-run, lists what an edit would upload and changes nothing', async () => {
    await editFile(BARE_DATE, (text) => `${text}\nA correction, added after publication.\n`);
    const edited = await build();
    const before = await bucketFiles();
    const from = proxy.requests.length;
    const run = await deploy(['--dry-run']);
    expect(run.exitCode).toBe(0);
    const listed = run.stdout.split('\n').filter((line) => line.startsWith('upload ') || line.startsWith('delete '));
    const expected = [
      ...changedFiles(site, edited).map((path) => `upload ${path}`),
      ...goneFiles(site, edited).map((path) => `delete ${path}`),
    ];
    expect(listed.sort()).toEqual(expected.sort());
    expect(run.stdout).toContain(`Dry run: would upload ${listed.filter((line) => line.startsWith('upload ')).length} files`);
    expect(proxy.requests.slice(from).every((request) => request.method === 'GET')).toBe(true);
    expect(await bucketFiles()).toEqual(before);
    expect(await manifest()).toEqual(withoutSizes(site));
  });

  it('after one edited article, uploads only the files whose bytes changed', async () => {
    const edited = await readSiteFiles(join(dir, 'dist'));
    const changed = changedFiles(site, edited);
    expect(changed).toContain('articles/bare-date/index.html');
    const from = proxy.requests.length;
    const run = await deploy();
    expect(run.exitCode).toBe(0);
    expect(uploadsSince(from).sort()).toEqual(changed.sort());
    expect(run.stdout).toContain(`uploaded ${changed.length} files`);
    await expectBucketToHold(edited);
    site = edited;
  });

  it('deletes the page and preview card of a deleted article', async () => {
    await rm(join(dir, 'content', 'body-image.md'));
    const after = await build();
    const run = await deploy();
    expect(run.exitCode).toBe(0);
    const gone = goneFiles(site, after);
    expect(gone).toEqual(expect.arrayContaining(['articles/body-image/index.html', 'previews/body-image.jpg']));
    expect(run.stdout).toContain(`deleted ${gone.length},`);
    await expectBucketToHold(after);
    site = after;
  });

  describe('stopped mid-way', () => {
    const ADDED = join('content', 'added.md');
    const retitle = (title: string) => editFile(BARE_DATE, (text) => text.replace(/^title: .*$/m, `title: "${title}"`));

    it('stops at a refused upload before any page, naming the file, and the next deploy finishes it', async () => {
      // A new headline redraws the article's preview card: a file of the first wave.
      await retitle('Filed on a bare date, corrected');
      const edited = await build();
      const from = proxy.requests.length;
      proxy.decide = (request) => (request.method === 'PUT' && request.key === `${PREFIX}previews/bare-date.jpg` ? 'deny' : 'pass');
      const refused = await deploy();
      proxy.decide = () => 'pass';
      expect(refused.exitCode).toBe(1);
      expect(refused.stderr).toMatch(
        new RegExp(
          `^Deploy to ${TARGET} stopped: could not upload previews/bare-date.jpg to ${TARGET}previews/bare-date.jpg: AccessDenied: .*Run it again to finish it\\.\\n$`,
        ),
      );
      expect(uploadsSince(from).filter((path) => path.endsWith('.html'))).toEqual([]);
      expect((await manifest()).get('previews/bare-date.jpg')).toBeNull();

      expect((await deploy()).exitCode).toBe(0);
      await expectBucketToHold(edited);
      site = edited;
    });

    it('killed after its first page, is finished by the next deploy of a later build, with nothing lost or left stale', async () => {
      await retitle('Filed on a bare date, corrected twice');
      await writeFile(
        join(dir, ADDED),
        '---\ntitle: "Added, then withdrawn"\ndateline: "DOHA"\ndate: 2024-07-12T10:00:00+03:00\n---\n\nA story that is soon withdrawn.\n',
      );
      const stoppedBuild = await build();
      // Hold every request once the first page is in, then kill the deploy: as a cancelled CI job would.
      const from = proxy.answered.length;
      const pageIn = () => proxy.answered.slice(from).some((request) => request.method === 'PUT' && request.key.endsWith('.html'));
      proxy.decide = () => (pageIn() ? 'hold' : 'pass');
      let deployment: ChildProcess | undefined;
      const killed = deploy([], (child) => (deployment = child));
      await waitUntil(async () => proxy.held > 0, 60_000, 'the deploy sent no request after its first page');
      deployment?.kill('SIGKILL');
      expect((await killed).exitCode).toBeNull();
      proxy.decide = () => 'pass';
      const stopped = await bucketFiles();
      expect(stopped.get('previews/added.jpg')).toEqual(withoutSizes(stoppedBuild).get('previews/added.jpg'));
      expect(stopped.get('previews/bare-date.jpg')).toEqual(withoutSizes(stoppedBuild).get('previews/bare-date.jpg'));
      expect(stopped.get('feed.xml')).toEqual(withoutSizes(site).get('feed.xml'));

      // The next build withdraws the new article and takes back the second correction of the headline.
      await rm(join(dir, ADDED));
      await retitle('Filed on a bare date, corrected');
      const last = await build();
      expect(last.get('previews/bare-date.jpg')).toEqual(site.get('previews/bare-date.jpg'));
      const run = await deploy();
      expect(run.exitCode).toBe(0);
      await expectBucketToHold(last);
    });
  });

  describe('refuses', () => {
    it('a missing or malformed target, with the usage', async () => {
      expect(await runDeploy([])).toEqual({
        exitCode: 2,
        stdout: '',
        stderr: 'Give one target, found none.\nUsage: npm run deploy -- s3://BUCKET[/PREFIX] [--dry-run] [--root DIR]\n',
      });
      const malformed = await runDeploy(['https://news.s3.amazonaws.com/', '--root', dir]);
      expect(malformed.exitCode).toBe(2);
      expect(malformed.stderr).toMatch(/^The target "https:\/\/news.s3.amazonaws.com\/" is not a bucket address: expected s3:\/\/BUCKET/);
    });

    it('a folder without a built site, so that a failed build never empties the bucket', async () => {
      const run = await runDeploy([TARGET, '--root', join(dir, 'content')]);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toBe(
        `There is no built site in ${join(dir, 'content', 'dist')} (no index.html): run npm run build, and deploy only after it succeeded.\n`,
      );
    });

    it('a bucket that does not exist, saying so', async () => {
      const run = await runDeploy(['s3://no-such-bucket', '--root', dir]);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(
        /^Deploy to s3:\/\/no-such-bucket\/ stopped: NoSuchBucket: .*\(expected an existing bucket: a deploy never creates one\)/,
      );
    });
  });
});
