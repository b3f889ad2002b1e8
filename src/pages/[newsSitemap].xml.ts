import type { APIRoute, GetStaticPaths } from 'astro';
import { xmlResponse } from '../feeds.ts';
import { newsSitemap, type SitemapArticle } from '../lib/sitemaps.ts';
import { recentNews } from '../sitemap-urls.ts';
import { siteConfig } from '../site.config.ts';

/** /sitemap-news.xml, written only when articles of the last 48 hours exist: an empty sitemap is an error. */
export const getStaticPaths = (async () => {
  const articles = await recentNews();
  return articles.length > 0 ? [{ params: { newsSitemap: 'sitemap-news' }, props: { articles } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  xmlResponse(await newsSitemap(props['articles'] as SitemapArticle[], { name: siteConfig.name, timeZone: siteConfig.timeZone }), 'application/xml');
