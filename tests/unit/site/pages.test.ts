import { describe, expect, it } from 'vitest';
import { buildSiteIndex, articleLinks } from '../../../src/lib/site/lists.ts';
import {
  archivePage,
  articlePage,
  authorPageView,
  correctionsPage,
  frontPage,
  listPage,
  monthName,
  notFoundPage,
  searchPage,
  sitePageView,
} from '../../../src/lib/site/pages.ts';
import type { Article } from '../../../src/lib/article/article.ts';
import type { ListPage } from '../../../src/lib/site/paging.ts';
import { aListPage, anArticle } from '../../support/article.ts';

const site = {
  name: 'Dateline',
  description: 'News.',
  url: 'https://example.github.io',
  base: '/dateline/',
  lang: 'en',
  timeZone: 'Asia/Gaza',
  defaultByline: 'Dateline staff',
  logo: 'logo.png',
};

const first = anArticle({
  slug: 'first',
  title: 'First',
  date: { instant: new Date('2024-07-15T06:00:00Z'), hasTime: true },
  tags: ['gaza'],
});
const second = anArticle({ slug: 'second', title: 'Second', lang: 'ar', dir: 'rtl', tags: ['gaza', 'talks'] });

const page = (data: ListPage<Article>['data'], number?: number) =>
  aListPage(data, number, `/dateline/${number === undefined ? '' : `${number}/`}`);

describe('list pages', () => {
  it('make a section front of the first page: a lead, the pictured stories beside it, then the rest', () => {
    const pictured = anArticle({ slug: 'pictured', image: { file: 'content/x.jpg', alt: 'X' } });
    const plain = anArticle({ slug: 'plain' });
    const section = listPage(site, {
      heading: 'World',
      description: 'World — Dateline',
      page: page([first, second, pictured, plain]),
      front: true,
    });
    expect(section.lead?.article.slug).toBe('first');
    expect(section.secondary.map((teaser) => teaser.article.slug)).toEqual(['second', 'pictured', 'plain']);
    expect(section.teasers).toEqual([]);
    expect(section.head.title).toBe('World');
    expect(section.head.canonicalUrl).toBe('https://example.github.io/dateline/');
    const later = listPage(site, { heading: 'World', description: 'World — Dateline', page: page([second], 1), front: true });
    expect(later.lead).toBeUndefined();
    expect(later.teasers.map((teaser) => teaser.view.path)).toEqual(['/dateline/articles/second/']);
    expect(later.head.title).toBe('World — Page 1');
    expect(later.showHeading).toBe(true);
  });
});

describe('the front page', () => {
  it('leads, sets sections out with their links, and lists the latest with a way to all of them', () => {
    const index = buildSiteIndex([first, second], site.timeZone);
    const front = frontPage(site, index.newest, index.sections);
    expect(front.lead?.article.slug).toBe('first');
    expect(front.secondary.map((teaser) => teaser.article.slug)).toEqual(['second']);
    expect(front.sections).toEqual([]);
    expect(front.latest.map((teaser) => teaser.view.path)).toEqual(['/dateline/articles/second/']);
    expect(front.latestPath).toBe('/dateline/latest/');
    expect(front.head.title).toBeUndefined();
    expect(front.head.canonicalUrl).toBe('https://example.github.io/dateline/');
    expect(JSON.parse(front.structuredData)['@graph'][0]['@type']).toBe('WebSite');
  });
});

describe('article pages', () => {
  it('link the section, the tags and the other articles, each in its own language', () => {
    const index = buildSiteIndex([first, second], site.timeZone);
    const view = articlePage(site, second, articleLinks(index, second));
    expect(view.sectionPath).toBe('/dateline/sections/world/');
    expect(view.tags).toEqual([
      { name: 'gaza', path: '/dateline/tags/gaza/' },
      { name: 'talks', path: '/dateline/tags/talks/' },
    ]);
    expect(view.moreInSection).toEqual([{ title: 'First', path: '/dateline/articles/first/', lang: 'en', dir: 'ltr' }]);
    expect(view.head).toMatchObject({ title: 'Second', lang: 'ar', canonicalUrl: 'https://example.github.io/dateline/articles/second/' });
    expect(view.banner).toBeUndefined();
    expect(JSON.parse(view.structuredData)).toMatchObject({ '@type': 'ReportageNewsArticle', headline: 'Second' });
  });

  it('say in the site language why a draft is not public yet', () => {
    const draft = { ...second, status: 'draft' as const };
    const index = buildSiteIndex([first, draft], site.timeZone);
    expect(articlePage(site, draft, articleLinks(index, draft)).banner).toMatchObject({ lang: 'en', dir: 'ltr' });
  });
});

