import type { APIRoute } from 'astro';
import { robotsSitemaps } from '../data/sitemaps.ts';
import { textResponse } from '../lib/outputs/responses.ts';
import { robotsTxt } from '../lib/outputs/sitemaps.ts';

/** robots.txt names the sitemap index and, when there is one, the news sitemap. */
export const GET: APIRoute = async () => textResponse(robotsTxt(await robotsSitemaps()));
