import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkArticleFile, type Article, type ArticleRules, type CheckedArticle } from './articles.ts';
import { imageProblems, imageReferences, parseBody, type ImageReference } from './body.ts';
import { CACHE_DIR, cacheFolder, writeAtomically } from './cache.ts';
import type { RenderContext, createArticleRenderer } from './markdown.ts';
import { articleCard, ensurePreview } from './preview-cards.ts';
import type { Problem } from './problems.ts';
import { readingMinutes } from './reading.ts';

/**
 * Everything the build does with one article file, in one function that runs alike in a worker
 * thread and in the calling thread (src/lib/article-pool.ts decides): check the file against the
 * format, then either parse the body for its rules (`npm run check`) or render it through the one
 * Markdown pipeline, and draw the article's link-preview card. Rendered bodies are kept under
 * `.cache/html/`, named by a hash of everything the HTML depends on (the body, the fields the
 * pipeline reads, and a fingerprint of the pipeline's code and installed packages), so that an
 * unchanged article is never rendered twice; the article page reads its body from there.
 */

export const CONTENT_DIR = 'content';

/** The site settings the article rules depend on. */
export interface SiteRules {
  readonly timeZone: string;
  readonly lang: string;
  readonly defaultSection: string;
  readonly defaultByline: string;
}

export interface JobSite extends SiteRules {
  /** The publication's name, on every preview card. */
  readonly name: string;
}

export interface JobSettings {
  readonly root: string;
  readonly site: JobSite;
  /** The build's moment, as milliseconds: it decides whether a dated article is public yet. */
  readonly now: number;
  /** `render` for the build, `parse` for `npm run check` (the same rules, without rendering). */
  readonly mode: 'render' | 'parse';
  /** Draw the link-preview card of every published article (builds; the dev server draws on request). */
  readonly previews: boolean;
  /** From `pipelineFingerprint`: part of every HTML cache key. */
  readonly pipeline: string;
}

/** An article file as checked, without its body (which stays in the worker). */
export type CheckedFile = Omit<CheckedArticle, 'body'>;

export interface RenderedBody {
  readonly article: Article;
  /** Name of the rendered body under `.cache/html/`; read it with `readArticleHtml`. */
  readonly htmlKey: string;
  /** Images in the body that Astro must resolve, as the pipeline found them. */
  readonly localImagePaths: readonly string[];
  /** Name of the link-preview card under `.cache/previews/`, for published articles in a build. */
  readonly previewKey?: string | undefined;
}

export type JobResult =
  | { readonly ok: false; readonly file: string; readonly problems: readonly Problem[] }
  | {
      readonly ok: true;
      readonly checked: CheckedFile;
      readonly warnings: readonly Problem[];
      /** Problems of the body (images); the file is still checked, so slug clashes count it. */
      readonly bodyProblems: readonly Problem[];
      /** Present in `render` mode when the body rendered and passed its rules. */
      readonly rendered?: RenderedBody | undefined;
    };

/** What the HTML cache keeps for each rendered body. */
export interface CachedBody {
  readonly html: string;
  /** The body's words as readers see them, for the search index. */
  readonly text: string;
  readonly words: number;
  readonly images: readonly ImageReference[];
  readonly localImagePaths: readonly string[];
}

export function articleRules(site: SiteRules, root: string, now: Date): ArticleRules {
  return {
    timeZone: site.timeZone,
    defaultLang: site.lang,
    defaultSection: site.defaultSection,
    defaultAuthors: [site.defaultByline],
    contentDir: CONTENT_DIR,
    now,
    fileExists: (file) => existsSync(resolve(root, file)),
  };
}

export async function runArticleJob(file: string, settings: JobSettings): Promise<JobResult> {
  const rules = articleRules(settings.site, settings.root, new Date(settings.now));
  const result = checkArticleFile(file, await readFile(resolve(settings.root, file)), rules);
  if (!result.ok) return { ok: false, file, problems: result.problems };
  const { body, ...checked } = result.article;

  if (settings.mode === 'parse') {
    const bodyProblems = imageProblems(imageReferences(parseBody(body)), file, rules);
    return { ok: true, checked, warnings: result.warnings, bodyProblems };
  }

  const rendered = await renderBody(checked, body, settings);
  if (!rendered.ok) return { ok: true, checked, warnings: result.warnings, bodyProblems: rendered.problems };
  const bodyProblems = imageProblems(rendered.body.images, file, rules);
  if (bodyProblems.length > 0) return { ok: true, checked, warnings: result.warnings, bodyProblems };

  const { bodyLine: _bodyLine, slugLine: _slugLine, ...fields } = checked;
  const article: Article = { ...fields, readingMinutes: readingMinutes(rendered.body.words) };
  const previewKey = settings.previews && article.status === 'published'
    ? await ensurePreview(articleCard(article, settings.site, settings.root), cacheFolder(settings.root, 'previews'))
    : undefined;
  return {
    ok: true,
    checked,
    warnings: result.warnings,
    bodyProblems: [],
    rendered: { article, htmlKey: rendered.key, localImagePaths: rendered.body.localImagePaths, previewKey },
  };
}

