import type { Article } from '../article/article.ts';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from '../outputs/preview-card.ts';
import { feedPair, type ChromeSite, type FeedLink, type PageHeadInput } from './chrome.ts';
import { correctionEntryView, type CorrectionEntryView, type LoggedCorrection } from './corrections.ts';
import { interfaceText, textDirection, type InterfaceText, type TextDirection } from './i18n.ts';
import { buildFront } from './front.ts';
import type { ArticleLinks, Group, Month } from './lists.ts';
import { groupSlug } from './lists.ts';
import { articleMetaTags, sitePageMetaTags } from './meta.ts';
import type { ListPage } from './paging.ts';
import type { AuthorProfile } from '../newsroom/authors.ts';
import type { SitePage } from '../newsroom/site-pages.ts';
import { formatArticleDate, formatMonth, isoWithOffset } from '../article/dates.ts';
import { jsonLdText, newsArticle, organization, person, siteGraph, type PublishedImage, type PublisherSite } from './structured-data.ts';
import { alternates, defaultVersion, languageLinks, type LanguageLink } from './translations.ts';
import {
  absoluteUrl,
  archivePath,
  articlePath,
  authorPath,
  correctionsFeedPath,
  frontPath,
  latestPath,
  previewPath,
  searchPath,
  sectionPath,
  sitePagePath,
  sitePath,
  tagPath,
} from './urls.ts';
import { articleSummaryView, articleView, type ArticleSummaryView, type ArticleView, type ShownDate, type ViewSite } from './view.ts';

/**
 * What each kind of page shows besides the chrome around it (chrome.ts), worked out from the
 * articles and the site configuration, so that the templates only place it.
 */
export interface PagesSite extends ChromeSite, ViewSite, PublisherSite {}

/** The widths the lead image is published in (as AVIF and WebP): phones, tablets, wide screens. */
export const LEAD_IMAGE_WIDTHS = [400, 800, 1200] as const;

/** An article in a list: the article and its link and short date. */
export interface Teaser {
  readonly article: Article;
  readonly view: ArticleSummaryView;
}

/** A link to another article, in its own language and direction. */
export interface ArticleLink {
  readonly title: string;
  readonly path: string;
  readonly lang: string;
  readonly dir: TextDirection;
}

function teaser(article: Article, site: PagesSite): Teaser {
  return { article, view: articleSummaryView(article, site) };
}

function articleLink(article: Article, site: PagesSite): ArticleLink {
  return { title: article.title, path: articlePath(site, article.slug), lang: article.lang, dir: article.dir };
}

export interface ListPageInput {
  /** The list's heading, and (with the page number) its title. */
  readonly heading: string;
  readonly description: string;
  readonly page: ListPage<Article>;
  /** A section front: its first page leads with a story and sets pictured ones beside it (front.ts). */
  readonly front?: boolean | undefined;
  /** Extra feeds of this list, such as a section's own. */
  readonly feeds?: readonly FeedLink[] | undefined;
  /** A heading people see (sections, tags, months) or only screen readers (home). */
  readonly showHeading?: boolean | undefined;
}

export interface ListPageView {
  readonly head: PageHeadInput;
  readonly heading: string;
  readonly showHeading: boolean;
  readonly lead?: Teaser | undefined;
  readonly secondary: readonly Teaser[];
  readonly teasers: readonly Teaser[];
  readonly feeds: readonly FeedLink[];
  readonly text: InterfaceText;
}

export function listPage(site: PagesSite, input: ListPageInput): ListPageView {
  const { page } = input;
  const text = interfaceText(site.lang);
  const title = pagedTitle(input.heading, page, text);
  const canonicalUrl = absoluteUrl(site, page.url.current);
  const front = input.front && page.number === undefined ? buildFront(page.data) : undefined;
  const shown = new Set<Article>([...(front?.lead ? [front.lead] : []), ...(front?.secondary ?? [])]);
  return {
    head: {
      title,
      description: input.description,
      canonicalUrl,
      meta: sitePageMetaTags({ site, title, description: input.description, url: canonicalUrl }),
    },
    heading: input.heading,
    showHeading: input.showHeading ?? true,
    lead: front?.lead ? teaser(front.lead, site) : undefined,
    secondary: (front?.secondary ?? []).map((article) => teaser(article, site)),
    teasers: page.data.filter((article) => !shown.has(article)).map((article) => teaser(article, site)),
    feeds: input.feeds ?? [],
    text,
  };
}

