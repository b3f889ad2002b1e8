import type { Article } from '../article/article.ts';
import { formatMonth } from '../article/dates.ts';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from '../outputs/preview-card.ts';
import type { ChromeSite, FeedLink, PageHeadInput } from './chrome.ts';
import { interfaceText, textDirection, type InterfaceText, type TextDirection } from './i18n.ts';
import { buildFront } from './front.ts';
import type { ArticleLinks, Group, Month } from './lists.ts';
import { groupSlug } from './lists.ts';
import { articleMetaTags, sitePageMetaTags } from './meta.ts';
import type { ListPage } from './page-keys.ts';
import { jsonLdText, newsArticle, siteGraph, type PublishedImage, type PublisherSite } from './structured-data.ts';
import { alternates, defaultVersion, languageLinks, type LanguageLink } from './translations.ts';
import {
  absoluteUrl,
  archivePath,
  articlePath,
  frontPath,
  latestPath,
  previewPath,
  searchPath,
  sectionPath,
  sitePath,
  tagPath,
} from './urls.ts';
import { articleSummaryView, articleView, type ArticleSummaryView, type ArticleView, type ViewSite } from './view.ts';

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
  readonly page: ListPage;
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
  const numbered = page.currentPage > 1 ? text.pageOf(page.currentPage, page.lastPage) : undefined;
  const title = [input.heading, numbered].filter(Boolean).join(' — ');
  const canonicalUrl = absoluteUrl(site, page.url['current'] ?? '');
  const front = input.front && page.currentPage === 1 ? buildFront(page.data) : undefined;
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

/** `lead`: the lead image's largest published file, when the article has one. */
export function articlePage(site: PagesSite, article: Article, links: ArticleLinks, lead?: PublishedImage): ArticlePageView {
  const view = articleView(article, site);
  const description = article.summary ?? article.title;
  const previewImage = {
    url: absoluteUrl(site, previewPath(site, article.slug)),
    width: PREVIEW_WIDTH,
    height: PREVIEW_HEIGHT,
    type: 'image/jpeg',
    alt: article.title,
  };
  const meta = articleMetaTags(
    article,
    { siteName: site.name, title: article.title, description, url: view.canonicalUrl, lang: article.lang, image: previewImage },
    site.timeZone,
  );
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
