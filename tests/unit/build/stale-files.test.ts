import { describe, expect, it } from 'vitest';
import { emptiedFolders, staleOutputs } from '../../../src/build/stale-files.ts';

describe('what a build leaves of the previous one in dist/', () => {
  const present = [
    'index.html',
    'articles/kept/index.html',
    'articles/deleted/index.html',
    'previews/kept.jpg',
    'previews/deleted.jpg',
    'page/2/index.html',
    'page/3/index.html',
    '_astro/site.a1b2.css',
    'pagefind/pagefind.js',
    'pagefind/2019/fragment/x.pf_fragment',
    'logo.png',
  ];

  it('removes every file this build did not write, outside the folders it writes whole', () => {
    const written = new Set(['index.html', 'articles/kept/index.html', 'previews/kept.jpg', 'page/2/index.html', 'logo.png']);
    expect(staleOutputs(present, written, ['_astro', 'pagefind'])).toEqual([
      'articles/deleted/index.html',
      'previews/deleted.jpg',
      'page/3/index.html',
    ]);
  });

  it('keeps everything a build wrote again', () => {
    expect(staleOutputs(present, new Set(present), [])).toEqual([]);
  });

  it('never touches a git checkout in dist/', () => {
    expect(staleOutputs(['.git/HEAD', '.git/objects/ab/cdef', '.gitignore'], new Set(), [])).toEqual(['.gitignore']);
  });

  it('does not take a folder name for the start of another', () => {
    expect(staleOutputs(['pagefind-old/x.js', 'pagefind/x.js'], new Set(), ['pagefind'])).toEqual(['pagefind-old/x.js']);
  });

  it('names the folders left empty, deepest first, and none that still hold a file', () => {
    const removed = ['articles/deleted/index.html', 'previews/deleted.jpg', 'page/3/index.html'];
    expect(emptiedFolders(present, removed)).toEqual(['articles/deleted', 'page/3']);
    expect(emptiedFolders(['a/b/c/index.html', 'a/keep.txt'], ['a/b/c/index.html'])).toEqual(['a/b/c', 'a/b']);
    expect(emptiedFolders(['x/index.html'], ['x/index.html'])).toEqual(['x']);
    expect(emptiedFolders(present, [])).toEqual([]);
  });
});
