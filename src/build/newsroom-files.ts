import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { imageProblems, imageReferences, parseBody } from '../lib/article/body-rules.ts';
import type { Problem } from '../lib/article/problems.ts';
import { authorClashes, checkAuthorFile, type AuthorProfile } from '../lib/newsroom/authors.ts';
import { checkSitePageFile, sitePageClashes, type SitePage } from '../lib/newsroom/site-pages.ts';
import { articleRules, type JobSettings } from './article-job.ts';
import { renderBody } from './body-cache.ts';

/**
 * The newsroom's own files, beside the articles: site pages (content/pages/) and author profiles
 * (content/authors/), checked against their formats and their bodies rendered through the same
 * pipeline and body cache as articles. A few dozen files at most: they run on the calling thread.
 */
export interface Rendered<Item> {
  readonly item: Item;
  /** Name of the rendered body under `.cache/html/` (render mode only). */
  readonly htmlKey?: string | undefined;
  readonly localImagePaths: readonly string[];
}

export interface NewsroomReport {
  readonly pages: readonly Rendered<SitePage>[];
  readonly authors: readonly Rendered<AuthorProfile>[];
  readonly problems: readonly Problem[];
}

/** `editions`: the folders of the site's editions, which no page may take. */
export async function checkNewsroomFiles(
  pageFiles: readonly string[],
  authorFiles: readonly string[],
  settings: JobSettings,
  editions: readonly string[],
): Promise<NewsroomReport> {
  const problems: Problem[] = [];
  const rules = { timeZone: settings.site.timeZone, defaultLang: settings.site.lang };
  const pageChecks = await Promise.all(pageFiles.map(async (file) => checkSitePageFile(file, await read(settings, file), rules)));
  const authorChecks = await Promise.all(authorFiles.map(async (file) => checkAuthorFile(file, await read(settings, file))));

  const pages: Rendered<SitePage>[] = [];
  const checkedPages = [];
  for (const check of pageChecks) {
    if (!check.ok) {
      problems.push(...check.problems);
      continue;
    }
    checkedPages.push(check.page);
    const { body, bodyLine, ...page } = check.page;
    const rendered = await renderFile(settings, { file: page.file, lang: page.lang, bodyLine }, body, problems);
    if (rendered) pages.push({ item: page, ...rendered });
  }
  problems.push(...sitePageClashes(checkedPages, editions));

  const authors: Rendered<AuthorProfile>[] = [];
  const checkedAuthors = [];
  for (const check of authorChecks) {
    if (!check.ok) {
      problems.push(...check.problems);
      continue;
    }
    checkedAuthors.push(check.author);
    const { body, bodyLine, ...author } = check.author;
    const rendered = await renderFile(settings, { file: author.file, lang: settings.site.lang, bodyLine }, body, problems);
    if (rendered) authors.push({ item: author, ...rendered });
  }
  problems.push(...authorClashes(checkedAuthors));
  return { pages, authors, problems };
}

function read(settings: JobSettings, file: string): Promise<Buffer> {
  return readFile(resolve(settings.root, file));
}

/** The body rendered (or, for `npm run check`, parsed) and held to the body rules; undefined with its problems added. */
async function renderFile(
  settings: JobSettings,
  fields: { file: string; lang: string; bodyLine: number },
  body: string,
  problems: Problem[],
): Promise<Omit<Rendered<unknown>, 'item'> | undefined> {
  const rules = articleRules(settings.site, settings.root, new Date(settings.now));
  if (settings.mode === 'parse') {
    const found = imageProblems(imageReferences(parseBody(body)), fields.file, rules);
    problems.push(...found);
    return found.length > 0 ? undefined : { localImagePaths: [] };
  }
  const rendered = await renderBody(settings.root, settings.pipeline, { ...fields, dateline: '' }, body);
  if (!rendered.ok) {
    problems.push(...rendered.problems);
    return undefined;
  }
  const found = imageProblems(rendered.body.images, fields.file, rules);
  problems.push(...found);
  return found.length > 0 ? undefined : { htmlKey: rendered.key, localImagePaths: rendered.body.localImagePaths };
}
