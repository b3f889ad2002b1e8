import type { APIRoute } from 'astro';
import { xmlResponse } from '../feeds.ts';
import { sitemapIndex } from '../lib/sitemaps.ts';
import { sitemapNames } from '../sitemap-urls.ts';

export const GET: APIRoute = async () => xmlResponse(await sitemapIndex(await sitemapNames()), 'application/xml');
