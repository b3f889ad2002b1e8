import { getCollection } from 'astro:content';
import type { Article } from '../lib/article/article.ts';
import { editionLanguage, editionParam, editionsOf, editionSite, type Edition } from '../lib/site/editions.ts';
import { buildSiteIndex, type SiteIndex } from '../lib/site/lists.ts';
import { siteConfig } from '../site.config.ts';
import { perBuild, perBuildByKey } from './per-build.ts';

/**
 * The site index (src/lib/site/lists.ts) of every article, and one for each edition (editions.ts)
 * of its articles alone, each built once per build and shared by every page, feed and sitemap.
 */
const articles = perBuild(async (): Promise<Article[]> => (await getCollection('articles')).map((entry) => entry.data));

/** Every article of the site, whatever its language: for sitemaps, translations and the search index. */
export const siteIndex = perBuild(async () =>
  buildSiteIndex(await articles(), siteConfig.timeZone, { names: siteConfig.sectionNames, lang: editionLanguage(siteConfig.lang) }),
);

/** The editions of the site: one for each language that has articles, the site's own first. */
export const editions = perBuild(async (): Promise<Edition[]> => {
  const published = (await articles()).filter((article) => article.status === 'published');
  return editionsOf(
    published.map((article) => article.lang),
    siteConfig.lang,
  );
});

/** Each edition's paths, for a route under src/pages/[...edition]/. */
export async function everyEdition<Path>(paths: (edition: Edition) => Promise<readonly Path[]>): Promise<Path[]> {
  return (await Promise.all((await editions()).map(paths))).flat();
}

/** The paths of an edition's pages: Astro's `edition` parameter, and the edition for the page. */
export function inEdition(edition: Edition) {
  return { params: { edition: editionParam(edition) }, props: { edition } };
}

/** One page per edition, such as its front page, its search page or its feed. */
export function editionPaths() {
  return everyEdition(async (edition) => [inEdition(edition)]);
}

/** The edition whose chrome an article in this language wears. */
export async function editionOf(lang: string): Promise<Edition> {
  const all = await editions();
  return all.find((edition) => edition.lang === editionLanguage(lang)) ?? all[0]!;
}

/** Every article by the language of its edition, grouped once for all editions. */
const articlesByEdition = perBuild(async () => Map.groupBy(await articles(), (article) => editionLanguage(article.lang)));

/** One edition's index: its articles only, its sections named in its language. */
export const editionIndex = perBuildByKey(async (lang: string): Promise<SiteIndex> => {
  const own = (await articlesByEdition()).get(lang) ?? [];
  return buildSiteIndex(own, siteConfig.timeZone, { names: siteConfig.sectionNames, lang });
});

/** The site as an edition's pages see it (editions.ts). */
export function siteOf(edition: Edition) {
  return editionSite(siteConfig, edition);
}
