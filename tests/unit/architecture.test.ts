import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Keeps the shape docs/architecture.md describes: one folder per concern, pure modules in src/lib,
 * Astro's content store read in src/data only, templates that place the props they are given.
 * Each rule fails naming the files that break it.
 */
const root = join(import.meta.dirname, '..', '..');

function filesUnder(folder: string, ...extensions: string[]): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => extensions.some((extension) => name.endsWith(extension)))
    .map((name) => posix.join(folder, name.split('\\').join('/')))
    .sort();
}

interface Import {
  /** As written: `astro:content`, `node:fs`, `../data/pages.ts`. */
  readonly specifier: string;
  /** For a relative import, the file it names, from the project root. */
  readonly target?: string | undefined;
  /** `import type …`: erased from the running code. */
  readonly typeOnly: boolean;
}

/** The imports of a module, or of an .astro file's front matter, read from its text. */
function importsOf(file: string): Import[] {
  let source = readFileSync(join(root, file), 'utf8');
  if (file.endsWith('.astro')) source = source.split(/^---$/m)[1] ?? '';
  const found: Import[] = [];
  for (const match of source.matchAll(/^\s*(import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?'([^']+)'/gm)) {
    found.push({ specifier: match[3] ?? '', typeOnly: match[2] !== undefined });
  }
  for (const match of source.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g)) found.push({ specifier: match[1] ?? '', typeOnly: false });
  return found.map((entry) => ({
    ...entry,
    target: entry.specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), entry.specifier)) : undefined,
  }));
}

/** `file: specifier` for every import of the files that `forbidden` refuses. */
function offending(files: readonly string[], forbidden: (entry: Import) => boolean): string[] {
  return files.flatMap((file) =>
    importsOf(file)
      .filter(forbidden)
      .map((entry) => `${file}: ${entry.specifier}`),
  );
}

const inFolder = (entry: Import, ...folders: string[]) => folders.some((folder) => entry.target?.startsWith(`${folder}/`));
const PROCESS_MODULES = /^(?:node:)?(?:fs|fs\/promises|child_process|worker_threads)$/;

describe('architecture', () => {
  const lib = filesUnder('src/lib', '.ts');

  it('has no modules loose at src/: each belongs to the folder of its concern', () => {
    const loose = readdirSync(join(root, 'src')).filter((name) => /\.(ts|mjs|js)$/.test(name));
    expect(loose.sort()).toEqual(['content.config.ts', 'site.config.ts']);
  });

  it('keeps src/lib pure: no Astro, no file system, no processes or threads', () => {
    const impure = (entry: Import) =>
      /^astro(?:$|\/|:)/.test(entry.specifier) ||
      PROCESS_MODULES.test(entry.specifier) ||
      ['sharp', 'tinypool', 'pagefind'].includes(entry.specifier);
    expect(offending(lib, impure)).toEqual([]);
  });

  it('keeps src/lib below everything else: it imports nothing from the folders that use it', () => {
    const above = (entry: Import) =>
      inFolder(entry, 'src/build', 'src/cli', 'src/data', 'src/integration', 'src/loaders', 'src/pages', 'src/layouts', 'src/components') ||
      entry.target === 'src/site.config.ts';
    expect(offending(lib, above)).toEqual([]);
  });

  it('reads the content store (astro:content) only in src/data and the loader', () => {
    const outside = filesUnder('src', '.ts', '.astro', '.mjs').filter(
      (file) => !file.startsWith('src/data/') && !file.startsWith('src/loaders/') && file !== 'src/content.config.ts',
    );
    expect(offending([...outside, 'astro.config.mjs'], (entry) => entry.specifier === 'astro:content')).toEqual([]);
  });

  it('gives layouts and components their data as props: they import no data, configuration or build code', () => {
    const templates = [...filesUnder('src/layouts', '.astro', '.ts'), ...filesUnder('src/components', '.astro', '.ts')];
    const fetching = (entry: Import) =>
      !entry.typeOnly &&
      (entry.specifier === 'astro:content' ||
        inFolder(entry, 'src/data', 'src/build', 'src/loaders') ||
        entry.target === 'src/site.config.ts');
    expect(offending(templates, fetching)).toEqual([]);
  });

  it('keeps pages to routes: their props come from src/data, never from the build machinery or the configuration', () => {
    const pages = filesUnder('src/pages', '.astro', '.ts');
    expect(offending(pages, (entry) => inFolder(entry, 'src/build', 'src/loaders') || entry.target === 'src/site.config.ts')).toEqual([]);
  });

  it('keeps functions out of .astro templates: logic belongs in src/lib where it is tested', () => {
    const offenders = filesUnder('src', '.astro').filter((file) => {
      const frontmatter = readFileSync(join(root, file), 'utf8').split(/^---$/m)[1] ?? '';
      return /\bfunction\b|=>/.test(frontmatter.replace(/getStaticPaths = \([^)]*\) => \w+\(\w*\)/g, ''));
    });
    expect(offenders).toEqual([]);
  });

  it('gives every src/lib module its own test file, at the same place under tests/unit/', () => {
    const untested = lib.filter(
      (file) => !existsSync(join(root, 'tests', 'unit', file.replace(/^src\/lib\//, '').replace(/\.ts$/, '.test.ts'))),
    );
    expect(untested).toEqual([]);
  });

  it('reads its own imports correctly, so that the rules above can fail', () => {
    expect(importsOf('src/data/site-index.ts').map((entry) => entry.specifier)).toContain('astro:content');
    expect(importsOf('src/layouts/Base.astro')).toContainEqual({
      specifier: '../lib/site/chrome.ts',
      target: 'src/lib/site/chrome.ts',
      typeOnly: true,
    });
    expect(importsOf('src/build/body-cache.ts').map((entry) => entry.specifier)).toContain('node:fs');
  });
});
