import type { CollectionEntry } from 'astro:content';
import { readArticleBody } from './lib/article-job.ts';

/**
 * Article bodies as HTML. The content sync renders each body once into `.cache/html/` (see
 * src/loaders/articles.ts); pages and feeds read it from there. A body with images is the exception:
 * Astro resolves its pictures to optimised files when it renders the entry, so the page renders it
 * with <Content /> (and the feeds through Astro's container: src/article-html.ts).
 */
const root = process.cwd();

/** The body from the cache, or undefined when Astro must render it because it has images. */
export async function cachedBodyHtml(entry: CollectionEntry<'articles'>): Promise<string | undefined> {
  return entry.rendered ? undefined : (await readArticleBody(root, entry.data.htmlKey)).html;
}
