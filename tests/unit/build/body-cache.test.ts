import { appendFile, cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PIPELINE_MODULES,
  PIPELINE_PACKAGES,
  codeFingerprint,
  installedVersions,
  pipelineFingerprint,
} from '../../../src/build/body-cache.ts';

const projectRoot = join(import.meta.dirname, '..', '..', '..');

/** Runtime imports of a module (type-only imports change no output): relative paths and package names. */
async function importsOf(module: string): Promise<{ modules: string[]; packages: string[] }> {
  const source = await readFile(join(projectRoot, module), 'utf8');
  const specifiers = [...source.matchAll(/^import\s+(?!type\s)[^;]*?from\s+'([^']+)'/gm), ...source.matchAll(/\bimport\('([^']+)'\)/g)].map(
    (match) => match[1] ?? '',
  );
  const modules = specifiers.filter((spec) => spec.startsWith('.')).map((spec) => posix.normalize(posix.join(posix.dirname(module), spec)));
  const packages = specifiers
    .filter((spec) => !spec.startsWith('.') && !spec.startsWith('node:'))
    .map((spec) =>
      spec
        .split('/')
        .slice(0, spec.startsWith('@') ? 2 : 1)
        .join('/'),
    );
  return { modules, packages };
}

describe('the body cache key', () => {
  let copy: string;
  beforeAll(async () => {
    // A copy of the project's code, so that editing a module edits nothing of the repository's.
    copy = await mkdtemp(join(tmpdir(), 'dateline-fingerprint-'));
    await cp(join(projectRoot, 'src'), join(copy, 'src'), { recursive: true });
    await symlink(join(projectRoot, 'node_modules'), join(copy, 'node_modules'), 'dir');
  });
  afterAll(() => rm(copy, { recursive: true, force: true }));

  it('lists every module and package the Markdown pipeline runs, so none can change a body unnoticed', async () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const queue = ['src/lib/markdown/pipeline.ts', 'src/build/body-cache.ts'];
    for (let module = queue.shift(); module; module = queue.shift()) {
      if (seen.has(module)) continue;
      seen.add(module);
      const imports = await importsOf(module);
      imports.packages.forEach((name) => packages.add(name));
      queue.push(...imports.modules);
    }
    expect([...seen].sort()).toEqual([...PIPELINE_MODULES].sort());
    // Astro's processor module only brings the pipeline in; its package is listed as @astrojs/markdown-remark.
    expect([...packages].filter((name) => !(PIPELINE_PACKAGES as readonly string[]).includes(name)).sort()).toEqual([]);
  });

  it('keeps every cached body when a module outside the pipeline changes, such as the share links', async () => {
    const before = pipelineFingerprint(copy);
    await appendFile(join(copy, 'src', 'lib', 'site', 'share.ts'), '\n// An edit.\n');
    expect(pipelineFingerprint(copy)).toBe(before);
  });

  it('renders every body again when the sanitize schema changes', async () => {
    const before = pipelineFingerprint(copy);
    await appendFile(join(copy, 'src', 'lib', 'markdown', 'sanitize.ts'), "\nsanitizeSchema.tagNames?.push('marquee');\n");
    expect(pipelineFingerprint(copy)).not.toBe(before);
  });

  it('is the same for the same code', () => {
    expect(pipelineFingerprint()).toBe(pipelineFingerprint());
    expect(pipelineFingerprint()).toMatch(/^[0-9a-f]{16}$/);
  });
});

describe('installed package versions', () => {
  let root: string;
  const install = async (folder: string, name: string, version: string, dependencies: Record<string, string> = {}) => {
    const path = join(folder, 'node_modules', name, 'package.json');
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, JSON.stringify({ name, version, dependencies }));
  };
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'dateline-packages-'));
    await mkdir(join(root, 'src'), { recursive: true });
    await writeFile(join(root, 'src', 'a.ts'), 'export {};\n');
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('count each package with all it depends on, nested copies included, as Node resolves them', async () => {
    await install(root, 'top', '1.0.0', { shared: '^1', deep: '^2' });
    await install(root, 'shared', '1.2.0');
    await install(join(root, 'node_modules', 'top'), 'deep', '2.0.1', { shared: '^1' });
    expect(installedVersions(root, ['top'])).toEqual(['deep@2.0.1', 'shared@1.2.0', 'top@1.0.0']);
    const before = codeFingerprint(['src/a.ts'], ['top'], root);
    // An update deep in the tree, as `npm update` of a transitive dependency gives.
    await install(root, 'shared', '1.3.0');
    expect(codeFingerprint(['src/a.ts'], ['top'], root)).not.toBe(before);
  });

  it('refuse a pipeline package that is not installed, rather than hash nothing', () => {
    expect(() => installedVersions(root, ['missing-package'])).toThrow(
      /^missing-package, a package of the Markdown pipeline, is not installed under /,
    );
  });
});
