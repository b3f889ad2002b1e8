import { createHash } from 'node:crypto';
import type { Article } from '../article/article.ts';
import { formatShortDate, isoWithOffset, yearIn } from '../article/dates.ts';
import { interfaceText } from '../site/i18n.ts';

/**
 * The search index comes in parts ("shards") by year of publication, each a whole Pagefind index
 * that the search page merges with the others in the reader's browser. Pagefind cannot update an
 * index, only build one anew; split this way, a build re-indexes only the parts whose articles
 * changed (an edit or a new article touches one), and builds several parts at once on several
 * cores. Whole years go together, oldest first, until a part holds at least `size` articles: the
 * parts stay few (a reader's search loads each), and old parts keep their articles as new ones
 * arrive.
 */
/** What the index needs of a published article: its fields, its rendered body's name, its year. */
export interface IndexedArticle extends Pick<Article, 'slug' | 'title' | 'summary' | 'section' | 'tags' | 'lang' | 'dateline'> {
  /** Name of the rendered body under `.cache/html/`. */
  readonly htmlKey: string;
  /** Year of publication in the site's time zone: which part of the search index holds it. */
  readonly year: number;
  /** When it was published, for the result to show: the instant with the zone's offset, and the short date in its language. */
  readonly published: { readonly iso: string; readonly text: string };
}

/** The article as the index holds it: dates in the site's time zone, written in the article's language. */
export function indexedArticle(article: Article, htmlKey: string, timeZone: string): IndexedArticle {
  const { slug, title, summary, section, tags, lang, dateline, date } = article;
  return {
    slug,
    title,
    summary,
    section,
    tags,
    lang,
    dateline,
    htmlKey,
    year: yearIn(date.instant, timeZone),
    published: { iso: isoWithOffset(date.instant, timeZone), text: formatShortDate(date.instant, timeZone, interfaceText(lang).dates) },
  };
}

export interface SearchShard {
  /** The first year in the part: its folder name under pagefind/ for every part but the newest. */
  readonly id: string;
  /** Its articles, in the order of the build manifest (Pagefind's files depend on the order). */
  readonly articles: readonly IndexedArticle[];
}

export function searchShards(published: readonly IndexedArticle[], size: number): SearchShard[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`A search index part holds at least one article; got ${size}`);
  const byYear = new Map<number, IndexedArticle[]>();
  for (const article of published) {
    const year = byYear.get(article.year);
    if (year) year.push(article);
    else byYear.set(article.year, [article]);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  const shards: SearchShard[] = [];
  let current: number[] = [];
  let held = 0;
  const close = () => {
    const inShard = new Set(current);
    shards.push({ id: String(current[0]), articles: published.filter((article) => inShard.has(article.year)) });
    current = [];
    held = 0;
  };
  for (const year of years) {
    current.push(year);
    held += byYear.get(year)?.length ?? 0;
    if (held >= size) close();
  }
  if (current.length > 0) close();
  // A site with nothing published still gets an index, empty, so its search page finds nothing
  // rather than failing to load one.
  return shards.length > 0 ? shards : [{ id: 'empty', articles: [] }];
}

/** What one article gives the search index (Pagefind's custom record): address, words, title, filters. */
export interface SearchRecord {
  url: string;
  content: string;
  language: string;
  /** What a result shows besides its excerpt: headline, dateline and date. */
  meta: { title: string; dateline: string; date: string; datetime: string };
  filters: { section: string[]; tag: string[] };
}

/** `text` is the article body as readers see it (from the rendered body in `.cache/html/`). */
export function searchRecord(article: IndexedArticle, text: string, url: string, lang: string): SearchRecord {
  return {
    url,
    content: [article.title, article.summary ?? '', text].join('\n'),
    language: lang,
    meta: { title: article.title, dateline: article.dateline, date: article.published.text, datetime: article.published.iso },
    filters: { section: [article.section], tag: [...article.tags] },
  };
}

/**
 * Names a built part by everything its files depend on: the code that made it (a fingerprint of
 * the pipeline, the record code and Pagefind, in `code`), the language, and each article's address,
 * fields and rendered body, in order.
 */
export function shardKey(shard: SearchShard, code: string, lang: string): string {
  const hash = createHash('sha256').update(`${code}\n${lang}\n`);
  for (const { slug, title, summary, section, tags, htmlKey, dateline, published } of shard.articles) {
    hash.update(JSON.stringify([slug, title, summary ?? '', section, tags, htmlKey, dateline, published]));
    hash.update('\n');
  }
  return hash.digest('hex').slice(0, 32);
}
