import { getImage } from 'astro:assets';
import type { CollectionEntry } from 'astro:content';
import { nameKey } from '../lib/newsroom/authors.ts';
import type { Article } from '../lib/article/article.ts';
import { footerLinks, pageHead, siteChrome, feedLinks, type Chrome, type PageHead, type PageHeadInput } from '../lib/site/chrome.ts';
import { editionLinks, type Edition } from '../lib/site/editions.ts';
import { interfaceText } from '../lib/site/i18n.ts';
import {
  absoluteUrl,
  archivePath,
  authorPath,
  correctionsPath,
  latestPath,
  sectionPath,
  tagPath,
  type SiteAddress,
} from '../lib/site/urls.ts';
import { stablePages, type ListPage } from '../lib/site/paging.ts';
import { articleLinks, type Group, type Month, type SiteIndex } from '../lib/site/lists.ts';
import type { LoggedCorrection } from '../lib/site/corrections.ts';
import { articlePageKey, redirectPageKey, withListKeys } from '../lib/site/page-keys.ts';
import { redirectPage, redirects, type RedirectPageView } from '../lib/site/redirects.ts';
import {
  LEAD_IMAGE_WIDTHS,
  archivePage,
  articlePage,
  correctionsPage,
  frontPage,
  listPage,
  monthName,
  notFoundPage,
  searchPage,
  sitePageView,
  authorPageView,
  type ArchivePageView,
  type ArticlePageView,
  type CorrectionsPageView,
  type FrontPageView,
  type ListPageInput,
  type ListPageView,
  type NotFoundPageView,
  type SitePageView,
  type AuthorPageView,
  type SearchPageView,
  type Teaser,
} from '../lib/site/pages.ts';
import { siteConfig } from '../site.config.ts';
import { articleEntries, pageBody, type ArticleEntry, type PageBody } from './bodies.ts';
import { contentImage } from './images.ts';
import { perBuildByKey } from './per-build.ts';
import {
  articlesByAuthor,
  authors,
  corrections,
  editionIndex,
  editionOf,
  editionPaths,
  editions,
  everyEdition,
  inEdition,
  profilesOf,
  publisherOf,
  siteIndex,
  sitePages,
  siteOf,
} from './site-index.ts';

/**
 * Every page's props: which pages there are (the bodies of `getStaticPaths`) and what each shows,
 * from the site index and the site configuration. Pages pass these to one layout; layouts and
 * components only place them.
 */
/** What every page of an edition shows around its content: its sections, the other editions, the newsroom's pages. */
const chrome = perBuildByKey(async (lang): Promise<Chrome> => {
  const [all, edition, pages] = await Promise.all([editions(), editionOf(lang), sitePages()]);
  const site = siteOf(edition);
  const footer = footerLinks(
    site,
    pages.map((entry) => entry.data),
    siteConfig.policies,
  );
  return siteChrome(site, (await editionIndex(edition.lang)).sections, editionLinks(all, edition, siteConfig), footer);
});

function head(input: PageHeadInput): PageHead {
  return pageHead(siteConfig, input, import.meta.env.PROD);
}

export interface PageFrame<View> {
  readonly chrome: Chrome;
  readonly head: PageHead;
  readonly view: View;
}

async function frame<View extends { head: PageHeadInput }>(view: View, edition: Edition): Promise<PageFrame<View>> {
  // The edition's language as the site writes it: the site's own tag, region and all, for its own edition.
  return { chrome: await chrome(edition.lang), head: head({ lang: siteOf(edition).lang, ...view.head }), view };
}

/** What a page's chrome shows from the content, for its page key: the edition's sections, the editions, the footer's pages. */
async function layoutOf(edition: Edition): Promise<unknown> {
  const { sections, editions: others, footer } = await chrome(edition.lang);
  return [sections, others, footer];
}

// ---- Lists: the front pages, sections, tags, archive months ----------------------------------

