import type { GetStaticPathsOptions, Page } from 'astro';
import { getImage } from 'astro:assets';
import type { Article } from '../lib/article/article.ts';
import { pageHead, siteChrome, feedLinks, type Chrome, type PageHead, type PageHeadInput } from '../lib/site/chrome.ts';
import { interfaceText } from '../lib/site/i18n.ts';
import { absoluteUrl } from '../lib/site/urls.ts';
import { articleLinks, type Group, type Month } from '../lib/site/lists.ts';
import { articlePageKey, withListKeys } from '../lib/site/page-keys.ts';
import {
  LEAD_IMAGE_WIDTHS,
  archivePage,
  articlePage,
  frontPage,
  listPage,
  monthName,
  notFoundPage,
  searchPage,
  type ArchivePageView,
  type ArticlePageView,
  type FrontPageView,
  type ListPageInput,
  type ListPageView,
  type NotFoundPageView,
  type SearchPageView,
  type Teaser,
} from '../lib/site/pages.ts';
import { siteConfig } from '../site.config.ts';
import { articleEntries, pageBody, type ArticleEntry, type PageBody } from './bodies.ts';
import { contentImage } from './images.ts';
import { perBuild } from './per-build.ts';
import { siteIndex } from './site-index.ts';

/**
 * Every page's props: which pages there are (the bodies of `getStaticPaths`) and what each shows,
 * from the site index and the site configuration. Pages pass these to one layout; layouts and
 * components only place them.
 */
type Paginate = GetStaticPathsOptions['paginate'];

/** What every page shows around its content (the masthead lists the sections). */
const chrome = perBuild(async (): Promise<Chrome> => siteChrome(siteConfig, (await siteIndex()).sections));

function head(input: PageHeadInput): PageHead {
  return pageHead(siteConfig, input, import.meta.env.PROD);
}

export interface PageFrame<View> {
  readonly chrome: Chrome;
  readonly head: PageHead;
  readonly view: View;
}

async function frame<View extends { head: PageHeadInput }>(view: View): Promise<PageFrame<View>> {
  return { chrome: await chrome(), head: head(view.head), view };
}

// ---- Lists: the front page, sections, tags, archive months -----------------------------------

/** Every article, newest first, at /latest/, /latest/2/…: where the front page's Latest column goes on. */
export async function latestPaths(paginate: Paginate) {
  const index = await siteIndex();
  return withListKeys(index, paginate([...index.newest], { pageSize: siteConfig.pageSize }), 'latest');
}

export async function sectionPaths(paginate: Paginate) {
  const index = await siteIndex();
  return index.sections.flatMap((section) =>
    withListKeys(
      index,
      paginate([...section.articles], { pageSize: siteConfig.pageSize, params: { section: section.slug }, props: { section } }),
      ['section', section.slug, section.name],
    ),
  );
}

export async function tagPaths(paginate: Paginate) {
  const index = await siteIndex();
  return index.tags.flatMap((tag) =>
    withListKeys(index, paginate([...tag.articles], { pageSize: siteConfig.pageSize, params: { tag: tag.slug }, props: { tag } }), [
      'tag',
      tag.slug,
      tag.name,
    ]),
  );
}

