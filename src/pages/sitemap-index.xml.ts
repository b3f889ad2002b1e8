import type { APIRoute } from 'astro';
import { xmlResponse } from '../lib/outputs/responses.ts';
import { sitemapIndex } from '../lib/outputs/sitemaps.ts';
import { sitemapNames } from '../data/sitemaps.ts';

export const GET: APIRoute = async () => xmlResponse(await sitemapIndex(await sitemapNames()), 'application/xml');
