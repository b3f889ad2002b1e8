import type { APIRoute } from 'astro';
import { correctionsFeed } from '../../data/feeds.ts';
import { xmlResponse } from '../../lib/outputs/responses.ts';

export const GET: APIRoute = async () => xmlResponse(await correctionsFeed('atom'), 'application/atom+xml');
