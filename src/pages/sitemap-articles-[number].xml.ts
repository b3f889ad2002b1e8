import type { APIRoute, GetStaticPaths } from 'astro';
import { articleSitemapPaths, articleSitemapXml } from '../data/sitemaps.ts';
import { xmlResponse } from '../lib/outputs/responses.ts';
import type { SitemapArticle } from '../lib/outputs/sitemaps.ts';

export const getStaticPaths = (() => articleSitemapPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) =>
  xmlResponse(await articleSitemapXml(props['articles'] as SitemapArticle[]), 'application/xml');
