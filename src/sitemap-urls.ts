import { ARTICLES_PER_SITEMAP, newsArticles, type SitemapArticle } from './lib/sitemaps.ts';
import { absoluteUrl, archivePath, articlePath, pagedPaths, searchPath, sectionPath, sitePath, tagPath } from './lib/urls.ts';
import { siteIndex } from './site-index.ts';
import { siteConfig } from './site.config.ts';

/** Every public page of the site that is not an article, as absolute URLs. */
export async function pageUrls(): Promise<string[]> {
  const { newest, sections, tags, months } = await siteIndex();
  const { pageSize } = siteConfig;
  const paths = [
    ...pagedPaths(sitePath(siteConfig), newest.length, pageSize),
    ...sections.flatMap((section) => pagedPaths(sectionPath(siteConfig, section.slug), section.articles.length, pageSize)),
    ...tags.flatMap((tag) => pagedPaths(tagPath(siteConfig, tag.slug), tag.articles.length, pageSize)),
    archivePath(siteConfig),
    ...new Set(months.map((month) => archivePath(siteConfig, month.year))),
    ...months.flatMap((month) => pagedPaths(archivePath(siteConfig, month.year, month.month), month.articles.length, pageSize)),
    searchPath(siteConfig),
  ];
  return paths.map((path) => absoluteUrl(siteConfig, path));
}

/** Every public article with its absolute URL, newest first. */
export async function articleUrls(): Promise<SitemapArticle[]> {
  return (await siteIndex()).newest.map((article) => ({ article, url: absoluteUrl(siteConfig, articlePath(siteConfig, article.slug)) }));
}

/** The news sitemap's articles; decided once per build, so that the index and robots.txt agree with it. */
let news: Promise<SitemapArticle[]> | undefined;
export function recentNews(): Promise<SitemapArticle[]> {
  news ??= articleUrls().then((articles) => newsArticles(articles, new Date()));
  return news;
}

/** The site's sitemaps, as the index and robots.txt name them. */
export async function sitemapNames(): Promise<string[]> {
  const files = Math.ceil((await articleUrls()).length / ARTICLES_PER_SITEMAP);
  return [
    'sitemap-pages.xml',
    ...Array.from({ length: files }, (_, index) => `sitemap-articles-${index + 1}.xml`),
    ...((await recentNews()).length > 0 ? ['sitemap-news.xml'] : []),
  ].map((name) => absoluteUrl(siteConfig, sitePath(siteConfig, name)));
}
