import type { Policies } from './lib/newsroom/policies.ts';
import type { SectionNames } from './lib/site/lists.ts';

/**
 * The one site configuration. Everything that differs between two newsrooms running Dateline lives
 * here; `astro.config.mjs` takes `site` and `base` from it, and pages read the rest.
 *
 * DATELINE_SITE and DATELINE_BASE override the address at build time, so the same tree can deploy to
 * its own domain or under a project path such as https://example.github.io/dateline/.
 * DATELINE_SEARCH_SHARD_SIZE overrides the size of the search index's parts (the tests split by year).
 */
export interface SiteConfig {
  /** The publication's name, shown in the masthead, page titles and link previews. */
  readonly name: string;
  /** One sentence about the publication, for the home page's description. */
  readonly description: string;
  /** Origin the site is served from, without a path: `https://news.example.org`. */
  readonly url: string;
  /** Path the site lives under, with leading and trailing slash: `/` or `/dateline/`. */
  readonly base: string;
  /** BCP 47 language of the site's own pages and the default for articles. */
  readonly lang: string;
  /** IANA time zone every date is shown in. */
  readonly timeZone: string;
  /** Byline used when an article names no authors. */
  readonly defaultByline: string;
  /** Section used when an article names none. */
  readonly defaultSection: string;
  /**
   * Section names in the languages of other editions, by the name in `lang`:
   * `{ World: { ar: 'العالم', fr: 'Monde' } }`. An article may give its section in any of them; each
   * edition shows the name in its language, and all spellings are one section with one address.
   */
  readonly sectionNames?: SectionNames | undefined;
  /** `description` in the languages of other editions, for their front pages and feeds: `{ ar: '…' }`. */
  readonly descriptions?: Readonly<Record<string, string>> | undefined;
  /**
   * Which site page (content/pages/<slug>.md) is which of the newsroom's policies, by its
   * schema.org name: the publisher in every page's structured data points at them, and the footer
   * lists them first. Every page named must exist (`npm run check` says so).
   */
  readonly policies?: Policies | undefined;
  /** The publisher's logo inside public/, for structured data. */
  readonly logo: string;
  /** Articles per list page (home, sections, tags, archive months). */
  readonly pageSize: number;
  /** Newest articles in each feed. */
  readonly feedSize: number;
  /**
   * Articles in one part of the search index, at least (whole years go together; see
   * src/lib/outputs/search-shards.ts). Larger parts mean fewer files for a reader's search to load; smaller
   * ones, less to re-index after an edit.
   */
  readonly searchShardSize: number;
  /**
   * Where an article's file can be edited, as a prefix for its path from the project root
   * (`https://github.com/OWNER/REPO/edit/main/`). Unset, no page shows an edit link.
   */
  readonly editUrl?: string | undefined;
}

export const siteConfig: SiteConfig = {
  name: 'Dateline',
  description: 'News reported from where it happens, with every source named.',
  url: originOf(process.env['DATELINE_SITE'] ?? 'https://dateline.example.org'),
  base: basePathOf(process.env['DATELINE_BASE'] ?? '/'),
  lang: 'en',
  timeZone: 'Asia/Gaza',
  defaultByline: 'Dateline staff',
  defaultSection: 'News',
  sectionNames: {
    World: { ar: 'العالم', fr: 'Monde' },
    Politics: { ar: 'سياسة', fr: 'Politique' },
    Sport: { ar: 'رياضة', fr: 'Sport' },
    Technology: { ar: 'تكنولوجيا', fr: 'Technologie' },
    Economy: { ar: 'اقتصاد', fr: 'Économie' },
    News: { ar: 'أخبار', fr: 'Actualités' },
  },
  descriptions: {
    ar: 'أخبار من حيث تقع، مع تسمية كل مصدر.',
    fr: 'L’actualité depuis là où elle se passe, chaque source nommée.',
  },
  policies: {
    masthead: 'about',
    publishingPrinciples: 'publishing-principles',
    correctionsPolicy: 'corrections-policy',
    ethicsPolicy: 'ethics',
    ownershipFundingInfo: 'ownership-and-funding',
    actionableFeedbackPolicy: 'contact',
  },
  logo: 'logo.png',
  pageSize: 20,
  feedSize: 50,
  searchShardSize: positiveIntegerOf('DATELINE_SEARCH_SHARD_SIZE', process.env['DATELINE_SEARCH_SHARD_SIZE'] ?? '2500'),
  editUrl: process.env['DATELINE_EDIT_URL'] || undefined,
};

function originOf(value: string): string {
  const url = new URL(value);
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(
      `DATELINE_SITE — found "${value}", expected an origin without a path such as https://news.example.org (put the path in DATELINE_BASE)`,
    );
  }
  return url.origin;
}

function basePathOf(value: string): string {
  const trimmed = value.replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

function positiveIntegerOf(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new Error(`${name} — found "${value}", expected a whole number of at least 1`);
  }
  return number;
}
