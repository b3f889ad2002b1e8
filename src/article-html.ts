import { experimental_AstroContainer } from 'astro/container';
import { getEntry, render } from 'astro:content';

/**
 * Article bodies as HTML strings, as the article page shows them (body images resolved to their
 * optimised files), for the feeds. Astro's container renders the same Content component the page
 * does. Each body is rendered once per build, and only if a feed asks for it: the site feed and the
 * section feeds share most of their articles.
 */
let container: Promise<experimental_AstroContainer> | undefined;
const bodies = new Map<string, Promise<string>>();

export function articleBody(slug: string): Promise<string> {
  // The dev server's content changes while it runs: there, every request renders afresh.
  if (import.meta.env.DEV) bodies.clear();
  let body = bodies.get(slug);
  if (!body) {
    body = renderBody(slug);
    bodies.set(slug, body);
  }
  return body;
}

async function renderBody(slug: string): Promise<string> {
  container ??= experimental_AstroContainer.create();
  const entry = await getEntry('articles', slug);
  if (!entry) throw new Error(`No article "${slug}" to put in a feed`);
  const { Content } = await render(entry);
  return (await container).renderToString(Content);
}
