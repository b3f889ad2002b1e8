import type { Article } from '../article/article.ts';
import { textDirection, type TextDirection } from './i18n.ts';
import { absoluteUrl, articlePath, type SiteAddress } from './urls.ts';

/**
 * The language versions of one story (articles that share a `translationKey`): which of them is the
 * default for readers of other languages, the `hreflang` alternates search engines read, and the
 * links of the "Read in" switcher. `versions` always holds the article itself.
 */
export interface TranslationSite extends SiteAddress {
  /** The site's language: its version of a story is the default one. */
  readonly lang: string;
  /** The site's own language where `lang` is an edition's (editions.ts). */
  readonly siteLang?: string | undefined;
}

/** An alternate address of a page, for `<link rel="alternate" hreflang>` and sitemaps. */
export interface Alternate {
  readonly hreflang: string;
  readonly href: string;
}

/** A link to one language version, named in its own language. */
export interface LanguageLink {
  readonly name: string;
  readonly path: string;
  readonly lang: string;
  readonly dir: TextDirection;
  readonly current: boolean;
}

/** The version for readers of any other language (`x-default`): the site language's, or else the first published. */
export function defaultVersion(versions: readonly Article[], site: TranslationSite): Article {
  const primary = (lang: string) => new Intl.Locale(lang).language;
  const byDate = versions.toSorted((a, b) => a.date.instant.getTime() - b.date.instant.getTime() || (a.slug < b.slug ? -1 : 1));
  return versions.find((version) => primary(version.lang) === primary(site.siteLang ?? site.lang)) ?? byDate[0]!;
}

/** Every version's absolute address by its language, then `x-default`; none for a story in one language. */
export function alternates(versions: readonly Article[], site: TranslationSite): Alternate[] {
  if (versions.length < 2) return [];
  const href = (article: Article) => absoluteUrl(site, articlePath(site, article.slug));
  return [
    ...versions.map((version) => ({ hreflang: version.lang, href: href(version) })),
    { hreflang: 'x-default', href: href(defaultVersion(versions, site)) },
  ];
}

/** The switcher's links, "English · العربية": the site language's first; none for a story in one language. */
export function languageLinks(versions: readonly Article[], current: Article, site: TranslationSite): LanguageLink[] {
  if (versions.length < 2) return [];
  const first = defaultVersion(versions, site);
  return [first, ...versions.filter((version) => version !== first)].map((version) =>
    languageLink(version.lang, articlePath(site, version.slug), version.slug === current.slug),
  );
}

/** A link to a page in `lang`, named in that language and set in its direction. */
export function languageLink(lang: string, path: string, current: boolean): LanguageLink {
  return { name: languageName(lang), path, lang, dir: textDirection(lang), current };
}

/** A language's name in that language, as its readers look for it: "English", "العربية", "Français". */
export function languageName(lang: string): string {
  const name = new Intl.DisplayNames([lang], { type: 'language' }).of(lang) ?? lang;
  return name.charAt(0).toLocaleUpperCase(lang) + name.slice(1);
}
