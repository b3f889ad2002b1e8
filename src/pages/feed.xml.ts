import type { APIRoute } from 'astro';
import { feedFor, xmlResponse } from '../feeds.ts';
import { siteIndex } from '../site-index.ts';

export const GET: APIRoute = async () => xmlResponse(await feedFor((await siteIndex()).newest, 'rss'), 'application/rss+xml');