export interface FrontPageView {
  readonly head: PageHeadInput;
  /** For screen readers: the page's one h1. */
  readonly heading: string;
  readonly lead?: Teaser | undefined;
  readonly secondary: readonly Teaser[];
  readonly sections: readonly { readonly name: string; readonly path: string; readonly teasers: readonly Teaser[] }[];
  readonly latest: readonly Teaser[];
  readonly latestPath: string;
  readonly text: InterfaceText;
  /** The site and who publishes it, as JSON-LD. */
  readonly structuredData: string;
}

/** The site's front page: `newest` first, grouped by `sections` (the site index's). */
export function frontPage(site: PagesSite, newest: readonly Article[], sections: readonly Group[]): FrontPageView {
  const text = interfaceText(site.lang);
  const front = buildFront(newest, sections);
  const url = absoluteUrl(site, frontPath(site));
  return {
    head: { description: site.description, canonicalUrl: url, meta: sitePageMetaTags({ site, description: site.description, url }) },
    heading: site.name,
    lead: front.lead ? teaser(front.lead, site) : undefined,
    secondary: front.secondary.map((article) => teaser(article, site)),
    sections: front.sections.map((block) => ({
      name: block.section.name,
      path: sectionPath(site, block.section.slug),
      teasers: block.articles.map((article) => teaser(article, site)),
    })),
    latest: front.latest.map((article) => teaser(article, site)),
    latestPath: latestPath(site),
    text,
    structuredData: jsonLdText(siteGraph(site)),
  };
}

export interface ArticlePageView {
  readonly head: PageHeadInput;
  readonly view: ArticleView;
  readonly structuredData: string;
  readonly shareScriptPath: string;
  /** Why a page seen on the dev server is not public yet, in the site's language. */
  readonly banner?: { readonly text: string; readonly lang: string; readonly dir: TextDirection } | undefined;
  /** The section's name in the article's edition, and its front there. */
  readonly sectionName: string;
  readonly sectionPath: string;
  readonly tags: readonly { readonly name: string; readonly path: string }[];
  readonly moreInSection: readonly ArticleLink[];
  readonly related: readonly ArticleLink[];
  /** The story in its other languages, and this one, for the "Read in" switcher; empty when it has no other. */
  readonly languages: readonly LanguageLink[];
}

/**
 * `profiles`: the author profiles of the article's bylines (view.ts's bylineProfiles); `lead`: the
 * lead image's largest published file, when the article has one.
 */
export function articlePage(
  site: PagesSite,
  article: Article,
  links: ArticleLinks,
  profiles: readonly AuthorProfile[] = [],
  lead?: PublishedImage,
): ArticlePageView {
  const view = articleView(article, site, profiles);
  const description = article.summary ?? article.title;
  const previewImage = {
    url: absoluteUrl(site, previewPath(site, article.slug)),
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    type: 'image/jpeg',
    alt: article.title,
  };
  const meta = [
    ...articleMetaTags(
      article,
      { siteName: site.name, title: article.title, description, url: view.canonicalUrl, lang: article.lang, image: previewImage },
      site.timeZone,
    ),
    // Mastodon credits the author of a shared link from this tag (one per author with a handle).
    ...profiles.flatMap((profile) =>
      profile.fediverse ? [{ attribute: 'name' as const, key: 'fediverse:creator', content: profile.fediverse }] : [],
    ),
  ];
  const { versions } = links;
  const original = versions.length > 1 ? defaultVersion(versions, site) : undefined;
  return {
    head: {
      title: article.title,
      description,
      canonicalUrl: view.canonicalUrl,
      lang: article.lang,
      meta,
      alternates: alternates(versions, site),
    },
    view,
    structuredData: jsonLdText(
      newsArticle(article, site, {
        imageUrl: previewImage.url,
        lead,
        profiles,
        translations: original ? { original, versions } : undefined,
      }),
    ),
    shareScriptPath: sitePath(site, 'scripts/share.js'),
    banner: view.statusBanner ? { text: view.statusBanner, lang: site.lang, dir: textDirection(site.lang) } : undefined,
    sectionName: links.section.name,
    sectionPath: sectionPath(site, links.section.slug),
    tags: article.tags.map((tag) => ({ name: tag, path: tagPath(site, groupSlug(tag)) })),
    moreInSection: links.moreInSection.map((other) => articleLink(other, site)),
    related: links.related.map((other) => articleLink(other, site)),
    languages: languageLinks(versions, article, site),
  };
}

