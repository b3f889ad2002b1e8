import { describe, expect, it } from 'vitest';
import { buildSiteIndex, groupSlug } from '../../../src/lib/site/lists.ts';
import { anArticle } from '../../support/article.ts';

const at = (slug: string, iso: string, extra: Parameters<typeof anArticle>[0] = {}) =>
  anArticle({ slug, date: { instant: new Date(iso), hasTime: true }, ...extra });

const articles = [
  at('a', '2024-07-14T08:00:00Z', { section: 'World', tags: ['gaza', 'ceasefire'] }),
  at('b', '2024-07-15T08:00:00Z', { section: 'World', tags: ['gaza'] }),
  at('c', '2024-06-30T22:30:00Z', { section: 'Business', tags: ['oil', 'Gaza'] }),
  at('d', '2024-07-01T08:00:00Z', { section: 'world', tags: ['gaza', 'ceasefire', 'hostages'] }),
  at('e', '2023-01-01T08:00:00Z', { section: 'العالم', tags: ['غزة'] }),
];
const index = buildSiteIndex(articles, 'Asia/Gaza');

describe('the site index', () => {
  it('orders everything newest first', () => {
    expect(index.newest.map((article) => article.slug)).toEqual(['b', 'a', 'd', 'c', 'e']);
  });

  it('groups sections and tags by their URL slug, whatever the case, keeping the first spelling', () => {
    expect(index.sections.map((group) => [group.slug, group.name, group.articles.map((article) => article.slug)])).toEqual([
      ['alealm', 'العالم', ['e']],
      ['business', 'Business', ['c']],
      ['world', 'World', ['b', 'a', 'd']],
    ]);
    expect(index.tagGroup('GAZA').articles.map((article) => article.slug)).toEqual(['b', 'a', 'd', 'c']);
    expect(index.sectionOf(articles[3]!).name).toBe('World');
  });

  it('files articles by the month of the site time zone, newest month first', () => {
    // 22:30 UTC on 30 June is already 1 July in Gaza.
    expect(index.months.map((month) => [`${month.year}-${month.month}`, month.articles.map((article) => article.slug)])).toEqual([
      ['2024-07', ['b', 'a', 'd', 'c']],
      ['2023-01', ['e']],
    ]);
  });

  it('lists more of the same section, without the article itself', () => {
    expect(index.moreInSection(articles[0]!).map((article) => article.slug)).toEqual(['b', 'd']);
  });

  it('relates articles by shared tags first, then by recency', () => {
    expect(index.related(articles[0]!).map((article) => article.slug)).toEqual(['d', 'b', 'c']);
    expect(index.related(articles[4]!)).toEqual([]);
  });

  it('gives every name a URL slug, in any script', () => {
    expect(groupSlug('World News')).toBe('world-news');
    expect(groupSlug('العالم')).toMatch(/^[a-z0-9-]+$/);
    expect(groupSlug('עולם')).toMatch(/^[a-z0-9-]+$/);
  });
});
