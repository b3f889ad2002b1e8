import type { APIRoute } from 'astro';
import { xmlResponse } from '../lib/outputs/responses.ts';
import { pagesSitemap } from '../lib/outputs/sitemaps.ts';
import { pageUrls } from '../data/sitemaps.ts';

export const GET: APIRoute = async () => xmlResponse(await pagesSitemap(await pageUrls()), 'application/xml');
