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

  it('relates articles by shared tags first, then by nearness in time', () => {
    expect(index.related(articles[0]!).map((article) => article.slug)).toEqual(['d', 'b', 'c']);
    expect(index.related(articles[4]!)).toEqual([]);
  });

  it('prefers the related article nearest in time to the newest one', () => {
    const day = (slug: string, date: number, tags: string[]) => at(slug, `2024-03-${String(date).padStart(2, '0')}T08:00:00Z`, { tags });
    const tagged = [day('old', 1, ['oil']), day('this', 10, ['oil']), day('near', 11, ['oil']), day('newest', 30, ['oil'])];
    expect(
      buildSiteIndex(tagged, 'UTC')
        .related(tagged[1]!, 2)
        .map((article) => article.slug),
    ).toEqual(['near', 'old']);
  });
});

describe('more in the section', () => {
  const daily = Array.from({ length: 10 }, (_, day) => at(`day-${day + 1}`, `2024-03-${String(day + 1).padStart(2, '0')}T08:00:00Z`));
  const slugs = (articles: readonly { slug: string }[]) => articles.map((article) => article.slug);
  const section = buildSiteIndex(daily, 'UTC');

  it('shows the stories published just after and just before the article, newest first', () => {
    expect(slugs(section.moreInSection(daily[4]!))).toEqual(['day-7', 'day-6', 'day-4', 'day-3']);
  });

  it('fills up with older stories for the newest, and with newer ones for the oldest', () => {
    expect(slugs(section.moreInSection(daily[9]!))).toEqual(['day-9', 'day-8', 'day-7', 'day-6']);
    expect(slugs(section.moreInSection(daily[8]!))).toEqual(['day-10', 'day-8', 'day-7', 'day-6']);
    expect(slugs(section.moreInSection(daily[0]!))).toEqual(['day-5', 'day-4', 'day-3', 'day-2']);
  });

  it('changes for no more than the two stories before it when a new story comes in', () => {
    const added = at('day-11', '2024-03-11T08:00:00Z');
    const before = buildSiteIndex(daily, 'UTC');
    const after = buildSiteIndex([...daily, added], 'UTC');
    const changed = daily.filter((article) => slugs(before.moreInSection(article)).join() !== slugs(after.moreInSection(article)).join());
    expect(slugs(changed)).toEqual(['day-9', 'day-10']);
  });
});

describe('the site index', () => {
  it('gives every name a URL slug, in any script', () => {
    expect(groupSlug('World News')).toBe('world-news');
    expect(groupSlug('العالم')).toMatch(/^[a-z0-9-]+$/);
    expect(groupSlug('עולם')).toMatch(/^[a-z0-9-]+$/);
  });
});