export async function monthPaths(paginate: Paginate) {
  const index = await siteIndex();
  return index.months.flatMap((month) =>
    withListKeys(
      index,
      paginate([...month.articles], { pageSize: siteConfig.pageSize, params: { year: month.year, month: month.month }, props: { month } }),
      ['month', month.year, month.month],
    ),
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
  readonly page: Page<Article>;
  readonly pictures: TeaserPictures;
}

async function list(page: Page<Article>, input: Omit<ListPageInput, 'page'>): Promise<ListFrame> {
  const props = await frame(listPage(siteConfig, { ...input, page }));
  const { lead, secondary } = props.view;
  return { ...props, page, pictures: await picturesOf([...(lead ? [lead] : []), ...secondary]) };
}

// ---- The front page -------------------------------------------------------------------------------

export interface FrontFrame extends PageFrame<FrontPageView> {
  readonly pictures: TeaserPictures;
}

export async function frontPageProps(): Promise<FrontFrame> {
  const index = await siteIndex();
  const props = await frame(frontPage(siteConfig, index.newest, index.sections));
  const { lead, secondary, sections } = props.view;
  return { ...props, pictures: await picturesOf([...(lead ? [lead] : []), ...secondary, ...sections.flatMap((block) => block.teasers)]) };
}

export function latestPage(page: Page<Article>): Promise<ListFrame> {
  const heading = interfaceText(siteConfig.lang).latest;
  return list(page, { heading, description: `${heading} — ${siteConfig.name}` });
}

export function sectionPage(page: Page<Article>, section: Group): Promise<ListFrame> {
  return list(page, {
    heading: section.name,
    description: `${section.name} — ${siteConfig.name}`,
    feeds: feedLinks(siteConfig, section),
    front: true,
  });
}

export function tagPage(page: Page<Article>, tag: Group): Promise<ListFrame> {
  return list(page, { heading: `#${tag.name}`, description: `${tag.name} — ${siteConfig.name}` });
}

export function monthPage(page: Page<Article>, month: Month): Promise<ListFrame> {
  const name = monthName(siteConfig, month);
  return list(page, { heading: name, description: `${name} — ${siteConfig.name}` });
}

// ---- The archive's index and years ------------------------------------------------------------

export async function archiveIndex(): Promise<PageFrame<ArchivePageView>> {
  return frame(archivePage(siteConfig, (await siteIndex()).months));
}

export async function yearPaths() {
  const years = Map.groupBy((await siteIndex()).months, (month) => month.year);
  return [...years].map(([year, months]) => ({ params: { year }, props: { year, months } }));
}

export function archiveYear(year: string, months: readonly Month[]): Promise<PageFrame<ArchivePageView>> {
  return frame(archivePage(siteConfig, months, year));
}

// ---- Articles -----------------------------------------------------------------------------------

export async function articlePaths() {
  const [entries, index] = await Promise.all([articleEntries(), siteIndex()]);
  return entries.map((entry) => ({ params: { slug: entry.id }, props: { entry }, cacheKey: articlePageKey(index, entry.data) }));
}

export interface ArticleFrame extends PageFrame<ArticlePageView> {
  readonly article: Article;
  readonly body: PageBody;
  /** The lead image, measured by Astro for `<Picture>`. */
  readonly leadImage?: ImageMetadata | undefined;
}

export async function articlePageProps(entry: ArticleEntry): Promise<ArticleFrame> {
  const article = entry.data;
  const [index, body, leadImage] = await Promise.all([
    siteIndex(),
    pageBody(entry),
    article.image ? contentImage(article.image.file) : undefined,
  ]);
  const lead = leadImage ? await publishedImage(leadImage) : undefined;
  const view = await frame(articlePage(siteConfig, article, articleLinks(index, article), lead));
  return { ...view, article, body, leadImage };
}

/** The largest file the lead image's `<Picture>` publishes, for the JSON-LD: WebP, at most 1,200 pixels wide. */
async function publishedImage(image: ImageMetadata) {
  const width = Math.min(image.width, LEAD_IMAGE_WIDTHS.at(-1) ?? image.width);
  const file = await getImage({ src: image, width, format: 'webp' });
  return { url: absoluteUrl(siteConfig, file.src), width, height: Math.round((image.height * width) / image.width) };
}

// ---- The site's own pages ---------------------------------------------------------------------

export function searchPageProps(): Promise<PageFrame<SearchPageView>> {
  return frame(searchPage(siteConfig));
}

export async function notFoundProps(): Promise<PageFrame<NotFoundPageView>> {
  return frame(notFoundPage(siteConfig, (await siteIndex()).newest));
}
