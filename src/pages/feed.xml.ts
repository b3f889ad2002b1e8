import type { APIRoute } from 'astro';
import { siteFeed } from '../data/feeds.ts';
import { xmlResponse } from '../lib/outputs/responses.ts';

export const GET: APIRoute = async () => xmlResponse(await siteFeed('rss'), 'application/rss+xml');
