import type { APIRoute } from 'astro';
import { robotsTxt } from '../lib/sitemaps.ts';
import { absoluteUrl, sitePath } from '../lib/urls.ts';
import { sitemapNames } from '../sitemap-urls.ts';
import { siteConfig } from '../site.config.ts';

/** robots.txt names the sitemap index and, when there is one, the news sitemap. */
export const GET: APIRoute = async () => {
  const news = (await sitemapNames()).filter((url) => url.endsWith('/sitemap-news.xml'));
  const sitemaps = [absoluteUrl(siteConfig, sitePath(siteConfig, 'sitemap-index.xml')), ...news];
  return new Response(robotsTxt(sitemaps), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
};
