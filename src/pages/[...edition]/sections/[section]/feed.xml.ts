import type { APIRoute, GetStaticPaths } from 'astro';
import { sectionFeed, sectionFeedPaths } from '../../../../data/feeds.ts';
import { xmlResponse } from '../../../../lib/outputs/responses.ts';
import type { Edition } from '../../../../lib/site/editions.ts';
import type { Group } from '../../../../lib/site/lists.ts';

export const getStaticPaths = (() => sectionFeedPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  xmlResponse(await sectionFeed(props['edition'] as Edition, props['section'] as Group, 'rss'), 'application/rss+xml');
