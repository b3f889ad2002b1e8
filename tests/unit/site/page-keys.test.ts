import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/lib/article/article.ts';
import { articleLinks, buildSiteIndex, type SiteIndex } from '../../../src/lib/site/lists.ts';
import { articlePageKey, listPageKey, withListKeys } from '../../../src/lib/site/page-keys.ts';
import type { ListPage } from '../../../src/lib/site/paging.ts';
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
/** What the masthead shows from the content, as src/data/pages.ts gives it: here the sections. */
const layout = (index: SiteIndex) => index.sections.map(({ slug, name }) => [slug, name]);
const keyOf = (articles: Article[], slug: string) => {
  const index = site(articles);
  const article = articles.find((candidate) => candidate.slug === slug)!;
  return articlePageKey(layout(index), article, articleLinks(index, article));
};

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

  const page = (data: Article[], number?: number): ListPage<Article> => aListPage(data, number);

  it('change when another language version of the story is published', () => {
    const keyed = replace('a', { translationKey: 'talks' });
    const translated = [...keyed, at('a-ar', 14, { section: 'World', lang: 'ar', dir: 'rtl', translationKey: 'talks' })];
    expect(keyOf(translated, 'a')).not.toBe(keyOf(keyed, 'a'));
  });

  it('change for a list page when its articles, its place or its heading change', () => {
    const index = layout(site(base));
    const key = listPageKey(index, page(base), 'home');
    expect(listPageKey(index, page(replace('a', { summary: 'Changed' })), 'home')).not.toBe(key);
    expect(listPageKey(index, page(base, 2), 'home')).not.toBe(key);
    expect(listPageKey(index, page(base), ['section', 'world'])).not.toBe(key);
    expect(listPageKey(index, page(base), 'home')).toBe(key);
  });

  it('are added to every path of a list', () => {
    const index = layout(site(base));
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
