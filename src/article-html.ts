import { experimental_AstroContainer } from 'astro/container';
import { getEntry, render, type CollectionEntry } from 'astro:content';
import { readArticleBody } from './lib/article-job.ts';

/**
 * Article bodies as HTML. The content sync renders each body once into `.cache/html/` (see
 * src/loaders/articles.ts); pages and feeds read it from there. A body with images is the exception:
 * Astro resolves its pictures to optimised files when it renders the entry, so the page renders it
 * with <Content /> and the feeds through Astro's container, which gives the same HTML.
 */
const root = process.cwd();

/** The body from the cache, or undefined when Astro must render it because it has images. */
export async function cachedBodyHtml(entry: CollectionEntry<'articles'>): Promise<string | undefined> {
  return entry.rendered ? undefined : (await readArticleBody(root, entry.data.htmlKey)).html;
}

let container: Promise<experimental_AstroContainer> | undefined;
const bodies = new Map<string, Promise<string>>();

/**
 * The body of the article with that slug, for the feeds: each is read once per build, and only if a
 * feed asks for it (the site feed and the section feeds share most of their articles).
 */
export function articleBody(slug: string): Promise<string> {
  // The dev server's content changes while it runs: there, every request reads afresh.
  if (import.meta.env.DEV) bodies.clear();
  let body = bodies.get(slug);
  if (!body) {
    body = feedBody(slug);
    bodies.set(slug, body);
  }
  return body;
}

async function feedBody(slug: string): Promise<string> {
  const entry = await getEntry('articles', slug);
  if (!entry) throw new Error(`No article "${slug}" to put in a feed`);
  const cached = await cachedBodyHtml(entry);
  if (cached !== undefined) return cached;
  container ??= experimental_AstroContainer.create();
  const { Content } = await render(entry);
  return (await container).renderToString(Content);
}