/** A list's pages as Astro's `[...page]` routes take them: no `page` parameter for the first (paging.ts). */
function pagePaths<Item, Params, Props>(items: readonly Item[], listPath: string, params: Params, props: Props) {
  return stablePages(items, siteConfig.pageSize, listPath).map((page) => ({
    params: { ...params, page: page.number === undefined ? undefined : String(page.number) },
    props: { ...props, page },
  }));
}

/** One kind of list (sections, tags, months) of each edition, each page with its page key. */
function listPaths<Item, Props extends object>(
  listsOf: (index: SiteIndex) => readonly Item[],
  describe: (
    item: Item,
    site: SiteAddress,
  ) => { articles: readonly Article[]; path: string; params: Record<string, string>; props: Props; heading: unknown },
) {
  return everyEdition(async (edition) => {
    const [index, layout] = await Promise.all([editionIndex(edition.lang), layoutOf(edition)]);
    const { params, props } = inEdition(edition);
    return listsOf(index).flatMap((item) => {
      const list = describe(item, siteOf(edition));
      return withListKeys(
        layout,
        pagePaths(list.articles, list.path, { ...params, ...list.params }, { ...props, ...list.props }),
        list.heading,
      );
    });
  });
}

/** Every article of each edition, newest first, at /latest/, /latest/<n>/…: where the front page's Latest column goes on. */
export function latestPaths() {
  return listPaths(
    (index) => [index],
    (index, site) => ({ articles: index.newest, path: latestPath(site), params: {}, props: {}, heading: 'latest' }),
  );
}

export function sectionPaths() {
  return listPaths(
    (index) => index.sections,
    (section, site) => ({
      articles: section.articles,
      path: sectionPath(site, section.slug),
      params: { section: section.slug },
      props: { section },
      heading: ['section', section.slug, section.name],
    }),
  );
}

export function tagPaths() {
  return listPaths(
    (index) => index.tags,
    (tag, site) => ({
      articles: tag.articles,
      path: tagPath(site, tag.slug),
      params: { tag: tag.slug },
      props: { tag },
      heading: ['tag', tag.slug, tag.name],
    }),
  );
}

export function monthPaths() {
  return listPaths(
    (index) => index.months,
    (month, site) => ({
      articles: month.articles,
      path: archivePath(site, month.year, month.month),
      params: { year: month.year, month: month.month },
      props: { month },
      heading: ['month', month.year, month.month],
    }),
  );
}

/** The lead images of the teasers a page shows with their pictures, by article slug, measured by Astro. */
export type TeaserPictures = ReadonlyMap<string, ImageMetadata>;

async function picturesOf(teasers: readonly Teaser[]): Promise<TeaserPictures> {
  const pictured = await Promise.all(
    teasers.map(async ({ article }) => (article.image ? ([article.slug, await contentImage(article.image.file)] as const) : undefined)),
  );
  return new Map(pictured.filter((entry) => entry !== undefined));
}

export interface ListFrame extends PageFrame<ListPageView> {
  readonly page: ListPage<Article>;
  readonly pictures: TeaserPictures;
}

async function list(page: ListPage<Article>, edition: Edition, input: Omit<ListPageInput, 'page'>): Promise<ListFrame> {
  const props = await frame(listPage(siteOf(edition), { ...input, page }), edition);
  const { lead, secondary } = props.view;
  return { ...props, page, pictures: await picturesOf([...(lead ? [lead] : []), ...secondary]) };
}

// ---- The front pages ------------------------------------------------------------------------------

export interface FrontFrame extends PageFrame<FrontPageView> {
  readonly pictures: TeaserPictures;
}

/** The front page of every edition: `/`, `/ar/`. */
export function frontPaths() {
  return editionPaths();
}

