import type { APIRoute, GetStaticPaths } from 'astro';
import { xmlResponse } from '../feeds.ts';
import { ARTICLES_PER_SITEMAP, articlesSitemap, type SitemapArticle } from '../lib/sitemaps.ts';
import { articleUrls } from '../sitemap-urls.ts';
import { siteConfig } from '../site.config.ts';

export const getStaticPaths = (async () => {
  const articles = await articleUrls();
  const files = Math.ceil(articles.length / ARTICLES_PER_SITEMAP);
  return Array.from({ length: files }, (_, index) => ({
    params: { number: String(index + 1) },
    props: { articles: articles.slice(index * ARTICLES_PER_SITEMAP, (index + 1) * ARTICLES_PER_SITEMAP) },
  }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  xmlResponse(await articlesSitemap(props['articles'] as SitemapArticle[], siteConfig.timeZone), 'application/xml');
