import { experimental_AstroContainer } from 'astro/container';
import { getCollection, render } from 'astro:content';

/**
 * Article bodies as HTML strings, as the article page shows them (body images resolved to their
 * optimised files), for the feeds. Astro's container renders the same Content component the page does.
 */
let container: Promise<experimental_AstroContainer> | undefined;

export async function articleBodies(): Promise<Map<string, string>> {
  container ??= experimental_AstroContainer.create();
  const renderer = await container;
  const bodies = new Map<string, string>();
  for (const entry of await getCollection('articles')) {
    const { Content } = await render(entry);
    bodies.set(entry.id, await renderer.renderToString(Content));
  }
  return bodies;
}
