import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import type { Article } from '../article/article.ts';
import { isoWithOffset } from '../article/dates.ts';
import type { Alternate } from '../site/translations.ts';

/**
 * Sitemaps, written by the `sitemap` library: an index, the site's list pages, the articles (with a
 * lastmod from `updated` or `date`) in files of at most ARTICLES_PER_SITEMAP, and a Google News
 * sitemap of the last 48 hours. Every URL given here is absolute.
 */
export const ARTICLES_PER_SITEMAP = 10_000;
/** Google News takes articles of the last two days, at most a thousand of them. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
export const NEWS_MAX = 1000;

export interface SitemapArticle {
  readonly article: Article;
  readonly url: string;
  /** The story in other languages, with `x-default`, as `xhtml:link` alternates; empty for a story in one language. */
  readonly alternates: readonly Alternate[];
}

export function pagesSitemap(urls: readonly string[]): Promise<string> {
  return write(urls.map((url) => ({ url })));
}

export function articlesSitemap(articles: readonly SitemapArticle[], timeZone: string): Promise<string> {
  return write(
    articles.map(({ article, url, alternates }) => ({
      url,
      lastmod: isoWithOffset((article.updated ?? article.date).instant, timeZone),
      ...(alternates.length > 0 ? { links: alternates.map(({ hreflang, href }) => ({ lang: hreflang, hreflang, url: href })) } : {}),
    })),
    { xhtml: articles.some(({ alternates }) => alternates.length > 0) },
  );
}

/**
 * The articles a news sitemap lists at `now`: published in the last 48 hours, newest first, at most
 * 1,000. Never one dated later than `now` (the dev server holds scheduled articles too).
 */
export function newsArticles(newestFirst: readonly SitemapArticle[], now: Date): SitemapArticle[] {
  return newestFirst
    .filter(({ article }) => {
      const age = now.getTime() - article.date.instant.getTime();
      return age >= 0 && age <= NEWS_WINDOW_MS;
    })
    .slice(0, NEWS_MAX);
}

export function newsSitemap(articles: readonly SitemapArticle[], publication: { name: string; timeZone: string }): Promise<string> {
  return write(
    articles.map(({ article, url }) => ({
      url,
      news: {
        publication: { name: publication.name, language: new Intl.Locale(article.lang).language },
        publication_date: isoWithOffset(article.date.instant, publication.timeZone),
        title: article.title,
      },
    })),
    { news: true },
  );
}

export async function sitemapIndex(urls: readonly string[]): Promise<string> {
  const stream = new SitemapIndexStream();
  return (await streamToPromise(Readable.from(urls.map((url) => ({ url }))).pipe(stream))).toString();
}

/** robots.txt: everything may be crawled; here are the sitemaps. */
export function robotsTxt(sitemaps: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((url) => `Sitemap: ${url}`), ''].join('\n');
}

async function write(items: SitemapItemLoose[], xmlns: { news?: boolean; xhtml?: boolean } = {}): Promise<string> {
  const stream = new SitemapStream({ xmlns: { news: xmlns.news ?? false, xhtml: xmlns.xhtml ?? false, image: false, video: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString();
}
