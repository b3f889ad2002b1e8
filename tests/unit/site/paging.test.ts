import { describe, expect, it } from 'vitest';
import { stablePagePaths, stablePages, type ListPage } from '../../../src/lib/site/paging.ts';

/** Items numbered from the oldest (1) to the newest (`count`), newest first as the lists hold them. */
const newestFirst = (count: number) => Array.from({ length: count }, (_, index) => count - index);
const shape = (pages: ListPage<number>[]) =>
  pages.map((page) => [page.number ?? 'first', page.data.at(0), page.data.at(-1), page.data.length]);

describe('list pages counted from the oldest', () => {
  it('hold fixed groups of pageSize, the first page the newest ones: between one and two groups', () => {
    expect(shape(stablePages(newestFirst(65), 20, '/latest/'))).toEqual([
      ['first', 65, 41, 25],
      [2, 40, 21, 20],
      [1, 20, 1, 20],
    ]);
    expect(shape(stablePages(newestFirst(60), 20, '/latest/'))).toEqual([
      ['first', 60, 41, 20],
      [2, 40, 21, 20],
      [1, 20, 1, 20],
    ]);
  });

  it('keep a short list on its first page', () => {
    expect(shape(stablePages(newestFirst(39), 20, '/latest/'))).toEqual([['first', 39, 1, 39]]);
    expect(shape(stablePages([], 20, '/latest/'))).toEqual([['first', undefined, undefined, 0]]);
  });

  it('show every item once, newest first, page after page', () => {
    for (const count of [1, 19, 20, 21, 40, 41, 99, 100]) {
      expect(stablePages(newestFirst(count), 20, '/latest/').flatMap((page) => page.data)).toEqual(newestFirst(count));
    }
  });

  it('link newer pages as prev and older ones as next, and number their addresses', () => {
    const pages = stablePages(newestFirst(60), 20, '/dateline/latest/');
    expect(pages.map((page) => page.url)).toEqual([
      { current: '/dateline/latest/', next: '/dateline/latest/2/' },
      { current: '/dateline/latest/2/', prev: '/dateline/latest/', next: '/dateline/latest/1/' },
      { current: '/dateline/latest/1/', prev: '/dateline/latest/2/', next: undefined },
    ]);
    expect(stablePagePaths('/dateline/latest/', 60, 20)).toEqual(pages.map((page) => page.url.current));
  });

  it('change only the first page when an item is added, and add a numbered page once a group fills', () => {
    for (const count of [20, 45, 59, 60, 61, 79, 80, 1000, 1019]) {
      const before = stablePages(newestFirst(count), 20, '/latest/');
      const after = stablePages(newestFirst(count + 1), 20, '/latest/');
      const numbered = (pages: ListPage<number>[]) => pages.filter((page) => page.number !== undefined);
      const [newest, ...others] = numbered(after);
      const kept = numbered(before).length === numbered(after).length ? numbered(after) : others;
      // Every numbered page that was there keeps its number and its items; only its link to newer pages may change.
      expect(kept.map((page) => [page.number, page.data])).toEqual(numbered(before).map((page) => [page.number, page.data]));
      if (kept === others) expect(newest?.data).toEqual(before[0]?.data.slice(-20));
    }
  });
});
