import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { bodyRuleProblems } from '../lib/article/body-rules.ts';
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
  /** What the sanitizer removed from their bodies, with lines. */
  readonly warnings: readonly Problem[];
}

/** Where the checks of the newsroom's files put what they find. */
interface Findings {
  readonly problems: Problem[];
  readonly warnings: Problem[];
}

/** `editions`: the folders of the site's editions, which no page may take. */
export async function checkNewsroomFiles(
  pageFiles: readonly string[],
  authorFiles: readonly string[],
  settings: JobSettings,
  editions: readonly string[],
): Promise<NewsroomReport> {
  const found: Findings = { problems: [], warnings: [] };
  const rules = { timeZone: settings.site.timeZone, defaultLang: settings.site.lang };
  const pageChecks = await Promise.all(pageFiles.map(async (file) => checkSitePageFile(file, await read(settings, file), rules)));
  const authorChecks = await Promise.all(authorFiles.map(async (file) => checkAuthorFile(file, await read(settings, file))));

  const pages = await renderChecked(
    settings,
    pageChecks.map((check) => (check.ok ? { ok: true as const, item: check.page } : check)),
    (page) => page.lang,
    found,
  );
  found.problems.push(...sitePageClashes(pages.checked, editions));
  const authors = await renderChecked(
    settings,
    authorChecks.map((check) => (check.ok ? { ok: true as const, item: check.author } : check)),
    () => settings.site.lang,
    found,
  );
  found.problems.push(...authorClashes(authors.checked));
  return { pages: pages.rendered, authors: authors.rendered, ...found };
}

type FileCheck<Item> = { ok: true; item: Item & { body: string; bodyLine: number } } | { ok: false; problems: readonly Problem[] };

/** The files that passed their checks, and those of them whose bodies rendered; every problem and warning goes to `found`. */
async function renderChecked<Item extends { file: string }>(
  settings: JobSettings,
  checks: readonly FileCheck<Item>[],
  langOf: (item: Item) => string,
  found: Findings,
): Promise<{ checked: Item[]; rendered: Rendered<Item>[] }> {
  const checked: Item[] = [];
  const rendered: Rendered<Item>[] = [];
  for (const check of checks) {
    if (!check.ok) {
      found.problems.push(...check.problems);
      continue;
    }
    const { body, bodyLine, ...fields } = check.item;
    const item = fields as unknown as Item;
    checked.push(item);
    const outcome = await renderFile(settings, { file: item.file, lang: langOf(item), bodyLine }, body, found);
    if (outcome) rendered.push({ item, ...outcome });
  }
  return { checked, rendered };
}

function read(settings: JobSettings, file: string): Promise<Buffer> {
  return readFile(resolve(settings.root, file));
}

/**
 * The body rendered (or, for `npm run check`, inspected) and held to the articles' body rules: its
 * images, raw HTML that would swallow text, what the sanitizer removes. Undefined with its problems added.
 */
async function renderFile(
  settings: JobSettings,
  fields: { file: string; lang: string; bodyLine: number },
  body: string,
  found: Findings,
): Promise<Omit<Rendered<unknown>, 'item'> | undefined> {
  const rules = articleRules(settings.site, settings.root, new Date(settings.now));
  // Site pages and profiles are never drafts: the placeholder of `npm run new` has no place in them either.
  const bodyFile = { file: fields.file, body, bodyLine: fields.bodyLine, draft: false };
  const hold = (findings: Parameters<typeof bodyRuleProblems>[1]) => {
    const held = bodyRuleProblems(bodyFile, findings, rules);
    found.problems.push(...held.problems);
    found.warnings.push(...held.warnings);
    return held.problems.length === 0;
  };
  if (settings.mode === 'parse') {
    const { inspectBody } = await import('../lib/markdown/inspect.ts');
    return hold(inspectBody(body)) ? { localImagePaths: [] } : undefined;
  }
  const rendered = await renderBody(settings.root, settings.pipeline, { ...fields, dateline: '' }, body);
  if (!rendered.ok) {
    found.problems.push(...rendered.problems);
    return undefined;
  }
  return hold(rendered.body) ? { htmlKey: rendered.key, localImagePaths: rendered.body.localImagePaths } : undefined;
}