export async function frontPageProps(edition: Edition): Promise<FrontFrame> {
  const index = await editionIndex(edition.lang);
  const props = await frame(frontPage(await publisherOf(edition), index.newest, index.sections), edition);
  const { lead, secondary, sections } = props.view;
  return { ...props, pictures: await picturesOf([...(lead ? [lead] : []), ...secondary, ...sections.flatMap((block) => block.teasers)]) };
}

export function latestPage(page: ListPage<Article>, edition: Edition): Promise<ListFrame> {
  const site = siteOf(edition);
  const heading = interfaceText(site.lang).latest;
  return list(page, edition, { heading, description: `${heading} — ${site.name}` });
}

export function sectionPage(page: ListPage<Article>, edition: Edition, section: Group): Promise<ListFrame> {
  const site = siteOf(edition);
  return list(page, edition, {
    heading: section.name,
    description: `${section.name} — ${site.name}`,
    feeds: feedLinks(site, section),
    front: true,
  });
}

export function tagPage(page: ListPage<Article>, edition: Edition, tag: Group): Promise<ListFrame> {
  return list(page, edition, { heading: `#${tag.name}`, description: `${tag.name} — ${siteOf(edition).name}` });
}

export function monthPage(page: ListPage<Article>, edition: Edition, month: Month): Promise<ListFrame> {
  const name = monthName(siteOf(edition), month);
  return list(page, edition, { heading: name, description: `${name} — ${siteOf(edition).name}` });
}

// ---- The archive's index and years ------------------------------------------------------------

/** The archive of every edition: `/archive/`, `/ar/archive/`. */
export function archivePaths() {
  return editionPaths();
}

export async function archiveIndex(edition: Edition): Promise<PageFrame<ArchivePageView>> {
  return frame(archivePage(siteOf(edition), (await editionIndex(edition.lang)).months), edition);
}

export function yearPaths() {
  return everyEdition(async (edition) => {
    const years = Map.groupBy((await editionIndex(edition.lang)).months, (month) => month.year);
    const { params, props } = inEdition(edition);
    return [...years].map(([year, months]) => ({ params: { ...params, year }, props: { ...props, year, months } }));
  });
}

export function archiveYear(edition: Edition, year: string, months: readonly Month[]): Promise<PageFrame<ArchivePageView>> {
  return frame(archivePage(siteOf(edition), months, year), edition);
}

// ---- Articles -----------------------------------------------------------------------------------

export async function articlePaths() {
  const [entries, index] = await Promise.all([articleEntries(), siteIndex()]);
  return Promise.all(
    entries.map(async (entry) => {
      const edition = await editionOf(entry.data.lang);
      const links = articleLinks(await editionIndex(edition.lang), entry.data, index);
      const profiles = await profilesOf(entry.data);
      return {
        params: { slug: entry.id },
        props: { entry },
        cacheKey: articlePageKey(await layoutOf(edition), entry.data, links, profiles),
      };
    }),
  );
}

export interface ArticleFrame extends PageFrame<ArticlePageView> {
  readonly article: Article;
  readonly body: PageBody;
  /** The lead image, measured by Astro for `<Picture>`. */
  readonly leadImage?: ImageMetadata | undefined;
}

/** An article page wears the chrome of its language's edition; its links stay in that edition, its translations go across. */
export async function articlePageProps(entry: ArticleEntry): Promise<ArticleFrame> {
  const article = entry.data;
  const edition = await editionOf(article.lang);
  const [index, all, body, leadImage, profiles] = await Promise.all([
    editionIndex(edition.lang),
    siteIndex(),
    pageBody(entry),
    article.image ? contentImage(article.image.file) : undefined,
    profilesOf(article),
  ]);
  const lead = leadImage ? await publishedImage(leadImage) : undefined;
  const links = articleLinks(index, article, all);
  const view = await frame(articlePage(await publisherOf(edition), article, links, profiles, lead), edition);
  return { ...view, article, body, leadImage };
}

/**
 * A page at each earlier slug of a published article (`aliases`), sending readers on to the article.
 * Only articles that moved cost more than a look-up.
 */
