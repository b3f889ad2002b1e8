import type { APIRoute, GetStaticPaths } from 'astro';
import { newsSitemapPaths, newsSitemapResponse } from '../data/sitemaps.ts';

export const getStaticPaths = (() => newsSitemapPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = () => newsSitemapResponse();
