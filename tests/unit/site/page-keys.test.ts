import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/lib/article/article.ts';
import { buildSiteIndex } from '../../../src/lib/site/lists.ts';
import { articlePageKey, listPageKey, withListKeys, type ListPage } from '../../../src/lib/site/page-keys.ts';
import { aListPage, anArticle } from '../../support/article.ts';

const at = (slug: string, day: number, extra: Partial<Article> = {}) =>
  anArticle({ slug, date: { instant: new Date(Date.UTC(2024, 6, day, 8)), hasTime: true }, ...extra });

const site = (articles: Article[]) => buildSiteIndex(articles, 'Asia/Gaza');
const base = [
  at('a', 10, { section: 'World', tags: ['gaza'] }),
  at('b', 11, { section: 'World', tags: ['gaza'] }),
  at('c', 12, { section: 'Business', tags: ['oil'] }),
  at('d', 13, { section: 'Business', tags: ['oil'] }),
];
const replace = (slug: string, change: Partial<Article>) =>
  base.map((article) => (article.slug === slug ? { ...article, ...change } : article));
const keyOf = (articles: Article[], slug: string) =>
  articlePageKey(
    site(articles),
    articles.find((article) => article.slug === slug)!,
  );

describe('incremental build keys', () => {
  it('change for an article page when the article changes', () => {
    expect(keyOf(replace('a', { title: 'New headline' }), 'a')).not.toBe(keyOf(base, 'a'));
    expect(keyOf(replace('a', { readingMinutes: 7 }), 'a')).not.toBe(keyOf(base, 'a'));
  });

  it('change when an article it links to changes, and not when another does', () => {
    expect(keyOf(replace('b', { title: 'New headline' }), 'a')).not.toBe(keyOf(base, 'a'));
    expect(keyOf(replace('c', { title: 'New headline' }), 'a')).toBe(keyOf(base, 'a'));
  });

  it('change on every page when the sections in the masthead change', () => {
    const renamed = replace('c', { section: 'Economy' });
    expect(keyOf(renamed, 'a')).not.toBe(keyOf(base, 'a'));
  });

  it('are stable from build to build', () => {
    expect(keyOf([...base].reverse(), 'a')).toBe(keyOf(base, 'a'));
  });

  const page = (data: Article[], currentPage = 1): ListPage => aListPage(data, currentPage);

  it('change for a list page when its articles, its place or its heading change', () => {
    const index = site(base);
    const key = listPageKey(index, page(base), 'home');
    expect(listPageKey(index, page(replace('a', { summary: 'Changed' })), 'home')).not.toBe(key);
    expect(listPageKey(index, page(base, 2), 'home')).not.toBe(key);
    expect(listPageKey(index, page(base), ['section', 'world'])).not.toBe(key);
    expect(listPageKey(index, page(base), 'home')).toBe(key);
  });

  it('are added to every path from paginate', () => {
    const index = site(base);
    const paths = withListKeys(
      index,
      [
        { params: {}, props: { page: page(base) } },
        { params: {}, props: { page: page(base, 2) } },
      ],
      'home',
    );
    expect(paths.map((path) => path.cacheKey)).toEqual([listPageKey(index, page(base), 'home'), listPageKey(index, page(base, 2), 'home')]);
  });
});
