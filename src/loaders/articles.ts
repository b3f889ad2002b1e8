import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import type { RenderedBody } from '../build/article-job.ts';
import { readArticleBody } from '../build/body-cache.ts';
import { CONTENT_DIR, type Article } from '../lib/article/article.ts';
import { writeBuildManifest } from '../build/manifest.ts';
import { checkContent, type ContentReport } from '../build/content-check.ts';
import { isoWithOffset } from '../lib/article/dates.ts';
import { indexedArticle } from '../lib/outputs/search-shards.ts';
import { count, formatProblemReport, type Problem } from '../lib/article/problems.ts';
import { createProgress, wantsProgress } from '../build/progress.ts';
import { siteConfig } from '../site.config.ts';
import { DEV_PROBLEMS_HINT, publishProblems } from '../integration/dev-problems.ts';

/**
 * The article collection's loader: runs the content check shared with `npm run check` over
 * content/, fails the build with every problem at once, and stores the public articles. The dev
 * server (`npm run dev`) also stores drafts and scheduled articles, which pages mark with a banner;
 * a build never does, and names them in its log instead.
 *
 * The store holds each article's fields and the name of its rendered body in `.cache/html/`, not the
 * body itself: Astro bundles the whole store into the build, and a hundred thousand bodies would not
 * fit in one JavaScript string. Only bodies with images keep their HTML in the store, where Astro's
 * image pipeline finds and optimises the pictures.
 */
export interface StoredArticle extends Article {
  /** Name of the rendered body under `.cache/html/` (see src/data/feed-bodies.ts). */
  readonly htmlKey: string;
  /** Name of the preview card under `.cache/previews/` (builds only). */
  readonly previewKey?: string | undefined;
}

class ArticleFormatError extends Error {
  readonly hint = 'Fix each line above in the file it names; the README\'s "Writing an article" section lists every field.';

  constructor(readonly problems: readonly Problem[]) {
    super(`The articles in ${CONTENT_DIR}/ do not follow the article format.\n${formatProblemReport(problems)}`);
    this.name = 'ArticleFormatError';
    // An editor's mistake is not a crash: without a stack, Astro prints the message and hint alone.
    this.stack = '';
  }
}

/** Dev-server watchers each loader already listens to, so a reloaded collection does not listen twice. */
const watched = new Map<(context: LoaderContext) => Promise<void>, WeakSet<object>>();
const counting = new WeakSet<object>();

export function articleLoader(): Loader {
  return {
    name: 'dateline-articles',
    schema: z.custom<StoredArticle>(),
    load: (context) => syncAndWatch(context, syncArticles),
  };
}

/**
 * The check under way, which the loaders of one sync share: content/ is read and checked once for all
 * three. `changes` is how many changes under content/ the dev server had seen when it started.
 */
let running: { readonly report: Promise<ContentReport>; readonly changes: number } | undefined;

/** Changes under content/ seen by the dev server's watcher, counted before any loader syncs for them. */
let changes = 0;

/**
 * The content check of this sync, started by whichever collection's loader asks first (Astro runs
 * them together) and shared by the others; it fails every loader with every problem at once. A file
 * changed while a check runs gets a check of its own after it: an editor's save is never lost to a
 * check that read the file just before.
 */
export async function sharedContentCheck(context: LoaderContext): Promise<ContentReport> {
  // Astro hands loaders a file watcher only when the dev server runs.
  const devServer = context.watcher !== undefined;
  if (!running || running.changes < changes) {
    const before = running?.report.catch(() => undefined);
    const report = (before ?? Promise.resolve())
      .then(() => runContentCheck(context))
      .then((report) => {
        // On the dev server a broken file is shown, once per check, and the valid ones are still stored.
        if (devServer) showDevProblems(context, report.problems);
        return report;
      })
      .finally(() => {
        if (running?.report === report) running = undefined;
      });
    running = { report, changes };
  }
  const report = await running.report;
  if (report.problems.length > 0 && !devServer) throw new ArticleFormatError(report.problems);
  return report;
}

function showDevProblems(context: LoaderContext, problems: readonly Problem[]): void {
  if (problems.length > 0) context.logger.error(`${new ArticleFormatError(problems).message}\n${DEV_PROBLEMS_HINT}`);
  publishProblems(problems);
}

async function runContentCheck(context: LoaderContext): Promise<ContentReport> {
  const devServer = context.watcher !== undefined;
  return checkContent({
    root: fileURLToPath(context.config.root),
    site: siteConfig,
    now: new Date(),
    mode: 'render',
    // The dev server draws a card when a page asks for it; a build draws them all with the bodies.
    drawPreviewCards: !devServer,
    policies: siteConfig.policies,
    onProgress: wantsProgress(process.stderr, process.env) ? createProgress(process.stderr, 'Articles') : undefined,
  });
}

