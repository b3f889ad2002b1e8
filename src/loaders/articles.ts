import { fileURLToPath } from 'node:url';
import { relative, sep } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import type { Article } from '../lib/articles.ts';
import { CONTENT_DIR, articleRules, checkContent, type RenderedArticle } from '../lib/content.ts';
import { isoWithOffset } from '../lib/dates.ts';
import { count, formatProblemReport, type Problem } from '../lib/problems.ts';
import { siteConfig } from '../site.config.ts';

/**
 * The article collection's loader: runs the content check shared with `npm run check` over
 * content/, fails the build with every problem at once, and stores the public articles. The dev
 * server (`npm run dev`) also stores drafts and scheduled articles, which pages mark with a banner;
 * a build never does, and names them in its log instead.
 */
export class ArticleFormatError extends Error {
  readonly hint = 'Fix each line above in the file it names; the README\'s "Writing an article" section lists every field.';

  constructor(readonly problems: readonly Problem[]) {
    super(`The articles in ${CONTENT_DIR}/ do not follow the article format.\n${formatProblemReport(problems)}`);
    this.name = 'ArticleFormatError';
    // An editor's mistake is not a crash: without a stack, Astro prints the message and hint alone.
    this.stack = '';
  }
}

/** Dev-server watchers we already listen to, so a reloaded collection does not listen twice. */
const watched = new WeakSet<object>();

export function articleLoader(): Loader {
  return {
    name: 'dateline-articles',
    schema: z.custom<Article>(),
    load: async (context) => {
      await syncArticles(context);
      const { watcher } = context;
      if (watcher && !watched.has(watcher)) {
        watched.add(watcher);
        watcher.on('all', (_event, changed) => {
          if (isContentPath(context, changed)) {
            syncArticles(context).catch((error: unknown) => context.logger.error(error instanceof Error ? error.message : String(error)));
          }
        });
      }
    },
  };
}

async function syncArticles(context: LoaderContext): Promise<void> {
  const root = fileURLToPath(context.config.root);
  // Astro hands loaders a file watcher only when the dev server runs: that is the preview.
  const preview = context.watcher !== undefined;
  // No remote image domains: the pipeline refuses remote images before Astro would fetch them.
  const renderer = await context.config.markdown.processor.createRenderer({ image: {} });
  const report = await checkContent({ root, rules: articleRules(siteConfig, root, new Date()), renderer });

  if (report.unread.length > 0) {
    context.logger.warn(`Not read as articles (only .md files are): ${report.unread.join(', ')}`);
  }
  if (report.warnings.length > 0) {
    // One line, not thousands: `npm run check` lists them with their files and lines.
    context.logger.warn(`${count(report.warnings.length, 'warning')} about likely mistakes in articles; run "npm run check" to see them.`);
  }
  if (report.problems.length > 0) throw new ArticleFormatError(report.problems);

  const stored = report.rendered.filter(({ article }) => preview || article.status === 'published');
  if (!preview) reportLeftOut(context, report.rendered);
  const keep = new Set(stored.map(({ article }) => article.slug));
  for (const id of context.store.keys()) {
    if (!keep.has(id)) context.store.delete(id);
  }
  for (const entry of stored) context.store.set(storeEntry(context, entry));
  const published = stored.filter(({ article }) => article.status === 'published').length;
  context.logger.info(`${count(published, 'article')} published from ${count(report.files.length, 'file')} in ${CONTENT_DIR}/`);
}

function storeEntry(context: LoaderContext, { article, html, localImagePaths }: RenderedArticle) {
  return {
    id: article.slug,
    data: article as unknown as Record<string, unknown>,
    filePath: article.file,
    digest: context.generateDigest(html + JSON.stringify(article)),
    rendered: { html, metadata: { imagePaths: [...localImagePaths] } },
    assetImports: [...localImagePaths],
  };
}

function reportLeftOut(context: LoaderContext, rendered: readonly RenderedArticle[]): void {
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