export async function redirectPaths(): Promise<{ params: { alias: string }; props: { view: RedirectPageView }; cacheKey: string }[]> {
  const articles = (await articleEntries()).map((entry) => entry.data);
  return redirects(articles).map(({ alias, article }) => {
    const view = redirectPage(siteConfig, article, import.meta.env.PROD);
    return { params: { alias }, props: { view }, cacheKey: redirectPageKey(view) };
  });
}

/** The largest file the lead image's `<Picture>` publishes, for the JSON-LD: WebP, at most 1,200 pixels wide. */
async function publishedImage(image: ImageMetadata) {
  const width = Math.min(image.width, LEAD_IMAGE_WIDTHS.at(-1) ?? image.width);
  const file = await getImage({ src: image, width, format: 'webp' });
  return { url: absoluteUrl(siteConfig, file.src), width, height: Math.round((image.height * width) / image.width) };
}

// ---- The site's own pages ---------------------------------------------------------------------

/** The search page of every edition: `/search/`, `/ar/search/`. */
export function searchPaths() {
  return editionPaths();
}

export function searchPageProps(edition: Edition): Promise<PageFrame<SearchPageView>> {
  return frame(searchPage(siteOf(edition)), edition);
}

/** The one 404 page, which hosts serve for any address: in the site's language. */
export async function notFoundProps(): Promise<PageFrame<NotFoundPageView>> {
  const [primary] = await editions();
  return frame(notFoundPage(siteConfig, (await siteIndex()).newest), primary!);
}

// ---- Corrections ----------------------------------------------------------------------------------

/** The site-wide corrections log, in pages like the lists: `/corrections/`, `/corrections/<n>/`… */
export async function correctionsPaths() {
  return pagePaths(await corrections(), correctionsPath(siteConfig), {}, {});
}

export interface CorrectionsFrame extends PageFrame<CorrectionsPageView> {
  readonly page: ListPage<LoggedCorrection>;
}

/** The corrections log wears the chrome of the site's own edition; each entry keeps its article's language. */
export async function correctionsPageProps(page: ListPage<LoggedCorrection>): Promise<CorrectionsFrame> {
  const [primary] = await editions();
  return { ...(await frame(correctionsPage(siteConfig, page), primary!)), page };
}

// ---- The newsroom: site pages and authors ---------------------------------------------------------

/** Every site page at `/<slug>/`, wearing the chrome of its language's edition. */
export async function sitePagePaths() {
  return (await sitePages()).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));
}

export interface SitePageFrame extends PageFrame<SitePageView> {
  readonly body: PageBody;
}

export async function sitePageProps(entry: CollectionEntry<'pages'>): Promise<SitePageFrame> {
  const edition = await editionOf(entry.data.lang);
  const [view, body] = await Promise.all([frame(sitePageView(await publisherOf(edition), entry.data), edition), pageBody(entry)]);
  return { ...view, body };
}

/** Each author's page, `/authors/<slug>/`, with the author's articles page after page. */
export async function authorPaths() {
  const [entries, byAuthor] = await Promise.all([authors(), articlesByAuthor()]);
  return entries.flatMap((entry) =>
    pagePaths(byAuthor.get(nameKey(entry.data.name)) ?? [], authorPath(siteConfig, entry.id), { author: entry.id }, { entry }),
  );
}

export interface AuthorFrame extends PageFrame<AuthorPageView> {
  readonly page: ListPage<Article>;
  readonly bio: PageBody;
}

/** An author's page wears the site language's chrome; each of the author's articles keeps its own language. */
export async function authorPageProps(entry: CollectionEntry<'authors'>, page: ListPage<Article>): Promise<AuthorFrame> {
  const [primary] = await editions();
  const [view, bio] = await Promise.all([frame(authorPageView(await publisherOf(primary!), entry.data, page), primary!), pageBody(entry)]);
  return { ...view, page, bio };
}
