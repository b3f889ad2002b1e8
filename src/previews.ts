import { join } from 'node:path';
import type { Article } from './lib/articles.ts';
import { cacheFolder } from './lib/cache.ts';
import { formatShortDate } from './lib/dates.ts';
import { interfaceText, textDirection } from './lib/i18n.ts';
import { cachedPreview, type PreviewCard } from './lib/preview-image.ts';
import { siteConfig } from './site.config.ts';

/**
 * Link-preview pictures for the endpoints under src/pages/previews/. Astro runs the build from the
 * project root, where content/ and .cache/ are.
 */
const root = process.cwd();

export function articlePreview(article: Article): Promise<Buffer> {
  const text = interfaceText(article.lang);
  const card: PreviewCard = {
    headline: article.title,
    kicker: `${article.dateline} · ${formatShortDate(article.date.instant, siteConfig.timeZone, text.dates)}`,
    siteName: siteConfig.name,
    dir: article.dir,
    background: article.image ? join(root, article.image.file) : undefined,
  };
  return cachedPreview(card, cacheFolder(root, 'previews'));
}

export function sitePreview(): Promise<Buffer> {
  return cachedPreview(
    { headline: siteConfig.description, kicker: siteConfig.url.replace(/^https?:\/\//, ''), siteName: siteConfig.name, dir: textDirection(siteConfig.lang) },
    cacheFolder(root, 'previews'),
  );
}
