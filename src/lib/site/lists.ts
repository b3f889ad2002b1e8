import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import type { Article } from '../article/article.ts';
import { memoized } from './memo.ts';
import { suggestSlug } from '../article/slugs.ts';
import { newestFirst } from './view.ts';

/**
 * Everything the list pages, feeds and sitemaps need, worked out once per build in time linear in
 * the number of articles: newest-first order, sections, tags, months, and for each article its
 * neighbours in its section and the articles that share most of its tags. An article page links to
 * articles near it in time, not to the newest: a new story then changes the pages of a few
 * neighbours, not every page of its section (issue #20).
 */
export interface Group {
  /** URL part: lowercase ASCII, transliterated from the name. */
  readonly slug: string;
  /** The name as editors wrote it (the first spelling seen, newest article first). */
  readonly name: string;
  /** Newest first. */
  readonly articles: readonly Article[];
}

export interface Month {
  readonly year: string;
  /** Two digits: "07". */
  readonly month: string;
  readonly articles: readonly Article[];
}

export interface SiteIndex {
  readonly newest: readonly Article[];
  readonly sections: readonly Group[];
  readonly tags: readonly Group[];
  /** Newest month first. */
  readonly months: readonly Month[];
  readonly sectionOf: (article: Article) => Group;
  readonly tagGroup: (tag: string) => Group;
  /**
   * Up to `count` other articles of the same section published just before and after this one, newest
   * first: half of them newer (rounded down), the rest older; where one side runs short, the other fills.
   */
  readonly moreInSection: (article: Article, count?: number) => Article[];
  /** Up to `count` articles sharing the most tags with this one, then the nearest to it in time. */
  readonly related: (article: Article, count?: number) => Article[];
  /** The language versions of the article's story (its `translationKey`), itself among them, by language tag. */
  readonly versions: (article: Article) => readonly Article[];
}

/**
 * Section names in other languages, by the section's name in the site's language:
 * `{ World: { ar: 'العالم', fr: 'Monde' } }`. An article may name its section in any of them.
 */
export type SectionNames = Readonly<Record<string, Readonly<Record<string, string>>>>;

/** How the index names sections: which spellings are one section, and the language to show them in. */
export interface SectionNaming {
  readonly names?: SectionNames | undefined;
  /** The primary language of the edition the index is for; names of sections are given in it where configured. */
  readonly lang?: string | undefined;
}

/** How many of each tag's articles nearest in time (half on each side) are weighed as related: keeps the work linear. */
const RELATED_CANDIDATES_PER_TAG = 30;

export function buildSiteIndex(articles: readonly Article[], timeZone: string, naming: SectionNaming = {}): SiteIndex {
  const newest = newestFirst(articles);
  const { names = {}, lang } = naming;
  const sectionOfName = sectionSpellings(names);
  const sections = groupArticles(newest, (article) => [sectionOfName(article.section)]).map((group) => ({
    ...group,
    name: (lang === undefined ? undefined : names[group.name]?.[lang]) ?? group.name,
  }));
  const tags = groupArticles(newest, (article) => article.tags);
  const sectionBySlug = new Map(sections.map((group) => [group.slug, group]));
  const tagBySlug = new Map(tags.map((group) => [group.slug, group]));
  const versionsByKey = Map.groupBy(
    articles
      .filter((article) => article.translationKey !== undefined && article.status === 'published')
      .toSorted((a, b) => compare(a.lang, b.lang)),
    (article) => article.translationKey,
  );

  const group = (map: Map<string, Group>, name: string): Group => {
    const found = map.get(groupSlug(name));
    if (!found) throw new Error(`No group for "${name}"`);
    return found;
  };
  const positions = new WeakMap<Group, Map<string, number>>();
  /** Where the article is in the group's newest-first list, by slug: worked out once per group. */
  const positionIn = (list: Group, article: Article): number | undefined => {
    let known = positions.get(list);
    if (!known) positions.set(list, (known = new Map(list.articles.map((member, index) => [member.slug, index]))));
    return known.get(article.slug);
  };
  const timeApart = (a: Article, b: Article) => Math.abs(a.date.instant.getTime() - b.date.instant.getTime());

  return {
    newest,
    sections,
    tags,
    months: groupByMonth(newest, timeZone),
    sectionOf: (article) => group(sectionBySlug, sectionOfName(article.section)),
    tagGroup: (tag) => group(tagBySlug, tag),
    moreInSection: (article, count = 4) => {
      const section = group(sectionBySlug, sectionOfName(article.section));
      const at = positionIn(section, article);
      if (at === undefined) return [];
      const older = Math.min(section.articles.length - at - 1, count - Math.min(at, Math.floor(count / 2)));
      const newer = Math.min(at, count - older);
      return [...section.articles.slice(at - newer, at), ...section.articles.slice(at + 1, at + 1 + older)];
    },
    related: (article, count = 4) => {
      const shared = new Map<Article, number>();
      const half = RELATED_CANDIDATES_PER_TAG / 2;
      for (const tag of article.tags) {
        const tagged = group(tagBySlug, tag);
        const at = positionIn(tagged, article) ?? 0;
        for (const other of tagged.articles.slice(Math.max(0, at - half), at + half + 1)) {
          if (other.slug !== article.slug) shared.set(other, (shared.get(other) ?? 0) + 1);
        }
      }
      return [...shared]
        .sort(([a, sharedA], [b, sharedB]) => sharedB - sharedA || timeApart(a, article) - timeApart(b, article) || compare(a.slug, b.slug))
        .slice(0, count)
        .map(([other]) => other);
    },
    versions: (article) => (article.translationKey === undefined ? [article] : (versionsByKey.get(article.translationKey) ?? [article])),
  };
}

