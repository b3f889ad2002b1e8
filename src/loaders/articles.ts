import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { checkArticleFile, contentFileKind, slugClashes, type Article, type ArticleRules, type CheckedArticle } from '../lib/articles.ts';
import { isoWithOffset } from '../lib/dates.ts';
import type { RenderContext } from '../lib/markdown.ts';
import { count, formatProblemReport, type Problem } from '../lib/problems.ts';
import { readingMinutes } from '../lib/reading.ts';
import { siteConfig } from '../site.config.ts';

/**
 * The article collection's loader: reads every `.md` file under `content/`, checks it against the
 * article format (all files first, so that one build reports every problem), then renders the
 * public ones through the configured Markdown processor. Drafts and scheduled articles are named in
 * the build log and never stored.
 */
export const CONTENT_DIR = 'content';

export class ArticleFormatError extends Error {
  readonly hint = 'Fix each line above in the file it names; the README\'s "Writing an article" section lists every field.';

  constructor(readonly problems: readonly Problem[]) {
    super(`The articles in ${CONTENT_DIR}/ do not follow the article format.\n${formatProblemReport(problems)}`);
    this.name = 'ArticleFormatError';
    // An editor's mistake is not a crash: without a stack, Astro prints the message and hint alone.
    this.stack = '';
  }
}

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

/**
 * Entries rendered by this process, whose stored HTML is known to come from the current pipeline;
 * an entry left in the store by an earlier build is always rendered again.
 */
const renderedHere = new Set<string>();
/** Dev-server watchers we already listen to, so a reloaded collection does not listen twice. */
const watched = new WeakSet<object>();

async function syncArticles(context: LoaderContext): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const rules: ArticleRules = {
    timeZone: siteConfig.timeZone,
    defaultLang: siteConfig.lang,
    defaultSection: siteConfig.defaultSection,
    defaultAuthors: [siteConfig.defaultByline],
    contentDir: CONTENT_DIR,
    now: new Date(),
    fileExists: (file) => existsSync(resolve(root, file)),
  };

  const allFiles = await contentFiles(root);
  const files = allFiles.filter((file) => contentFileKind(file) === 'article');
  const unread = allFiles.filter((file) => contentFileKind(file) === 'unread');
  if (unread.length > 0) {
    context.logger.warn(`Not read as articles (only .md files are): ${unread.join(', ')}`);
  }
  const problems: Problem[] = [];
  const checked: CheckedArticle[] = [];
  const checks = await Promise.all(files.map(async (file) => checkArticleFile(file, await readFile(resolve(root, file)), rules)));
  for (const result of checks) {
    if (result.ok) checked.push(result.article);
    else problems.push(...result.problems);
  }
  problems.push(...slugClashes(checked));

  // Bodies are rendered even when other files have problems, so that one build reports them all.
  const published = checked.filter((article) => article.status === 'published');
  const renderer = await context.config.markdown.processor.createRenderer({ image: {} });
  const rendered = await Promise.all(published.map((article) => renderArticle(context, renderer, article, { ...rules, root })));
  for (const result of rendered) {
    if (!result.ok) problems.push(...result.problems);
  }
  if (problems.length > 0) throw new ArticleFormatError(problems);

  reportLeftOut(context, checked);
  const keep = new Set(published.map((article) => article.slug));
  for (const id of context.store.keys()) {
    if (!keep.has(id)) context.store.delete(id);
  }
  for (const result of rendered) {
    if (result.ok && result.entry) context.store.set(result.entry);
  }
  context.logger.info(`${count(published.length, 'article')} published from ${count(files.length, 'file')} in ${CONTENT_DIR}/`);
}

type Renderer = Awaited<ReturnType<LoaderContext['config']['markdown']['processor']['createRenderer']>>;
type StoreEntry = Parameters<LoaderContext['store']['set']>[0];
type RenderResult = { ok: true; entry?: StoreEntry } | { ok: false; problems: Problem[] };

async function renderArticle(
  context: LoaderContext,
  renderer: Renderer,
  checkedArticle: CheckedArticle,
  rules: ArticleRules & { root: string },
): Promise<RenderResult> {
  const { body, bodyLine, slugLine, ...article } = checkedArticle;
  const digest = context.generateDigest({ article: JSON.stringify(article), body });
  if (renderedHere.has(article.slug) && context.store.get(article.slug)?.digest === digest) return { ok: true };

  const renderContext: RenderContext = { dateline: article.dateline, lang: article.lang, problems: [] };
  let rendered: Awaited<ReturnType<Renderer['render']>>;
  try {
    rendered = await renderer.render(body, {
      frontmatter: renderContext as unknown as Record<string, unknown>,
      // Astro collects Markdown images only when it knows the file they are relative to.
      fileURL: pathToFileURL(resolve(rules.root, article.file)),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').at(-1) : String(error);
    return { ok: false, problems: [{ file: article.file, line: bodyLine, field: 'body', found: `Markdown that cannot be rendered (${message})`, expected: 'CommonMark with GitHub tables, footnotes and autolinks' }] };
  }

  const { code, metadata } = rendered;
  const { localImagePaths } = metadata;
  const problems: Problem[] = [
    ...renderContext.problems.map((problem) => ({ file: article.file, field: 'body', ...problem })),
    ...localImagePaths.flatMap((src) => bodyImageProblem(article.file, src, rules)),
  ];
  if (problems.length > 0) return { ok: false, problems };

  const stored: Article = { ...article, readingMinutes: readingMinutes(renderContext.words ?? 0) };
  renderedHere.add(article.slug);
  return {
    ok: true,
    entry: {
      id: article.slug,
      data: stored as unknown as Record<string, unknown>,
      filePath: article.file,
      digest,
      rendered: { html: code, metadata: { imagePaths: localImagePaths } },
      assetImports: localImagePaths,
    },
  };
}

/** An image in the body must be a file inside the content folder, like the lead image. */
function bodyImageProblem(articleFile: string, src: string, rules: ArticleRules): Problem[] {
  const resolved = posix.normalize(posix.join(posix.dirname(articleFile), decodeURI(src)));
  if (resolved.startsWith(`${rules.contentDir}/`) && rules.fileExists(resolved)) return [];
  return [
    {
      file: articleFile,
      field: 'body',
      found: `the image ${JSON.stringify(src)}, which is not a file inside ${rules.contentDir}/`,
      expected: 'the path of an image file committed next to the article, like ./images/photo.jpg',
    },
  ];
}

/** Every file under the content folder, at any depth, as sorted paths from the project root. */
async function contentFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of glob('**/*', { cwd: resolve(root, CONTENT_DIR), withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = relative(root, join(entry.parentPath, entry.name)).split(sep).join('/');
    files.push(path);
  }
  return files.sort();
}

function reportLeftOut(context: LoaderContext, articles: readonly CheckedArticle[]): void {
  const drafts = articles.filter((article) => article.status === 'draft');
  const scheduled = articles.filter((article) => article.status === 'scheduled');
  if (drafts.length > 0) {
    context.logger.info(`Left out ${count(drafts.length, 'draft')} (draft: true): ${drafts.map((article) => article.file).join(', ')}`);
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