type BodyOutcome = { ok: true; key: string; body: CachedBody } | { ok: false; problems: Problem[] };

// Loaded on the first body that is not in the cache: a rebuild that finds every body there never
// loads the Markdown pipeline (and its highlighters) into its workers at all.
let renderer: ReturnType<typeof createArticleRenderer> | undefined;

async function renderBody(article: CheckedFile, body: string, settings: JobSettings): Promise<BodyOutcome> {
  const key = createHash('sha256')
    .update(JSON.stringify([settings.pipeline, article.file, article.dateline, article.lang]))
    .update(body)
    .digest('hex')
    .slice(0, 32);
  const path = htmlPath(settings.root, key);
  const cached = await readFile(path, 'utf8').then((json) => JSON.parse(json) as CachedBody, () => undefined);
  if (cached) return { ok: true, key, body: cached };

  const context: RenderContext = { dateline: article.dateline, lang: article.lang };
  let result: Awaited<ReturnType<Awaited<ReturnType<typeof createArticleRenderer>>['render']>>;
  try {
    renderer ??= import('./markdown.ts').then((markdown) => markdown.createArticleRenderer());
    result = await (await renderer).render(body, {
      frontmatter: context as unknown as Record<string, unknown>,
      // Astro collects Markdown images only when it knows the file they are relative to.
      fileURL: pathToFileURL(resolve(settings.root, article.file)),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').at(-1) : String(error);
    const found = `Markdown that cannot be rendered (${message})`;
    return { ok: false, problems: [{ file: article.file, line: article.bodyLine, field: 'body', found, expected: 'CommonMark with GitHub tables, footnotes and autolinks' }] };
  }
  const rendered: CachedBody = {
    html: result.code,
    text: context.text ?? '',
    words: context.words ?? 0,
    images: context.images ?? [],
    localImagePaths: result.metadata.localImagePaths,
  };
  await writeAtomically(path, JSON.stringify(rendered));
  return { ok: true, key, body: rendered };
}

function htmlPath(root: string, key: string): string {
  // Two-letter folders keep a hundred thousand bodies from sharing one directory.
  return join(cacheFolder(root, 'html'), key.slice(0, 2), `${key}.json`);
}

/**
 * A rendered body, by the key its job returned. Read in one call rather than through a promise per
 * step: the pages of a build read ten thousand of these on Astro's main thread, where opening,
 * reading and closing each file asynchronously cost more than the read itself.
 */
export async function readArticleBody(root: string, key: string): Promise<CachedBody> {
  const path = htmlPath(root, key);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CachedBody;
  } catch (error) {
    throw new Error(`The rendered article body ${path} is missing or unreadable; it is written by the content sync of the same build (was ${CACHE_DIR}/ deleted during the build?)`, { cause: error });
  }
}

/**
 * A hash of the code that turns Markdown into HTML: our modules and the installed packages. When
 * either changes, every body renders afresh; otherwise a cached body is exactly what rendering
 * would give.
 */
export function pipelineFingerprint(root: string): string {
  const hash = createHash('sha256');
  const lib = fileURLToPath(new URL('.', import.meta.url));
  // Read at once, not awaited file by file: the build's search index asks while Vite keeps the
  // main thread busy, where every await could wait seconds.
  for (const name of readdirSync(lib).filter((entry) => entry.endsWith('.ts')).sort()) {
    hash.update(name).update(readFileSync(join(lib, name)));
  }
  for (const lockfile of ['node_modules/.package-lock.json', 'package-lock.json', 'package.json']) {
    const path = join(root, lockfile);
    if (existsSync(path)) {
      hash.update(lockfile).update(readFileSync(path));
      break;
    }
  }
  return hash.digest('hex').slice(0, 16);
}
