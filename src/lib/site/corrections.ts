import type { Article, Correction } from '../article/article.ts';
import { formatArticleDate, isoWithOffset } from '../article/dates.ts';
import type { TextDirection } from './i18n.ts';
import { interfaceText } from './i18n.ts';
import { absoluteUrl, articlePath, type SiteAddress } from './urls.ts';
import type { ShownDate, ViewSite } from './view.ts';

/**
 * The corrections log: every correction of every published article, newest first, for the site-wide
 * corrections page and its feed. Each entry links to the Corrections box at the foot of its article.
 */
export interface LoggedCorrection {
  readonly article: Article;
  readonly correction: Correction;
}

/** Newest correction first; corrections of the same instant by article slug, so every build lists them alike. */
export function correctionLog(articles: readonly Article[]): LoggedCorrection[] {
  return articles
    .flatMap((article) => article.corrections.map((correction) => ({ article, correction })))
    .sort(
      (a, b) =>
        b.correction.date.instant.getTime() - a.correction.date.instant.getTime() || a.article.slug.localeCompare(b.article.slug, 'en'),
    );
}

/** The id of an article's Corrections box, which the log and the feed link to. */
const CORRECTIONS_ID = 'corrections';

/** Where a correction is read: the Corrections box of its article. */
export function correctionUrl(site: SiteAddress, article: Pick<Article, 'slug'>): string {
  return absoluteUrl(site, `${articlePath(site, article.slug)}#${CORRECTIONS_ID}`);
}

/** One line of the corrections page, in the article's language and direction. */
export interface CorrectionEntryView {
  readonly date: ShownDate;
  readonly text: string;
  readonly title: string;
  /** The article's Corrections box. */
  readonly path: string;
  readonly lang: string;
  readonly dir: TextDirection;
}

export function correctionEntryView({ article, correction }: LoggedCorrection, site: ViewSite): CorrectionEntryView {
  return {
    date: {
      iso: isoWithOffset(correction.date.instant, site.timeZone),
      text: formatArticleDate(correction.date, site.timeZone, interfaceText(article.lang).dates),
    },
    text: correction.text,
    title: article.title,
    path: `${articlePath(site, article.slug)}#${CORRECTIONS_ID}`,
    lang: article.lang,
    dir: article.dir,
  };
}
