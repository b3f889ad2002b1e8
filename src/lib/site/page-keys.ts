import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import type { ArticleLinks } from './lists.ts';
import type { ListPage } from './paging.ts';

/**
 * Keys for Astro's incremental build (`experimental.incrementalBuild` in astro.config.mjs): a page
 * whose key and whose code are both unchanged since the last build is copied from `.cache/astro/`
 * instead of rendered again. A key is a hash of every value the page shows that does not come from
 * code, so each key below is built from the same functions the page renders with; a key that missed
 * a value would leave a page stale, which the build tests check against a full build.
 */
function pageKey(...inputs: unknown[]): string {
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

/**
 * `layout`, in every key: what the page's masthead shows from the content (its edition's sections,
 * the other editions), as src/data/pages.ts works it out.
 */

/** An article page: the article (its body by the key of its rendered HTML), every link it lists, its bylines' profiles. */
export function articlePageKey(layout: unknown, article: Article, links: ArticleLinks, profiles: readonly unknown[] = []): string {
  const { section, moreInSection, related, versions } = links;
  return pageKey(layout, article, [section.slug, section.name], moreInSection, related, versions, profiles);
}

/** The old address of a moved article (redirects.ts): it shows nothing but its view. */
export function redirectPageKey(view: unknown): string {
  return pageKey('redirect', view);
}

/** A page of a list: its articles and its place among the pages (paging.ts), with what heads it. */
export function listPageKey(layout: unknown, page: ListPage<Article>, heading: unknown): string {
  const { data, number, url } = page;
  return pageKey(layout, heading, data, number, url);
}

/** Paths of list pages, each with the key of its page. */
export function withListKeys<Path extends { props: { page: ListPage<Article> } }>(
  layout: unknown,
  paths: readonly Path[],
  heading: unknown,
): (Path & { cacheKey: string })[] {
  return paths.map((path) => ({ ...path, cacheKey: listPageKey(layout, path.props.page, heading) }));
}
