import type { Article } from '../lib/article/article.ts';
import { cacheFolder } from '../build/cache.ts';
import { cachedPreview } from '../build/preview-card-drawing.ts';
import { articleCard, siteCard } from '../lib/outputs/preview-card.ts';
import { siteConfig } from '../site.config.ts';

/**
 * Preview cards drawn on request: the site's card (src/pages/previews/site.jpg.ts) and, on
 * the dev server only, each article's (a build draws those with the bodies and links them in; see
 * src/integration/dateline.ts). Astro runs from the project root, where content/ and .cache/ are.
 */
const root = process.cwd();

export function articlePreviewCard(article: Article): Promise<Buffer> {
  return cachedPreview(articleCard(article, siteConfig, root), cacheFolder(root, 'previews'));
}

export function sitePreviewCard(): Promise<Buffer> {
  return cachedPreview(siteCard(siteConfig), cacheFolder(root, 'previews'));
}
