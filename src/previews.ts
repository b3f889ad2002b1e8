import type { Article } from './lib/articles.ts';
import { cacheFolder } from './lib/cache.ts';
import { articleCard, cachedPreview, siteCard } from './lib/preview-cards.ts';
import { siteConfig } from './site.config.ts';

/**
 * Link-preview pictures drawn on request: the site's card (src/pages/previews/site.jpg.ts) and, on
 * the dev server only, each article's (a build draws those with the bodies and copies them in; see
 * src/build-outputs.ts). Astro runs from the project root, where content/ and .cache/ are.
 */
const root = process.cwd();

export function articlePreview(article: Article): Promise<Buffer> {
  return cachedPreview(articleCard(article, siteConfig, root), cacheFolder(root, 'previews'));
}

export function sitePreview(): Promise<Buffer> {
  return cachedPreview(siteCard(siteConfig), cacheFolder(root, 'previews'));
}