/** Calls `sync` now and, on the dev server, whenever a file under content/ changes. */
export async function syncAndWatch(context: LoaderContext, sync: (context: LoaderContext) => Promise<void>): Promise<void> {
  await sync(context);
  const { watcher } = context;
  const listening = watched.get(sync) ?? new WeakSet<object>();
  watched.set(sync, listening);
  if (watcher && !counting.has(watcher)) {
    // Registered before any loader's listener, so a change is counted before the syncs it starts.
    counting.add(watcher);
    watcher.on('all', (_event, changed) => {
      if (isContentPath(context, changed)) changes += 1;
    });
  }
  if (watcher && !listening.has(watcher)) {
    listening.add(watcher);
    watcher.on('all', (_event, changed) => {
      if (isContentPath(context, changed)) {
        sync(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
      }
    });
  }
}

async function syncArticles(context: LoaderContext): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const devServer = context.watcher !== undefined;
  const started = performance.now();
  const report = await sharedContentCheck(context);

  if (report.unread.length > 0) {
    context.logger.warn(`Not read as articles (only .md files are): ${report.unread.join(', ')}`);
  }
  if (report.warnings.length > 0) {
    // One line, not thousands: `npm run check` lists them with their files and lines.
    context.logger.warn(`${count(report.warnings.length, 'warning')} about likely mistakes in articles; run "npm run check" to see them.`);
  }

  const stored = report.rendered.filter(({ article }) => devServer || article.status === 'published');
  if (!devServer) reportLeftOut(context, report.rendered);
  await replaceEntries(
    context,
    root,
    stored.map(({ article, htmlKey, previewKey, localImagePaths }): StoredFile & { data: StoredArticle } => ({
      slug: article.slug,
      file: article.file,
      data: { ...article, htmlKey, previewKey },
      localImagePaths,
    })),
  );
  if (!devServer) {
    await writeBuildManifest(
      root,
      stored.map(({ article, htmlKey, previewKey }) => {
        if (!previewKey) throw new Error(`${article.slug}: the build drew no preview card`);
        return { ...indexedArticle(article, htmlKey, siteConfig.timeZone), previewKey };
      }),
    );
  }
  const published = stored.filter(({ article }) => article.status === 'published').length;
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  context.logger.info(
    `${count(published, 'article')} published from ${count(report.files.length, 'file')} in ${CONTENT_DIR}/ (${seconds} s)`,
  );
}

/** What a loader stores of a file whose body the content check rendered: its fields, and the key of its body. */
export interface StoredFile {
  readonly slug: string;
  readonly file: string;
  readonly data: { readonly htmlKey: string };
  readonly localImagePaths: readonly string[];
}

/**
 * The collection's entries become exactly these: entries of files that are gone are deleted. A body
 * with images keeps its HTML in the store, where Astro's image pipeline finds and optimises them.
 */
export async function replaceEntries(context: LoaderContext, root: string, files: readonly StoredFile[]): Promise<void> {
  const keep = new Set(files.map((file) => file.slug));
  for (const id of context.store.keys()) {
    if (!keep.has(id)) context.store.delete(id);
  }
  for (const { slug, file, data, localImagePaths } of files) {
    const entry = {
      id: slug,
      data: data as unknown as Record<string, unknown>,
      filePath: file,
      digest: context.generateDigest(JSON.stringify(data)),
    };
    if (localImagePaths.length === 0) {
      context.store.set(entry);
      continue;
    }
    const { html } = readArticleBody(root, data.htmlKey);
    context.store.set({ ...entry, rendered: { html, metadata: { imagePaths: [...localImagePaths] } }, assetImports: [...localImagePaths] });
  }
}

function reportLeftOut(context: LoaderContext, rendered: readonly RenderedBody[]): void {
  const drafts = rendered.filter(({ article }) => article.status === 'draft').map(({ article }) => article.file);
  const scheduled = rendered.filter(({ article }) => article.status === 'scheduled').map(({ article }) => article);
  if (drafts.length > 0) {
    context.logger.info(`Left out ${count(drafts.length, 'draft')} (draft: true): ${drafts.join(', ')}`);
  }
  if (scheduled.length > 0) {
    const list = scheduled.map((article) => `${article.file} (${isoWithOffset(article.date.instant, siteConfig.timeZone)})`).join(', ');
    context.logger.info(`Left out ${count(scheduled.length, 'scheduled article')} until their date: ${list}`);
  }
}

function isContentPath(context: LoaderContext, changed: string): boolean {
  const path = relative(fileURLToPath(context.config.root), changed);
  return path === CONTENT_DIR || path.startsWith(`${CONTENT_DIR}${sep}`);
}
