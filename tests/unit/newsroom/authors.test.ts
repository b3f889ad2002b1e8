import { describe, expect, it } from 'vitest';
import { authorClashes, authorDirectory, checkAuthorFile, nameKey } from '../../../src/lib/newsroom/authors.ts';

const file = (text: string) => new TextEncoder().encode(text);

describe('author profiles', () => {
  it('reads name, role, sameAs and a fediverse handle, written with or without its first @', () => {
    const result = checkAuthorFile(
      'content/authors/maya-rahal.md',
      file(
        '---\nname: "Maya Rahal"\nrole: Data reporter\nsameAs:\n  - https://example.social/@maya\nfediverse: "maya@Example.Social"\n---\nMaya reports.\n',
      ),
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.author).toMatchObject({
      slug: 'maya-rahal',
      name: 'Maya Rahal',
      role: 'Data reporter',
      sameAs: ['https://example.social/@maya'],
      fediverse: '@maya@example.social',
    });
  });

  it('names the line and field of every mistake', () => {
    const result = checkAuthorFile(
      'content/authors/x.md',
      file('---\nrole: 5\nsameAs: [ftp://example.org]\nfediverse: maya\nemail: a@b.c\n---\n'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ line, field }) => [line, field])).toEqual([
      [undefined, 'name'],
      [2, 'role'],
      [3, 'sameAs[0]'],
      [4, 'fediverse'],
      [5, 'email'],
    ]);
    expect(result.problems.find((problem) => problem.field === 'fediverse')?.expected).toContain('@user@server');
    expect(result.problems.at(-1)).toMatchObject({ found: 'a field the author profile format does not have' });
  });

  it('matches a byline whatever its case, spacing or Unicode form', () => {
    const directory = authorDirectory([{ name: 'Maya  Rahal' }, { name: 'Zoé Martin' }]);
    expect(directory.get(nameKey('maya rahal'))?.name).toBe('Maya  Rahal');
    expect(directory.get(nameKey('Zoe\u0301 Martin'))?.name).toBe('Zoé Martin');
    expect(directory.get(nameKey('Maya R.'))).toBeUndefined();
  });

  it('refuses two profiles with one name or one file name, naming both files', () => {
    const problems = authorClashes([
      { name: 'Maya Rahal', slug: 'maya-rahal', file: 'content/authors/maya-rahal.md' },
      { name: 'maya rahal', slug: 'maya', file: 'content/authors/maya.md' },
      { name: 'Tom', slug: 'maya', file: 'content/authors/old/maya.md' },
    ]);
    expect(problems.map(({ file: where, field }) => [where, field])).toEqual([
      ['content/authors/maya-rahal.md', 'name'],
      ['content/authors/maya.md', 'name'],
      ['content/authors/maya.md', 'file name'],
      ['content/authors/old/maya.md', 'file name'],
    ]);
  });
});
