import { getCollection } from 'astro:content';
import { buildSiteIndex, type SiteIndex } from './lib/lists.ts';
import { siteConfig } from './site.config.ts';

/** The site index, built once per build and shared by every page, feed and sitemap. */
let index: Promise<SiteIndex> | undefined;

export function siteIndex(): Promise<SiteIndex> {
  // The dev server's content changes while it runs: it builds the index afresh for every page.
  if (import.meta.env.DEV) index = undefined;
  index ??= getCollection('articles').then((entries) =>
    buildSiteIndex(
      entries.map((entry) => entry.data),
      siteConfig.timeZone,
    ),
  );
  return index;
}