export interface ArticleLinks {
  readonly section: Group;
  readonly moreInSection: readonly Article[];
  readonly related: readonly Article[];
  /** The story in every language it is published in, this article among them. */
  readonly versions: readonly Article[];
}

/** Worked out once per article: the page and its page key (page-keys.ts) both ask. */
const linksOf = new WeakMap<SiteIndex, WeakMap<Article, Omit<ArticleLinks, 'versions'>>>();

/**
 * What an article page links to besides itself: its section, its neighbours in it and related articles
 * from `index` (its edition's), and its versions in other languages from `everywhere` (the whole site's).
 */
export function articleLinks(index: SiteIndex, article: Article, everywhere: SiteIndex = index): ArticleLinks {
  // Drafts and scheduled articles (on the dev server) link nowhere: they are not in the lists yet.
  const published = article.status === 'published';
  let known = linksOf.get(index);
  if (!known) linksOf.set(index, (known = new WeakMap()));
  let links = known.get(article);
  if (!links) {
    const moreInSection = published ? index.moreInSection(article) : [];
    const related = published ? index.related(article).filter((other) => !moreInSection.includes(other)) : [];
    links = { section: index.sectionOf(article), moreInSection, related };
    known.set(article, links);
  }
  return { ...links, versions: published ? everywhere.versions(article) : [article] };
}

/** The URL part of a section or tag name; names that differ only in case or accents share a page. */
export const groupSlug = memoized(
  (name) => suggestSlug(name) || `u${[...name].map((character) => character.codePointAt(0)?.toString(16)).join('-')}`,
);

/** The section a name stands for: its name in the site's language, whichever language it is written in. */
function sectionSpellings(names: SectionNames): (name: string) => string {
  const sectionBySlug = new Map<string, string>();
  for (const [name, translations] of Object.entries(names)) {
    for (const spelling of [name, ...Object.values(translations)]) sectionBySlug.set(groupSlug(spelling), name);
  }
  return (name) => sectionBySlug.get(groupSlug(name)) ?? name;
}

function groupArticles(newest: readonly Article[], namesOf: (article: Article) => readonly string[]): Group[] {
  const groups = new Map<string, { name: string; articles: Article[] }>();
  for (const article of newest) {
    for (const name of new Set(namesOf(article))) {
      const slug = groupSlug(name);
      const existing = groups.get(slug);
      if (existing) existing.articles.push(article);
      else groups.set(slug, { name, articles: [article] });
    }
  }
  return [...groups].map(([slug, { name, articles }]) => ({ slug, name, articles })).sort((a, b) => compare(a.slug, b.slug));
}

function groupByMonth(newest: readonly Article[], timeZone: string): Month[] {
  const months = new Map<string, Month & { articles: Article[] }>();
  const zone = tz(timeZone);
  for (const article of newest) {
    const key = format(article.date.instant, 'yyyy/MM', { in: zone });
    const existing = months.get(key);
    if (existing) existing.articles.push(article);
    else {
      const [year = '', month = ''] = key.split('/');
      months.set(key, { year, month, articles: [article] });
    }
  }
  return [...months.values()];
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
