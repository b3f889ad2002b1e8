import type { APIRoute } from 'astro';
import { xmlResponse } from '../feeds.ts';
import { pagesSitemap } from '../lib/sitemaps.ts';
import { pageUrls } from '../sitemap-urls.ts';

export const GET: APIRoute = async () => xmlResponse(await pagesSitemap(await pageUrls()), 'application/xml');
