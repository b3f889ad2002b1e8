import { join } from 'node:path';
import type { Article } from '../article/article.ts';
import { formatShortDate } from '../article/dates.ts';
import { interfaceText, textDirection, type TextDirection } from '../site/i18n.ts';

/**
 * The preview card: the picture a shared link unfolds into, 1200×630 JPEG under 300 KB (WhatsApp
 * drops larger ones), with the headline, dateline, date and site name in the article's language
 * and direction; the article's lead picture above a band that holds them, or, without a picture,
 * its standfirst below the headline. This module says what each card shows; src/build/preview-card-drawing.ts draws it
 * and keeps it in `.cache/previews/`. The build draws the cards of published articles while it
 * renders their bodies and links them into dist/previews/; the dev server draws one when a page asks.
 */
export const PREVIEW_WIDTH = 1200;
export const PREVIEW_HEIGHT = 630;
export const PREVIEW_MAX_BYTES = 300 * 1024;

export interface PreviewCard {
  readonly headline: string;
  /** "GAZA · 14 July 2024", in the article's language. */
  readonly kicker: string;
  readonly siteName: string;
  readonly dir: TextDirection;
  /** The summary, shown under the headline on a card without a picture. */
  readonly standfirst?: string | undefined;
  /** Absolute path of the lead picture, which fills the card above the headline, if the article has one. */
  readonly picture?: string | undefined;
}

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
    standfirst: article.summary,
    picture: article.image ? join(root, article.image.file) : undefined,
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
