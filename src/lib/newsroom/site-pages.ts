import { z } from 'zod';
import { readContentFile } from '../article/article.ts';
import type { ArticleDate } from '../article/dates.ts';
import { sortProblems, type Problem } from '../article/problems.ts';
import { articleDate, checkFields, languageTag, text, TITLE_MAX } from '../article/schema.ts';
import { SLUG_EXPECTED, isValidSlug, slugFromFileName } from '../article/slugs.ts';
import { textDirection, type TextDirection } from '../site/i18n.ts';

/**
 * Site pages: the newsroom's own pages (About, Contact, its policies), one Markdown file each under
 * content/pages/, published at `/<slug>/` through the same Markdown pipeline as articles.
 */
export interface SitePage {
  readonly slug: string;
  /** Path of the Markdown file from the project root: `content/pages/about.md`. */
  readonly file: string;
  readonly title: string;
  readonly summary?: string | undefined;
  readonly updated?: ArticleDate | undefined;
  readonly lang: string;
  readonly dir: TextDirection;
}

export interface CheckedSitePage extends SitePage {
  readonly body: string;
  readonly bodyLine: number;
}

export const SITE_PAGE_FIELDS = ['title', 'summary', 'lang', 'updated'] as const;

const SUMMARY_MAX = 300;

export function sitePageSchema(timeZone: string) {
  return z.strictObject({
    title: text(`the page's title as plain text of 1–${TITLE_MAX} characters`, TITLE_MAX),
    summary: text(
      `one or two sentences of at most ${SUMMARY_MAX} characters, for search results and link previews`,
      SUMMARY_MAX,
    ).optional(),
    lang: languageTag.optional(),
    updated: articleDate({ timeZone }).optional(),
  });
}

export interface SitePageRules {
  readonly timeZone: string;
  readonly defaultLang: string;
}

export type SitePageCheck = { ok: true; page: CheckedSitePage } | { ok: false; problems: Problem[] };

export function checkSitePageFile(file: string, bytes: Uint8Array, rules: SitePageRules): SitePageCheck {
  const read = readContentFile(file, bytes);
  if (!read.ok) return read;
  const { frontMatter } = read;
  const checked = checkFields(
    sitePageSchema(rules.timeZone),
    { name: 'site page', fields: SITE_PAGE_FIELDS },
    frontMatter.data,
    frontMatter.lineOf,
  );
  const problems: Problem[] = checked.ok ? [] : checked.problems.map((problem) => ({ file, ...problem }));
  const slug = slugFromFileName(file);
  if (!isValidSlug(slug)) {
    problems.push({ file, field: 'file name', found: `"${slug}"`, expected: `a file name that is a slug: ${SLUG_EXPECTED}` });
  }
  if (!checked.ok || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  const lang = checked.data.lang ?? rules.defaultLang;
  return {
    ok: true,
    page: {
      slug,
      file,
      title: checked.data.title,
      summary: checked.data.summary,
      updated: checked.data.updated,
      lang,
      dir: textDirection(lang),
      body: frontMatter.body,
      bodyLine: frontMatter.bodyLine,
    },
  };
}

/**
 * Site pages live at the top of the site, beside the site's own folders and each edition's: a page
 * may take none of those names, and no two pages one slug.
 */
const RESERVED_SLUGS = [
  'admin',
  'archive',
  'articles',
  'authors',
  'corrections',
  'feed',
  'latest',
  'pagefind',
  'previews',
  'scripts',
  'search',
  'sections',
  'tags',
] as const;

/** `editions`: the folders of the site's editions (`ar`, `fr`), which pages may not take either. */
export function sitePageClashes(pages: readonly Pick<SitePage, 'slug' | 'file'>[], editions: readonly string[]): Problem[] {
  const reserved = new Set<string>([...RESERVED_SLUGS, ...editions]);
  const problems: Problem[] = [];
  for (const page of pages) {
    if (reserved.has(page.slug)) {
      const what = editions.includes(page.slug) ? `the folder of the "${page.slug}" edition` : 'a folder of the site';
      problems.push({
        file: page.file,
        field: 'file name',
        found: `"${page.slug}", which is ${what}`,
        expected: `another file name: a page may not be called ${[...reserved].join(', ')}`,
      });
    }
    const same = pages.filter((other) => other.slug === page.slug && other !== page);
    if (same.length > 0) {
      problems.push({
        file: page.file,
        field: 'file name',
        found: `"${page.slug}", which ${same.map((other) => other.file).join(' and ')} also ${same.length === 1 ? 'has' : 'have'}`,
        expected: 'one page per slug: rename one of the files',
      });
    }
  }
  return problems;
}
