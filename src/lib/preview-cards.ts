import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Article } from './articles.ts';
import { writeAtomically } from './cache.ts';
import { formatShortDate } from './dates.ts';
import { interfaceText, textDirection } from './i18n.ts';
import { previewKey, renderPreview, type PreviewCard } from './preview-image.ts';

/**
 * What each link-preview card shows, and the card's file in the preview cache. The build draws
 * the cards of published articles while it renders their bodies (src/lib/article-job.ts) and copies
 * them into the site; the dev server draws one when a page asks for it. Both go through here.
 */
export interface CardSite {
  readonly name: string;
  readonly timeZone: string;
  readonly lang: string;
  readonly url: string;
  readonly description: string;
}

export function articleCard(article: Article, site: Pick<CardSite, 'name' | 'timeZone'>, root: string): PreviewCard {
  const text = interfaceText(article.lang);
  return {
    headline: article.title,
    kicker: `${article.dateline} · ${formatShortDate(article.date.instant, site.timeZone, text.dates)}`,
    siteName: site.name,
    dir: article.dir,
    background: article.image ? join(root, article.image.file) : undefined,
  };
}

export function siteCard(site: CardSite): PreviewCard {
  return {
    headline: site.description,
    kicker: site.url.replace(/^https?:\/\//, ''),
    siteName: site.name,
    dir: textDirection(site.lang),
  };
}

/** The card's key, after drawing it into `cacheDir` unless a card with that key is there already. */
export async function ensurePreview(card: PreviewCard, cacheDir: string): Promise<string> {
  const key = await previewKey(card);
  const path = previewFile(cacheDir, key);
  if (!existsSync(path)) await writeAtomically(path, await renderPreview(card));
  return key;
}

/** The card's picture, from the cache or drawn into it (the dev server's routes ask for these). */
export async function cachedPreview(card: PreviewCard, cacheDir: string): Promise<Buffer> {
  return readFile(previewFile(cacheDir, await ensurePreview(card, cacheDir)));
}

export function previewFile(cacheDir: string, key: string): string {
  return join(cacheDir, `${key}.jpg`);
}
