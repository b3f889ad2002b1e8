import { interfaceText, textDirection, type InterfaceText, type TextDirection } from './i18n.ts';
import type { MetaTag } from './meta.ts';
import type { Alternate } from './translations.ts';
import { contentSecurityPolicyFor } from './security.ts';
import type { LanguageLink } from './translations.ts';
import { footerOrder, type Policies } from '../newsroom/policies.ts';
import { editionLanguage } from './editions.ts';
import {
  archivePath,
  correctionsPath,
  feedPath,
  frontPath,
  searchPath,
  sectionPath,
  sitePagePath,
  sitePath,
  type SiteAddress,
} from './urls.ts';

/**
 * What every page shows around its own content, in the language of its edition (editions.ts): the
 * masthead with the edition's sections and links to the other editions, the search box, the theme
 * control and the footer; and each page's `<head>`. Layouts only place these; src/data/ works them
 * out once per build and edition.
 */
export interface ChromeSite extends SiteAddress {
  readonly name: string;
  readonly description: string;
  readonly lang: string;
  /** The site's own language, where an edition's `lang` differs (editions.ts). */
  readonly siteLang?: string | undefined;
}

export interface NavigationLink {
  readonly name: string;
  readonly path: string;
}

/** The site's search box: where it sends the query, and the base the search script loads the index from. */
export interface SearchBox {
  readonly action: string;
  readonly base: string;
}

export interface Chrome {
  readonly name: string;
  readonly description: string;
  readonly lang: string;
  readonly dir: TextDirection;
  /** Interface words in the site's language. */
  readonly text: InterfaceText;
  readonly homePath: string;
  readonly faviconPath: string;
  readonly themeScriptPath: string;
  readonly archivePath: string;
  readonly sections: readonly NavigationLink[];
  /** The front pages of the other editions, each named in its language. */
  readonly editions: readonly LanguageLink[];
  readonly search: SearchBox;
  readonly feeds: readonly FeedLink[];
  /** The newsroom's pages (About, Contact, its policies) and the corrections log. */
  readonly footer: readonly FooterLink[];
}

/** A link of the footer, in its page's language. */
export interface FooterLink extends NavigationLink {
  readonly lang: string;
  readonly dir: TextDirection;
}

/** What the footer needs of a site page. */
export interface FooterPage {
  readonly slug: string;
  readonly title: string;
  readonly lang: string;
}

/**
 * The footer's links: the site pages in the edition's language (the site language's pages where it
 * has none of its own), policies first, then the corrections log.
 */
export function footerLinks(site: ChromeSite, pages: readonly FooterPage[], policies: Policies = {}): FooterLink[] {
  const own = pages.filter((page) => editionLanguage(page.lang) === editionLanguage(site.lang));
  const shown = own.length > 0 ? own : pages.filter((page) => editionLanguage(page.lang) === editionLanguage(site.siteLang ?? site.lang));
  const text = interfaceText(site.lang);
  return [
    ...footerOrder(shown, policies).map((page) => ({
      name: page.title,
      path: sitePagePath(site, page.slug),
      lang: page.lang,
      dir: textDirection(page.lang),
    })),
    { name: text.correctionsLog, path: correctionsPath(site), lang: site.lang, dir: textDirection(site.lang) },
  ];
}

export interface FeedLink {
  readonly title: string;
  readonly href: string;
  readonly type: string;
}

/** `site`: the site as the edition sees it; `editions`: links to every edition, this one marked current. */
export function siteChrome(
  site: ChromeSite,
  sections: readonly { slug: string; name: string }[],
  editions: readonly LanguageLink[] = [],
  footer: readonly FooterLink[] = [],
): Chrome {
  return {
    name: site.name,
    description: site.description,
    lang: site.lang,
    dir: textDirection(site.lang),
    text: interfaceText(site.lang),
    homePath: frontPath(site),
    faviconPath: sitePath(site, 'favicon.svg'),
    themeScriptPath: sitePath(site, 'scripts/theme.js'),
    archivePath: archivePath(site),
    sections: sections.map(({ slug, name }) => ({ name, path: sectionPath(site, slug) })),
    editions: editions.filter((edition) => !edition.current),
    search: { action: searchPath(site), base: sitePath(site) },
    feeds: feedLinks(site),
    footer,
  };
}

/** The RSS and Atom feeds of the site, or of one section, as `<link rel="alternate">` describes them. */
export function feedLinks(site: ChromeSite, section?: { slug: string; name: string }): FeedLink[] {
  return feedPair(section ? `${site.name} — ${section.name}` : site.name, (format) => feedPath(site, format, section?.slug));
}

/** A feed in both formats, titled "<title> — RSS" and "<title> — Atom": the site's, a section's, the corrections log's. */
export function feedPair(title: string, pathOf: (format: 'rss' | 'atom') => string): FeedLink[] {
  return [
    { title: `${title} — RSS`, href: pathOf('rss'), type: 'application/rss+xml' },
    { title: `${title} — Atom`, href: pathOf('atom'), type: 'application/atom+xml' },
  ];
}

export interface PageHead {
  /** The whole `<title>`: the page's own title, then the site name. */
  readonly title: string;
  readonly description: string;
  readonly canonicalUrl: string;
  readonly lang: string;
  readonly dir: TextDirection;
  /** Open Graph and Twitter tags for link previews. */
  readonly meta: readonly MetaTag[];
  /** The page in other languages, with `x-default`: `<link rel="alternate" hreflang>`. */
  readonly alternates: readonly Alternate[];
  /** Absent on the dev server, which injects scripts and styles of its own. */
  readonly contentSecurityPolicy?: string | undefined;
  /** The skip link's words, in the page's language. */
  readonly skipToContent: string;
}

export interface PageHeadInput {
  /** The page's own title, without the site name; none for the site's front page. */
  readonly title?: string | undefined;
  readonly description: string;
  readonly canonicalUrl: string;
  /** The page's language: an article's own, otherwise the site's. */
  readonly lang?: string | undefined;
  readonly meta: readonly MetaTag[];
  readonly alternates?: readonly Alternate[] | undefined;
  /** The search page runs Pagefind's WebAssembly. */
  readonly webAssembly?: boolean | undefined;
}

/** `production`: a built site, whose pages carry the Content Security Policy. */
export function pageHead(site: ChromeSite, input: PageHeadInput, production: boolean): PageHead {
  const lang = input.lang ?? site.lang;
  return {
    title: input.title ? `${input.title} — ${site.name}` : site.name,
    description: input.description,
    canonicalUrl: input.canonicalUrl,
    lang,
    dir: textDirection(lang),
    meta: input.meta,
    alternates: input.alternates ?? [],
    contentSecurityPolicy: production ? contentSecurityPolicyFor({ webAssembly: input.webAssembly ?? false }) : undefined,
    skipToContent: interfaceText(lang).skipToContent,
  };
}
