import { memoized } from './memo.ts';
import { languageLink, type LanguageLink } from './translations.ts';
import { frontPath, type SiteAddress } from './urls.ts';

/**
 * Editions: one for each language that has published articles. The site language's edition is the
 * site's front page and lists, at the root; every other edition has the same pages in its language's
 * folder (`/ar/`, `/ar/sections/world/`, `/ar/feed.xml`, `/ar/search/`), with its own articles and
 * its chrome in its language. Article addresses never change: an article stays at
 * `/articles/<slug>/`, and its page wears the chrome of the edition of its language.
 */
export interface Edition {
  /** The primary language subtag: `en`, `ar`. */
  readonly lang: string;
  /** The folder of its pages: empty for the site language's edition, `ar/` for the others. */
  readonly folder: string;
}

/** What an edition needs to know of the site. */
export interface EditionsSite extends SiteAddress {
  readonly lang: string;
  /** Set by `editionSite`: the site's own language, where `lang` is now the edition's. */
  readonly siteLang?: string | undefined;
  readonly description: string;
  /** The description in the languages of other editions. */
  readonly descriptions?: Readonly<Record<string, string>> | undefined;
}

/** The edition an article of this language belongs to: `ar-EG` → `ar`. Asked of every article: memoized. */
export const editionLanguage = memoized((lang) => new Intl.Locale(lang).language);

/** The site language's edition first, then one for each other language, in the order of their tags. */
export function editionsOf(languages: Iterable<string>, siteLang: string): Edition[] {
  const primary = editionLanguage(siteLang);
  const others = new Set([...languages].map(editionLanguage).filter((lang) => lang !== primary));
  return [primary, ...[...others].sort()].map((lang) => ({ lang, folder: lang === primary ? '' : `${lang}/` }));
}

/** Astro's `edition` parameter: none for the site language's edition, its language for the others. */
export function editionParam(edition: Edition): string | undefined {
  return edition.folder === '' ? undefined : edition.lang;
}

/**
 * The site as one edition's pages see it: the edition's language (the site's own tag, region and
 * all, for its own edition; `siteLang` keeps the site's), its folder, and its description.
 */
export function editionSite<Site extends EditionsSite>(site: Site, edition: Edition): Site {
  if (edition.folder === '') return site;
  return {
    ...site,
    lang: edition.lang,
    siteLang: site.lang,
    edition: edition.folder,
    description: site.descriptions?.[edition.lang] ?? site.description,
  };
}

/** Links to the front page of every edition, named in its language, for the masthead; none when the site has one edition. */
export function editionLinks(editions: readonly Edition[], current: Edition, site: EditionsSite): LanguageLink[] {
  if (editions.length < 2) return [];
  return editions.map((edition) => languageLink(edition.lang, frontPath(editionSite(site, edition)), edition.lang === current.lang));
}
