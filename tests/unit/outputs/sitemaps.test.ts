import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import {
  NEWS_MAX,
  articlesSitemap,
  newsArticles,
  newsSitemap,
  pagesSitemap,
  robotsTxt,
  sitemapIndex,
} from '../../../src/lib/outputs/sitemaps.ts';
import { anArticle } from '../../support/article.ts';

const parser = new XMLParser();
const now = new Date('2024-07-16T08:20:00Z');
const entry = (slug: string, iso: string) => ({
  article: anArticle({ slug, title: `${slug} & co`, date: { instant: new Date(iso), hasTime: true }, lang: 'ar-EG' }),
  url: `https://example.org/articles/${slug}/`,
  alternates: [],
});

describe('sitemaps', () => {
  it('list pages and articles, with lastmod from updated or date', async () => {
    const pages = parser.parse(await pagesSitemap(['https://example.org/', 'https://example.org/archive/']));
    expect(pages.urlset.url).toEqual([{ loc: 'https://example.org/' }, { loc: 'https://example.org/archive/' }]);
    const article = anArticle({ updated: { instant: new Date('2024-07-15T10:00:00Z'), hasTime: true } });
    const articles = parser.parse(
      await articlesSitemap([{ article, url: 'https://example.org/articles/gaza-talks/', alternates: [] }], 'Asia/Gaza'),
    );
    expect(articles.urlset.url).toEqual({ loc: 'https://example.org/articles/gaza-talks/', lastmod: '2024-07-15T10:00:00.000Z' });
  });

  it('give an article in several languages an xhtml:link to each, x-default included', async () => {
    const alternates = [
      { hreflang: 'ar', href: 'https://example.org/articles/talks-ar/' },
      { hreflang: 'en', href: 'https://example.org/articles/talks/' },
      { hreflang: 'x-default', href: 'https://example.org/articles/talks/' },
    ];
    const xml = await articlesSitemap(
      [
        { article: anArticle({ slug: 'talks' }), url: 'https://example.org/articles/talks/', alternates },
        { article: anArticle({ slug: 'alone' }), url: 'https://example.org/articles/alone/', alternates: [] },
      ],
      'Asia/Gaza',
    );
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(parsed.urlset['xmlns:xhtml']).toBe('http://www.w3.org/1999/xhtml');
    expect(parsed.urlset.url[0]['xhtml:link']).toEqual(alternates.map(({ hreflang, href }) => ({ rel: 'alternate', hreflang, href })));
    expect(parsed.urlset.url[1]['xhtml:link']).toBeUndefined();
  });

  it('put in the news sitemap only articles of the last 48 hours, at most 1,000', () => {
    const list = [
      entry('later', '2024-07-16T08:20:01Z'),
      entry('new', '2024-07-16T08:00:00Z'),
      entry('edge', '2024-07-14T08:20:00Z'),
      entry('old', '2024-07-14T08:19:59Z'),
    ];
    expect(newsArticles(list, now).map(({ article }) => article.slug)).toEqual(['new', 'edge']);
    const many = Array.from({ length: NEWS_MAX + 5 }, (_, index) => entry(`a${index}`, '2024-07-16T08:00:00Z'));
    expect(newsArticles(many, now)).toHaveLength(NEWS_MAX);
  });

  it('write Google News entries with publication, date and title', async () => {
    const news = parser.parse(await newsSitemap([entry('new', '2024-07-16T08:00:00Z')], { name: 'Dateline', timeZone: 'Asia/Gaza' }));
    expect(news.urlset.url).toEqual({
      loc: 'https://example.org/articles/new/',
      'news:news': {
        'news:publication': { 'news:name': 'Dateline', 'news:language': 'ar' },
        'news:publication_date': '2024-07-16T11:00:00+03:00',
        'news:title': 'new & co',
      },
    });
  });

  it('index the sitemaps and name them in robots.txt', async () => {
    const index = parser.parse(await sitemapIndex(['https://example.org/sitemap-pages.xml']));
    expect(index.sitemapindex.sitemap).toEqual({ loc: 'https://example.org/sitemap-pages.xml' });
    expect(robotsTxt(['https://example.org/sitemap-index.xml'])).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://example.org/sitemap-index.xml\n',
    );
  });
});
