import { getCollection, render, type CollectionEntry } from 'astro:content';
import { readArticleBody } from '../build/body-cache.ts';

/**
 * Article bodies as HTML, for the article pages (and the bodies of site pages and author profiles). The content sync renders each body once into
 * `.cache/html/` (src/build/body-cache.ts); pages read it from there. A body with images is the
 * exception: Astro resolves its pictures to optimised files when it renders the entry, so the page
 * renders it with <Content /> (the feeds' bodies: src/data/feeds.ts).
 */
const root = process.cwd();

export type ArticleEntry = CollectionEntry<'articles'>;

/** An entry whose body the content sync rendered: an article, a site page or an author profile. */
export type BodyEntry = CollectionEntry<'articles' | 'pages' | 'authors'>;

export type PageBody = { readonly html: string } | { readonly Content: Awaited<ReturnType<typeof render>>['Content'] };

/** The body from the cache, or undefined when Astro must render it because it has images. */
export function cachedBodyHtml(entry: BodyEntry): string | undefined {
  return entry.rendered ? undefined : readArticleBody(root, entry.data.htmlKey).html;
}

/** What a page puts in its body: the cached HTML, or Astro's rendering of a body with images. */
export async function pageBody(entry: BodyEntry): Promise<PageBody> {
  const html = cachedBodyHtml(entry);
  return html === undefined ? { Content: (await render(entry)).Content } : { html };
}

/** Every article of the build (the dev server's drafts and scheduled articles too). */
export function articleEntries(): Promise<ArticleEntry[]> {
  return getCollection('articles');
}
