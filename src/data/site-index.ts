import { getCollection, type CollectionEntry } from 'astro:content';
import { authorDirectory, nameKey } from '../lib/newsroom/authors.ts';
import { bylineProfiles } from '../lib/site/view.ts';
import type { Article } from '../lib/article/article.ts';
import { editionLanguage, editionParam, editionsOf, editionSite, type Edition } from '../lib/site/editions.ts';
import { correctionLog } from '../lib/site/corrections.ts';
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

/** Every correction of every edition, newest first: the corrections page and its feeds. */
export const corrections = perBuild(async () => correctionLog((await siteIndex()).newest));

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

/** The newsroom's own pages (content/pages/), as stored with their bodies' keys. */
export const sitePages = perBuild(async (): Promise<CollectionEntry<'pages'>[]> => getCollection('pages'));

/** The author profiles (content/authors/), as stored with their bodies' keys. */
export const authors = perBuild(async (): Promise<CollectionEntry<'authors'>[]> => getCollection('authors'));

const directory = perBuild(async () => authorDirectory((await authors()).map((entry) => entry.data)));

/** The profiles of an article's bylines, in byline order (names without a profile left out). */
export async function profilesOf(article: Pick<Article, 'authors'>) {
  return bylineProfiles(article, await directory());
}

/** Each author's articles, newest first, every edition's: by the key of the author's name. */
export const articlesByAuthor = perBuild(async (): Promise<ReadonlyMap<string, readonly Article[]>> => {
  const byAuthor = new Map<string, Article[]>();
  const known = await directory();
  for (const article of (await siteIndex()).newest) {
    for (const name of new Set(article.authors.map(nameKey))) {
      if (!known.has(name)) continue;
      const list = byAuthor.get(name);
      if (list) list.push(article);
      else byAuthor.set(name, [article]);
    }
  }
  return byAuthor;
});

/**
 * The policies of the site configuration whose pages exist: all of them (the content check refuses
 * a missing one) unless the site has no site pages at all, when it publishes no policies.
 */
const policies = perBuild(async () => {
  const slugs = new Set((await sitePages()).map((entry) => entry.id));
  return Object.fromEntries(Object.entries(siteConfig.policies ?? {}).filter(([, slug]) => slugs.has(slug)));
});

/** The site of an edition as its structured data names the publisher: with the pages of its policies. */
export async function publisherOf(edition: Edition) {
  return { ...siteOf(edition), policies: await policies() };
}