export interface ArchiveMonth {
  readonly name: string;
  readonly path: string;
  readonly count: number;
}

export interface ArchiveYear {
  readonly year: string;
  readonly path: string;
  readonly months: readonly ArchiveMonth[];
}

function archiveYears(site: PagesSite, months: readonly Month[]): ArchiveYear[] {
  const { dates } = interfaceText(site.lang);
  return [...Map.groupBy(months, (month) => month.year)].map(([year, inYear]) => ({
    year,
    path: archivePath(site, year),
    months: inYear.map((month) => ({
      name: formatMonth(month.year, month.month, dates),
      path: archivePath(site, month.year, month.month),
      count: month.articles.length,
    })),
  }));
}

export interface ArchivePageView {
  readonly head: PageHeadInput;
  readonly heading: string;
  readonly years: readonly ArchiveYear[];
  /** The whole archive, linked from a year's page. */
  readonly archive: { readonly name: string; readonly path: string };
}

/** The archive (every month of every year), or one year of it when `months` are that year's. */
export function archivePage(site: PagesSite, months: readonly Month[], year?: string): ArchivePageView {
  const text = interfaceText(site.lang);
  const heading = year ? `${text.archive} ${year}` : text.archive;
  const description = `${heading} — ${site.name}`;
  const url = absoluteUrl(site, archivePath(site, year));
  return {
    head: { title: heading, description, canonicalUrl: url, meta: sitePageMetaTags({ site, title: heading, description, url }) },
    heading,
    years: archiveYears(site, months),
    archive: { name: text.archive, path: archivePath(site) },
  };
}

/** A month of the archive: its name heads the list of its articles. */
export function monthName(site: PagesSite, month: Pick<Month, 'year' | 'month'>): string {
  return formatMonth(month.year, month.month, interfaceText(site.lang).dates);
}

export interface SearchPageView {
  readonly head: PageHeadInput;
  readonly text: InterfaceText;
  readonly scriptPath: string;
  readonly archivePath: string;
}

export function searchPage(site: PagesSite): SearchPageView {
  const text = interfaceText(site.lang);
  const url = absoluteUrl(site, searchPath(site));
  const description = `${text.searchLabel} — ${site.name}`;
  return {
    head: {
      title: text.search,
      description,
      canonicalUrl: url,
      meta: sitePageMetaTags({ site, title: text.search, description, url }),
      webAssembly: true,
    },
    text,
    scriptPath: sitePath(site, 'scripts/search.js'),
    archivePath: archivePath(site),
  };
}

export interface NotFoundPageView {
  readonly head: PageHeadInput;
  readonly text: InterfaceText;
  readonly latest: readonly Teaser[];
}

export function notFoundPage(site: PagesSite, newest: readonly Article[]): NotFoundPageView {
  const text = interfaceText(site.lang);
  const url = absoluteUrl(site, sitePath(site, '404.html'));
  return {
    head: {
      title: text.notFound,
      description: text.notFoundText,
      canonicalUrl: url,
      meta: sitePageMetaTags({ site, title: text.notFound, description: text.notFoundText, url }),
    },
    text,
    latest: newest.slice(0, 5).map((article) => teaser(article, site)),
  };
}

/** "Corrections", then "Corrections — Page 2" on the numbered pages (paging.ts). */
function pagedTitle(heading: string, page: ListPage<unknown>, text: InterfaceText): string {
  return page.number === undefined ? heading : `${heading} — ${text.page(page.number)}`;
}

export interface CorrectionsPageView {
  readonly head: PageHeadInput;
  readonly heading: string;
  readonly intro: string;
  /** Said when no published article has a correction. */
  readonly empty: string;
  readonly entries: readonly CorrectionEntryView[];
  readonly feeds: readonly FeedLink[];
  readonly text: InterfaceText;
}

