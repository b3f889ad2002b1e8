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

  const pages = await renderChecked(
    settings,
    pageChecks.map((check) => (check.ok ? { ok: true as const, item: check.page } : check)),
    (page) => page.lang,
    problems,
  );
  problems.push(...sitePageClashes(pages.checked, editions));
  const authors = await renderChecked(
    settings,
    authorChecks.map((check) => (check.ok ? { ok: true as const, item: check.author } : check)),
    () => settings.site.lang,
    problems,
  );
  problems.push(...authorClashes(authors.checked));
  return { pages: pages.rendered, authors: authors.rendered, problems };
}

type FileCheck<Item> = { ok: true; item: Item & { body: string; bodyLine: number } } | { ok: false; problems: readonly Problem[] };

/** The files that passed their checks, and those of them whose bodies rendered; every problem goes to `problems`. */
async function renderChecked<Item extends { file: string }>(
  settings: JobSettings,
  checks: readonly FileCheck<Item>[],
  langOf: (item: Item) => string,
  problems: Problem[],
): Promise<{ checked: Item[]; rendered: Rendered<Item>[] }> {
  const checked: Item[] = [];
  const rendered: Rendered<Item>[] = [];
  for (const check of checks) {
    if (!check.ok) {
      problems.push(...check.problems);
      continue;
    }
    const { body, bodyLine, ...fields } = check.item;
    const item = fields as unknown as Item;
    checked.push(item);
    const outcome = await renderFile(settings, { file: item.file, lang: langOf(item), bodyLine }, body, problems);
    if (outcome) rendered.push({ item, ...outcome });
  }
  return { checked, rendered };
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
