import type { Article } from '../article/article.ts';
import { nameKey, type AuthorProfile } from '../newsroom/authors.ts';
import { formatArticleDate, formatShortDate, isoWithOffset } from '../article/dates.ts';
import { interfaceText, type InterfaceText } from './i18n.ts';
import { buildShareLinks, type ShareLink } from './share.ts';
import { absoluteUrl, articlePath, authorPath, type SiteAddress } from './urls.ts';

/**
 * What the article templates show, worked out once here so that the `.astro` files only place it:
 * URLs with the base path, dates in the site's zone and the article's language, the byline.
 */
export interface ViewSite extends SiteAddress {
  readonly timeZone: string;
  readonly lang: string;
  readonly editUrl?: string | undefined;
}

export interface ShownDate {
  /** The exact instant with the site zone's offset, for `<time datetime>`. */
  readonly iso: string;
  readonly text: string;
}

/** The label of a piece that is not news ("Analysis", "Sponsored"), in its language; none for news. */
export interface KindLabel {
  readonly text: string;
  /** Sponsored content is set apart from the newsroom's own work. */
  readonly sponsored: boolean;
}

export function kindLabel(article: Pick<Article, 'kind' | 'lang'>): KindLabel | undefined {
  if (article.kind === 'news') return undefined;
  return { text: interfaceText(article.lang).kinds[article.kind], sponsored: article.kind === 'sponsored' };
}

export interface ArticleView {
  readonly path: string;
  readonly canonicalUrl: string;
  readonly text: InterfaceText;
  /** The byline as text: "Maya Rahal and Dateline staff". */
  readonly byline: string;
  /** The same in parts, each name with a link to its author's page when the author has a profile. */
  readonly bylines: readonly BylinePart[];
  readonly published: ShownDate;
  readonly updated?: ShownDate | undefined;
  readonly readingTime: string;
  readonly kind?: KindLabel | undefined;
  /** The corrections, newest first, each dated in the article's language. */
  readonly corrections: readonly { readonly date: ShownDate; readonly text: string }[];
  readonly shareLinks: readonly ShareLink[];
  /** Link to the article's file in the repository, when the site has an edit URL. */
  readonly editUrl?: string | undefined;
  /** Why a draft or scheduled article, seen only on the dev server, is not public yet; absent for published articles. */
  readonly statusBanner?: string | undefined;
}

/** A name of a byline (with its author's page, if any) or the words between names. */
export interface BylinePart {
  readonly text: string;
  readonly path?: string | undefined;
}

/** The profiles among an article's bylines, in byline order; a name without one is left out. */
export function bylineProfiles<Author extends Pick<AuthorProfile, 'name'>>(
  article: Pick<Article, 'authors'>,
  directory: ReadonlyMap<string, Author>,
): Author[] {
  return article.authors.map((name) => directory.get(nameKey(name))).filter((author) => author !== undefined);
}

/** "A, B and C" in the article's language, each name linked to the profile of that name. */
function bylineParts(article: Article, site: ViewSite, profiles: readonly AuthorProfile[], text: InterfaceText): BylinePart[] {
  const paths = new Map(profiles.map((profile) => [nameKey(profile.name), authorPath(site, profile.slug)]));
  let index = 0;
  return text.listFormat.formatToParts(article.authors).map((part) => {
    if (part.type === 'literal') return { text: part.value };
    const name = article.authors[index++] ?? part.value;
    return { text: part.value, path: paths.get(nameKey(name)) };
  });
}

/** `profiles`: the author profiles of the article's bylines (bylineProfiles). */
export function articleView(article: Article, site: ViewSite, profiles: readonly AuthorProfile[] = []): ArticleView {
  const text = interfaceText(article.lang);
  const path = articlePath(site, article.slug);
  const canonicalUrl = absoluteUrl(site, path);
  const shownDate = (date: NonNullable<Article['updated']>): ShownDate => ({
    iso: isoWithOffset(date.instant, site.timeZone),
    text: formatArticleDate(date, site.timeZone, text.dates),
  });
  return {
    path,
    canonicalUrl,
    text,
    byline: text.listFormat.format(article.authors),
    bylines: bylineParts(article, site, profiles, text),
    published: shownDate(article.date),
    updated: article.updated ? shownDate(article.updated) : undefined,
    readingTime: text.minutesToRead(article.readingMinutes),
    kind: kindLabel(article),
    corrections: article.corrections.map((correction) => ({ date: shownDate(correction.date), text: correction.text })),
    shareLinks: buildShareLinks({ url: canonicalUrl, title: article.title }),
    editUrl: site.editUrl ? new URL(article.file.split('/').map(encodeURIComponent).join('/'), site.editUrl).href : undefined,
    statusBanner: statusBanner(article, site),
  };
}

function statusBanner(article: Article, site: ViewSite): string | undefined {
  const text = interfaceText(site.lang);
  if (article.status === 'draft') return text.draftBanner;
  if (article.status === 'scheduled') return text.scheduledBanner(formatArticleDate(article.date, site.timeZone, text.dates));
  return undefined;
}

export interface ArticleSummaryView {
  readonly path: string;
  readonly date: ShownDate;
  readonly kind?: KindLabel | undefined;
}

/** Every list and every article page lists other articles: each one's entry is worked out once per site. */
const summaries = new WeakMap<ViewSite, WeakMap<Article, ArticleSummaryView>>();

/** The few facts a list entry needs: link and short date. */
export function articleSummaryView(article: Article, site: ViewSite): ArticleSummaryView {
  let known = summaries.get(site);
  if (!known) {
    known = new WeakMap();
    summaries.set(site, known);
  }
  let view = known.get(article);
  if (!view) {
    view = summaryView(article, site);
    known.set(article, view);
  }
  return view;
}

function summaryView(article: Article, site: ViewSite): ArticleSummaryView {
  const text = interfaceText(article.lang);
  return {
    path: articlePath(site, article.slug),
    date: {
      iso: isoWithOffset(article.date.instant, site.timeZone),
      text: formatShortDate(article.date.instant, site.timeZone, text.dates),
    },
    kind: kindLabel(article),
  };
}

/** Newest first; articles of the same instant in slug order, so every build lists them alike. */
export function newestFirst<T extends Pick<Article, 'date' | 'slug'>>(articles: readonly T[]): T[] {
  return [...articles].sort((a, b) => b.date.instant.getTime() - a.date.instant.getTime() || a.slug.localeCompare(b.slug, 'en'));
}
