import type { APIRoute, GetStaticPaths } from 'astro';
import { editionFeed, editionFeedPaths } from '../../data/feeds.ts';
import { xmlResponse } from '../../lib/outputs/responses.ts';
import type { Edition } from '../../lib/site/editions.ts';

export const getStaticPaths = (() => editionFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => xmlResponse(await editionFeed(props['edition'] as Edition, 'rss'), 'application/rss+xml');
