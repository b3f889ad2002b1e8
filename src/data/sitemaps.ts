import { ARTICLES_PER_SITEMAP, articlesSitemap, newsArticles, newsSitemap, type SitemapArticle } from '../lib/outputs/sitemaps.ts';
import {
  absoluteUrl,
  archivePath,
  articlePath,
  authorPath,
  correctionsPath,
  frontPath,
  latestPath,
  searchPath,
  sectionPath,
  sitePagePath,
  sitePath,
  tagPath,
} from '../lib/site/urls.ts';
import { xmlResponse } from '../lib/outputs/responses.ts';
import { stablePagePaths } from '../lib/site/paging.ts';
import { alternates } from '../lib/site/translations.ts';
import { siteConfig } from '../site.config.ts';
import { perBuild } from './per-build.ts';
import { nameKey } from '../lib/newsroom/authors.ts';
import { articlesByAuthor, authors, corrections, editionIndex, everyEdition, siteIndex, sitePages, siteOf } from './site-index.ts';

/** Every public page of every edition that is not an article, then the newsroom's own pages, as absolute URLs. */
export async function pageUrls(): Promise<string[]> {
  const { pageSize } = siteConfig;
  const [pages, profiles, byAuthor, log] = await Promise.all([sitePages(), authors(), articlesByAuthor(), corrections()]);
  const newsroom = [
    ...pages.map((entry) => sitePagePath(siteConfig, entry.id)),
    ...profiles.flatMap((entry) =>
      stablePagePaths(authorPath(siteConfig, entry.id), byAuthor.get(nameKey(entry.data.name))?.length ?? 0, pageSize),
    ),
    ...stablePagePaths(correctionsPath(siteConfig), log.length, pageSize),
  ].map((path) => absoluteUrl(siteConfig, path));
  const editions = await everyEdition(async (edition) => {
    const site = siteOf(edition);
    const { newest, sections, tags, months } = await editionIndex(edition.lang);
    const paths = [
      frontPath(site),
      ...stablePagePaths(latestPath(site), newest.length, pageSize),
      ...sections.flatMap((section) => stablePagePaths(sectionPath(site, section.slug), section.articles.length, pageSize)),
      ...tags.flatMap((tag) => stablePagePaths(tagPath(site, tag.slug), tag.articles.length, pageSize)),
      archivePath(site),
      ...new Set(months.map((month) => archivePath(site, month.year))),
      ...months.flatMap((month) => stablePagePaths(archivePath(site, month.year, month.month), month.articles.length, pageSize)),
      searchPath(site),
    ];
    return paths.map((path) => absoluteUrl(site, path));
  });
  return [...editions, ...newsroom];
}

/** Every public article with its absolute URL, newest first. */
async function articleUrls(): Promise<SitemapArticle[]> {
  const index = await siteIndex();
  return index.newest.map((article) => ({
    article,
    url: absoluteUrl(siteConfig, articlePath(siteConfig, article.slug)),
    alternates: alternates(index.versions(article), siteConfig),
  }));
}

/** The news sitemap's articles; decided once per build, so that the index and robots.txt agree with it. */
const recentNews = perBuild(async () => newsArticles(await articleUrls(), new Date()));

/** The site's sitemaps, as the index and robots.txt name them. */
export async function sitemapNames(): Promise<string[]> {
  const files = Math.ceil((await articleUrls()).length / ARTICLES_PER_SITEMAP);
  return [
    'sitemap-pages.xml',
    ...Array.from({ length: files }, (_, index) => `sitemap-articles-${index + 1}.xml`),
    ...((await recentNews()).length > 0 ? ['sitemap-news.xml'] : []),
  ].map((name) => absoluteUrl(siteConfig, sitePath(siteConfig, name)));
}

/** The sitemaps robots.txt names: the index and, when there is one, the news sitemap. */
export async function robotsSitemaps(): Promise<string[]> {
  const news = (await sitemapNames()).filter((url) => url.endsWith('/sitemap-news.xml'));
  return [absoluteUrl(siteConfig, sitePath(siteConfig, 'sitemap-index.xml')), ...news];
}

/** The article sitemaps, ARTICLES_PER_SITEMAP articles each, numbered from 1. */
export async function articleSitemapPaths() {
  const articles = await articleUrls();
  const files = Math.ceil(articles.length / ARTICLES_PER_SITEMAP);
  return Array.from({ length: files }, (_, index) => ({
    params: { number: String(index + 1) },
    props: { articles: articles.slice(index * ARTICLES_PER_SITEMAP, (index + 1) * ARTICLES_PER_SITEMAP) },
  }));
}

export function articleSitemapXml(articles: readonly SitemapArticle[]): Promise<string> {
  return articlesSitemap(articles, siteConfig.timeZone);
}

/**
 * /sitemap-news.xml exists only when articles of the last 48 hours do: an empty news sitemap is an
 * error. The dev server always routes it and answers 404 while there are none, because Astro keeps a
 * route's paths for the whole dev session while the news changes with the clock.
 */
export async function newsSitemapPaths() {
  return import.meta.env.DEV || (await recentNews()).length > 0 ? [{ params: { newsSitemap: 'sitemap-news' } }] : [];
}

export async function newsSitemapResponse(): Promise<Response> {
  const articles = await recentNews();
  if (articles.length === 0) return new Response('No articles of the last 48 hours.', { status: 404 });
  return xmlResponse(await newsSitemapXml(articles), 'application/xml');
}

function newsSitemapXml(articles: readonly SitemapArticle[]): Promise<string> {
  return newsSitemap(articles, { name: siteConfig.name, timeZone: siteConfig.timeZone });
}
