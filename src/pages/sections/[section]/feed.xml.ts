import type { APIRoute, GetStaticPaths } from 'astro';
import { feedFor, xmlResponse } from '../../../feeds.ts';
import type { Group } from '../../../lib/lists.ts';
import { siteIndex } from '../../../site-index.ts';

export const getStaticPaths = (async () => (await siteIndex()).sections.map((section) => ({ params: { section: section.slug }, props: { section } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const section = props['section'] as Group;
  return xmlResponse(await feedFor(section.articles, 'rss', section), 'application/rss+xml');
};