/** The site-wide corrections page: every correction of every edition, newest first, each in its article's language. */
export function correctionsPage(site: PagesSite, page: ListPage<LoggedCorrection>): CorrectionsPageView {
  const text = interfaceText(site.lang);
  const title = pagedTitle(text.correctionsLog, page, text);
  const url = absoluteUrl(site, page.url.current);
  const description = text.correctionsLogIntro;
  return {
    head: { title, description, canonicalUrl: url, meta: sitePageMetaTags({ site, title, description, url }) },
    heading: text.correctionsLog,
    intro: text.correctionsLogIntro,
    empty: text.noCorrections,
    entries: page.data.map((logged) => correctionEntryView(logged, site)),
    feeds: feedPair(`${site.name} — ${text.correctionsLog}`, (format) => correctionsFeedPath(site, format)),
    text,
  };
}

export interface SitePageView {
  readonly head: PageHeadInput;
  readonly title: string;
  readonly summary?: string | undefined;
  /** When the page last changed, if it says. */
  readonly updated?: ShownDate | undefined;
  readonly text: InterfaceText;
  readonly structuredData: string;
}

/** schema.org's own types for the pages a newsroom publishes about itself, by the policy a page is. */
const PAGE_TYPES = { masthead: 'AboutPage', actionableFeedbackPolicy: 'ContactPage' } as const;

/** A site page (About, Contact, a policy): its body comes from the pipeline; the publisher is in its JSON-LD. */
export function sitePageView(site: PagesSite, page: SitePage): SitePageView {
  const text = interfaceText(page.lang);
  const url = absoluteUrl(site, sitePagePath(site, page.slug));
  const description = page.summary ?? page.title;
  const policy = Object.entries(site.policies ?? {}).find(([, slug]) => slug === page.slug)?.[0];
  const type = (policy && PAGE_TYPES[policy as keyof typeof PAGE_TYPES]) || 'WebPage';
  return {
    head: {
      title: page.title,
      description,
      canonicalUrl: url,
      lang: page.lang,
      meta: sitePageMetaTags({ site, title: page.title, description, url }),
    },
    title: page.title,
    summary: page.summary,
    updated: page.updated
      ? { iso: isoWithOffset(page.updated.instant, site.timeZone), text: formatArticleDate(page.updated, site.timeZone, text.dates) }
      : undefined,
    text,
    structuredData: jsonLdText({
      '@context': 'https://schema.org',
      '@type': type,
      name: page.title,
      description,
      url,
      inLanguage: page.lang,
      ...(page.updated ? { dateModified: isoWithOffset(page.updated.instant, site.timeZone) } : {}),
      publisher: organization(site),
    }),
  };
}

export interface AuthorPageView {
  readonly head: PageHeadInput;
  readonly name: string;
  readonly role?: string | undefined;
  /** The author's pages elsewhere, each with its host name to show. */
  readonly links: readonly { readonly href: string; readonly host: string }[];
  readonly fediverse?: string | undefined;
  readonly teasers: readonly Teaser[];
  readonly text: InterfaceText;
  readonly structuredData: string;
}

/** An author's page: who they are (the bio is the profile's body) and their articles, newest first, page after page. */
export function authorPageView(site: PagesSite, author: AuthorProfile, page: ListPage<Article>): AuthorPageView {
  const text = interfaceText(site.lang);
  const title = pagedTitle(author.name, page, text);
  const url = absoluteUrl(site, page.url.current);
  const description = [author.name, author.role].filter(Boolean).join(', ');
  return {
    head: {
      title,
      description,
      canonicalUrl: url,
      meta: [
        ...sitePageMetaTags({ site, title, description, url }),
        ...(author.fediverse ? [{ attribute: 'name' as const, key: 'fediverse:creator', content: author.fediverse }] : []),
      ],
    },
    name: author.name,
    role: author.role,
    links: author.sameAs.map((href) => ({ href, host: new URL(href).host })),
    fediverse: author.fediverse,
    teasers: page.data.map((article) => teaser(article, site)),
    text,
    structuredData: jsonLdText({
      '@context': 'https://schema.org',
      '@type': 'ProfilePage',
      url: absoluteUrl(site, authorPath(site, author.slug)),
      mainEntity: person(author, site),
      publisher: organization(site),
    }),
  };
}
