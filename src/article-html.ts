import { experimental_AstroContainer } from 'astro/container';
import { getEntry, render } from 'astro:content';
import { cachedBodyHtml } from './article-body.ts';

/**
 * Article bodies for the feeds: read from the cache like the page's (src/article-body.ts), and a body
 * with images rendered through Astro's container, which gives the HTML <Content /> gives on the page.
 * Kept apart from the page's module: the container brings in the build's random key, which would
 * make every article page look changed to the incremental build.
 */
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
