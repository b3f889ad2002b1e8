import type { Article } from '../article/article.ts';
import { interfaceText, type TextDirection } from './i18n.ts';
import { contentSecurityPolicyFor } from './security.ts';
import { absoluteUrl, articlePath, type SiteAddress } from './urls.ts';

/**
 * The old addresses of moved articles (`aliases` in the front matter): the URL of a published article
 * never changes, so each earlier slug keeps a page at /articles/<old>/ that sends readers on. A static
 * host cannot answer with a 301, so the page does what HTML can: an immediate meta refresh (which
 * search engines follow as a permanent redirect), a canonical link to the new address, noindex so
 * that the old address leaves search results, and a plain link for a browser that does not refresh.
 */
type RedirectTarget = Pick<Article, 'slug' | 'title' | 'lang' | 'dir'>;

/** Every old address of the published articles; drafts and scheduled articles have no address yet, old or new. */
export function redirects<Target extends Pick<Article, 'aliases' | 'status'>>(
  articles: readonly Target[],
): { alias: string; article: Target }[] {
  return articles.flatMap((article) =>
    article.aliases && article.status === 'published' ? article.aliases.map((alias) => ({ alias, article })) : [],
  );
}

export interface RedirectPageView {
  /** The article's language and direction: the page speaks for the article. */
  readonly lang: string;
  readonly dir: TextDirection;
  readonly title: string;
  /** The article's address on this site, base path included: where the refresh and the link lead. */
  readonly path: string;
  readonly canonicalUrl: string;
  /** The `content` of `<meta http-equiv="refresh">`: at once, to the article. */
  readonly refresh: string;
  /** "This article has moved to a new address:", in the article's language. */
  readonly moved: string;
  /** The headline, as the link's words. */
  readonly headline: string;
  /** Absent on the dev server, as on every page (chrome.ts). */
  readonly contentSecurityPolicy?: string | undefined;
}

/** `production`: a built site, whose pages carry the Content Security Policy. */
export function redirectPage(
  site: SiteAddress & { readonly name: string },
  article: RedirectTarget,
  production: boolean,
): RedirectPageView {
  const path = articlePath(site, article.slug);
  return {
    lang: article.lang,
    dir: article.dir,
    title: `${article.title} — ${site.name}`,
    path,
    canonicalUrl: absoluteUrl(site, path),
    // A path, not the absolute URL: the page then leads to the article on whatever host serves it.
    refresh: `0; url=${path}`,
    moved: interfaceText(article.lang).articleMoved,
    headline: article.title,
    contentSecurityPolicy: production ? contentSecurityPolicyFor() : undefined,
  };
}
