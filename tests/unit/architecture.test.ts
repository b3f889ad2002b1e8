import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Keeps the shape style.md describes: pure modules in src/lib, each tested; thin templates. */
const root = join(import.meta.dirname, '..', '..');
const lib = join(root, 'src', 'lib');
const libModules = readdirSync(lib).filter((name) => name.endsWith('.ts'));

function filesUnder(folder: string, extension: string): string[] {
  return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith(extension))
    .map((name) => join(folder, name));
}

describe('architecture', () => {
  it('keeps src/lib free of Astro, so its modules run anywhere and test alone', () => {
    const offenders = libModules.filter((name) => /from ['"](?:astro(?:\/[^'"]*)?|astro:[^'"]*)['"]/.test(readFileSync(join(lib, name), 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('gives every src/lib module its own test file', () => {
    const tests = new Set(readdirSync(join(root, 'tests', 'unit')));
    expect(libModules.filter((name) => !tests.has(name.replace(/\.ts$/, '.test.ts')))).toEqual([]);
  });

  it('keeps functions out of .astro templates: logic belongs in src/lib where it is tested', () => {
    const offenders = filesUnder('src', '.astro').filter((file) => {
      const frontmatter = readFileSync(join(root, file), 'utf8').split('---')[1] ?? '';
      return /\bfunction\b/.test(frontmatter);
    });
    expect(offenders).toEqual([]);
  });
});