describe('the site pages', () => {
  const index = buildSiteIndex([first, second], site.timeZone);

  it('list the archive by year and month, with counts', () => {
    const archive = archivePage(site, index.months);
    expect(archive.heading).toBe('Archive');
    expect(archive.years).toEqual([
      { year: '2024', path: '/dateline/archive/2024/', months: [{ name: 'July 2024', path: '/dateline/archive/2024/07/', count: 2 }] },
    ]);
    expect(archivePage(site, index.months, '2024').head.title).toBe('Archive 2024');
    expect(monthName(site, { year: '2024', month: '07' })).toBe('July 2024');
  });

  it('give search its script and the archive for readers without one', () => {
    const search = searchPage(site);
    expect([search.scriptPath, search.archivePath, search.head.webAssembly]).toEqual([
      '/dateline/scripts/search.js',
      '/dateline/archive/',
      true,
    ]);
  });

  it('offer the latest five articles on the page-not-found page', () => {
    const many = Array.from({ length: 7 }, (_, n) => anArticle({ slug: `a${n}` }));
    expect(notFoundPage(site, many).latest.map((teaser) => teaser.article.slug)).toEqual(['a0', 'a1', 'a2', 'a3', 'a4']);
  });

  it('credit the authors with profiles: byline links, Person JSON-LD, and fediverse:creator for those with a handle', () => {
    const maya = {
      slug: 'maya-rahal',
      file: 'content/authors/maya-rahal.md',
      name: 'Maya Rahal',
      sameAs: [],
      fediverse: '@maya@example.social',
    };
    const article = anArticle({ authors: ['Maya Rahal', 'Sam'] });
    const view = articlePage(site, article, articleLinks(buildSiteIndex([article], site.timeZone), article), [maya]);
    expect(view.view.bylines).toEqual([
      { text: 'Maya Rahal', path: '/dateline/authors/maya-rahal/' },
      { text: ' and ' },
      { text: 'Sam', path: undefined },
    ]);
    expect(view.head.meta).toContainEqual({ attribute: 'name', key: 'fediverse:creator', content: '@maya@example.social' });
    expect(view.structuredData).toContain(
      '"url":"https:\\u002F\\u002Fexample.github.io\\u002Fdateline\\u002Fauthors\\u002Fmaya-rahal\\u002F"',
    );
  });

  it("list every correction on the corrections page, each in its article's language, with the log's feeds", () => {
    const corrected = anArticle({
      slug: 'x',
      lang: 'ar',
      dir: 'rtl',
      corrections: [{ date: { instant: new Date('2024-07-15T07:00:00Z'), hasTime: true }, text: 'نص' }],
    });
    const view = correctionsPage(site, {
      data: [{ article: corrected, correction: corrected.corrections[0]! }],
      number: 2,
      url: { current: '/dateline/corrections/2/' },
    });
    expect(view.head.title).toBe('Corrections — Page 2');
    expect(view.head.canonicalUrl).toBe('https://example.github.io/dateline/corrections/2/');
    expect(view.entries).toMatchObject([{ path: '/dateline/articles/x/#corrections', lang: 'ar', text: 'نص' }]);
    expect(view.feeds.map((feed) => feed.href)).toEqual(['/dateline/corrections/feed.xml', '/dateline/corrections/atom.xml']);
  });

  it('make a site page an AboutPage or ContactPage when it is the masthead or the feedback policy, with the publisher', () => {
    const about = { slug: 'about', file: 'content/pages/about.md', title: 'About', lang: 'en', dir: 'ltr' as const };
    const policed = { ...site, policies: { masthead: 'about', ethicsPolicy: 'ethics' } };
    const view = sitePageView(policed, about);
    const data = JSON.parse(view.structuredData) as Record<string, unknown>;
    expect(data['@type']).toBe('AboutPage');
    expect(data['publisher']).toMatchObject({
      '@type': 'NewsMediaOrganization',
      masthead: 'https://example.github.io/dateline/about/',
      ethicsPolicy: 'https://example.github.io/dateline/ethics/',
    });
    expect(view.head.canonicalUrl).toBe('https://example.github.io/dateline/about/');
    expect(JSON.parse(sitePageView(policed, { ...about, slug: 'privacy' }).structuredData)['@type']).toBe('WebPage');
  });

  it("make an author's page a ProfilePage of a Person, with the author's articles and fediverse:creator", () => {
    const tom = { slug: 'tom', file: 'content/authors/tom.md', name: 'Tom', role: 'Sports', sameAs: ['https://example.org/tom'] };
    const view = authorPageView(site, tom, { data: [first], url: { current: '/dateline/authors/tom/' } });
    expect(view.teasers.map((teaser) => teaser.article.slug)).toEqual(['first']);
    expect(view.links).toEqual([{ href: 'https://example.org/tom', host: 'example.org' }]);
    expect(JSON.parse(view.structuredData)).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { '@type': 'Person', name: 'Tom', jobTitle: 'Sports', sameAs: ['https://example.org/tom'] },
    });
    expect(view.head.meta.some((tag) => tag.key === 'fediverse:creator')).toBe(false);
    const withHandle = authorPageView(site, { ...tom, fediverse: '@tom@example.social' }, { data: [], url: { current: '/' } });
    expect(withHandle.head.meta).toContainEqual({ attribute: 'name', key: 'fediverse:creator', content: '@tom@example.social' });
  });
});
