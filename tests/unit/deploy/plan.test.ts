import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { objectHeaders } from '../../../src/lib/deploy/file-kinds.ts';
import type { StoredFile, StoredFiles } from '../../../src/lib/deploy/manifest.ts';
import { planDeploy, storedAfter, type SiteFile } from '../../../src/lib/deploy/plan.ts';

type Site = ReadonlyMap<string, SiteFile>;

const file = (path: string, version: number): SiteFile => ({
  sha256: `${path}@${version}`,
  size: 10 * version + 1,
  ...objectHeaders(path),
});
const stored = ({ sha256, contentType, cacheControl }: SiteFile): StoredFile => ({ sha256, contentType, cacheControl });
const site = (versions: Record<string, number>): Site =>
  new Map(Object.entries(versions).map(([path, version]) => [path, file(path, version)]));
const storedOf = (from: Site): StoredFiles => new Map([...from].map(([path, entry]) => [path, stored(entry)]));

describe('planning a deploy', () => {
  const published = site({ 'index.html': 1, 'articles/a/index.html': 1, 'articles/b/index.html': 1, 'feed.xml': 1, 'previews/a.jpg': 1 });

  it('uploads every file to an empty bucket, what pages load first, then pages, then feeds', () => {
    expect(planDeploy(published, new Map())).toEqual({
      uploads: [['previews/a.jpg'], ['articles/a/index.html', 'articles/b/index.html', 'index.html'], ['feed.xml']],
      deletes: [],
      unchanged: 0,
    });
  });

  it('does nothing when the bucket holds the build', () => {
    expect(planDeploy(published, storedOf(published))).toEqual({ uploads: [], deletes: [], unchanged: 5 });
  });

  it('uploads what changed and deletes what the build no longer writes', () => {
    const next = site({ 'index.html': 2, 'articles/a/index.html': 2, 'feed.xml': 2, 'previews/a.jpg': 1, 'articles/c/index.html': 1 });
    expect(planDeploy(next, storedOf(published))).toEqual({
      uploads: [['articles/a/index.html', 'articles/c/index.html', 'index.html'], ['feed.xml']],
      deletes: ['articles/b/index.html'],
      unchanged: 1,
    });
  });

  it('uploads a file again when only its headers changed', () => {
    const before = new Map([['index.html', { ...stored(file('index.html', 1)), cacheControl: 'no-cache' }]]);
    expect(planDeploy(site({ 'index.html': 1 }), before).uploads).toEqual([['index.html']]);
  });

  it('uploads every file of unknown content the build has, and deletes the others', () => {
    const unknown: StoredFiles = new Map([
      ['index.html', null],
      ['old.html', null],
    ]);
    expect(planDeploy(site({ 'index.html': 1 }), unknown)).toEqual({ uploads: [['index.html']], deletes: ['old.html'], unchanged: 0 });
  });
});

describe('the manifest during a deploy', () => {
  const before = site({ 'index.html': 1, 'articles/gone/index.html': 1, 'feed.xml': 1 });
  const after = site({ 'index.html': 2, 'feed.xml': 1, 'articles/new/index.html': 1 });
  const plan = planDeploy(after, storedOf(before));

  it('before the first upload, holds what is about to be uploaded or deleted as of unknown content', () => {
    const nothingDone = { uploaded: new Set<string>(), deleted: new Set<string>() };
    expect(storedAfter(storedOf(before), after, plan, nothingDone)).toEqual(
      new Map([
        ['index.html', null],
        ['articles/gone/index.html', null],
        ['feed.xml', stored(file('feed.xml', 1))],
        ['articles/new/index.html', null],
      ]),
    );
  });

  it('at the end, is the build exactly', () => {
    const done = { uploaded: new Set(plan.uploads.flat()), deleted: new Set(plan.deletes) };
    expect(storedAfter(storedOf(before), after, plan, done)).toEqual(storedOf(after));
  });
});

/**
 * A model of the bucket and of the deploy (src/cli/deploy.ts) in the order it works: manifest, uploads
 * wave by wave with checkpoints, deletes, manifest. Deploys of changing builds are stopped after any
 * step, then one runs to its end: the bucket must then hold the last build exactly, and at every
 * step the manifest must claim nothing the bucket does not hold.
 */
describe('deploys stopped anywhere', () => {
  interface World {
    readonly bucket: Map<string, StoredFile>;
    manifest: StoredFiles | undefined;
  }

  function* deploySteps(world: World, build: Site, checkpointAfter: (index: number) => boolean): Generator<void> {
    const known: StoredFiles = world.manifest ?? new Map([...world.bucket.keys()].map((path) => [path, null]));
    const plan = planDeploy(build, known);
    if (plan.uploads.length === 0 && plan.deletes.length === 0) return;
    const progress = { uploaded: new Set<string>(), deleted: new Set<string>() };
    const save = () => (world.manifest = storedAfter(known, build, plan, progress));
    save();
    yield;
    for (const [index, path] of plan.uploads.flat().entries()) {
      world.bucket.set(path, stored(build.get(path) as SiteFile));
      yield;
      progress.uploaded.add(path);
      if (checkpointAfter(index)) {
        save();
        yield;
      }
    }
    for (const path of plan.deletes) {
      world.bucket.delete(path);
      yield;
      progress.deleted.add(path);
    }
    save();
  }

  function claimsNoMoreThanTheBucketHolds(world: World) {
    if (!world.manifest) return;
    for (const path of world.bucket.keys()) expect(world.manifest.has(path), `${path} is in the bucket, not in the manifest`).toBe(true);
    for (const [path, entry] of world.manifest) if (entry) expect(world.bucket.get(path), path).toEqual(entry);
  }

  const PATHS = ['index.html', 'articles/a/index.html', 'articles/b/index.html', 'feed.xml', '_astro/x.css', 'previews/a.jpg', 'logo.png'];
  const build = fc
    .array(fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }), { minLength: PATHS.length, maxLength: PATHS.length })
    .map((versions) => site(Object.fromEntries(PATHS.flatMap((path, index) => (versions[index] ? [[path, versions[index]]] : [])))));

  it('leave a bucket that the next complete deploy makes equal to the build', () => {
    fc.assert(
      fc.property(
        build,
        fc.array(fc.record({ build, stopAfter: fc.nat(30), checkpoints: fc.array(fc.boolean(), { minLength: 1 }) }), { maxLength: 3 }),
        build,
        fc.boolean(),
        (foreign, stopped, last, withManifest) => {
          // A bucket that holds objects from elsewhere, with or without a manifest of them.
          const world: World = { bucket: new Map([...foreign].map(([path, entry]) => [path, stored(entry)])), manifest: undefined };
          if (withManifest) world.manifest = storedOf(foreign);
          for (const { build: next, stopAfter, checkpoints } of stopped) {
            const steps = deploySteps(world, next, (index) => checkpoints[index % checkpoints.length] ?? false);
            for (let step = 0; step < stopAfter && !steps.next().done; step++) claimsNoMoreThanTheBucketHolds(world);
          }
          for (const _ of deploySteps(world, last, () => false)) claimsNoMoreThanTheBucketHolds(world);
          expect(world.bucket).toEqual(storedOf(last));
          if (last.size > 0 || world.manifest) expect(world.manifest).toEqual(storedOf(last));
        },
      ),
      { numRuns: 500 },
    );
  });
});
