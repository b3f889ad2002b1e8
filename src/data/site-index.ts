import { getCollection } from 'astro:content';
import { buildSiteIndex } from '../lib/site/lists.ts';
import { siteConfig } from '../site.config.ts';
import { perBuild } from './per-build.ts';

/** The site index (src/lib/site/lists.ts), built once per build and shared by every page, feed and sitemap. */
export const siteIndex = perBuild(async () =>
  buildSiteIndex(
    (await getCollection('articles')).map((entry) => entry.data),
    siteConfig.timeZone,
  ),
);
