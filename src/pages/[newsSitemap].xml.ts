import type { APIRoute, GetStaticPaths } from 'astro';
import { newsSitemapPaths, newsSitemapXml } from '../data/sitemaps.ts';
import { xmlResponse } from '../lib/outputs/responses.ts';
import type { SitemapArticle } from '../lib/outputs/sitemaps.ts';

export const getStaticPaths = (() => newsSitemapPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => xmlResponse(await newsSitemapXml(props['articles'] as SitemapArticle[]), 'application/xml');
