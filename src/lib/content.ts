import { existsSync } from 'node:fs';
import { glob, readFile } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  checkArticleFile,
  contentFileKind,
  slugClashes,
  type Article,
  type ArticleRules,
  type CheckedArticle,
} from './articles.ts';
import { imageProblems, imageReferences, parseBody } from './body.ts';
import type { RenderContext } from './markdown.ts';
import type { Problem } from './problems.ts';
import { readingMinutes } from './reading.ts';

/**
 * The whole content check, shared by the build's loader and `npm run check`, so that the two can
 * never disagree: list content/, check every article file, find slug clashes, render every valid
 * article's body through the Markdown pipeline (drafts and scheduled ones too, so their mistakes
 * surface before they go live), and collect every problem and warning.
 */
export const CONTENT_DIR = 'content';

/** The part of a Markdown renderer we use: Astro's unified processor from `@astrojs/markdown-remark`. */
export interface MarkdownRenderer {
  render(
    content: string,
    options: { frontmatter: Record<string, unknown>; fileURL: URL },
  ): Promise<{ code: string; metadata: { localImagePaths: string[] } }>;
}

export interface SiteRules {
  readonly timeZone: string;
  readonly lang: string;
  readonly defaultSection: string;
  readonly defaultByline: string;
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

export interface RenderedArticle {
  readonly article: Article;
  readonly html: string;
  readonly localImagePaths: readonly string[];
}

export interface ContentReport {
  /** Every `.md` file that was checked. */
  readonly files: readonly string[];
  /** Files under content/ that are neither articles nor files articles point to. */
  readonly unread: readonly string[];
  /** Articles whose files passed every check, in file order, whatever their status. */
  readonly checked: readonly CheckedArticle[];
  /** The same articles rendered, when a renderer was given and their bodies passed too. */
  readonly rendered: readonly RenderedArticle[];
  readonly problems: readonly Problem[];
  /** Likely mistakes that do not stop a build. */
  readonly warnings: readonly Problem[];
}

export interface CheckContentOptions {
  readonly root: string;
  readonly rules: ArticleRules;
  /**
   * The build renders every valid article and holds the images the pipeline found against the body
   * rules; the check (no renderer) parses bodies only and holds the same images against the same rules.
   */
  readonly renderer?: MarkdownRenderer | undefined;
  /** Called as files are read and bodies rendered, for a progress line. */
  readonly onProgress?: (done: number, total: number) => void;
}

export async function checkContent(options: CheckContentOptions): Promise<ContentReport> {
  const { root, rules, renderer, onProgress } = options;
  const allFiles = await contentFiles(root);
  const files = allFiles.filter((file) => contentFileKind(file) === 'article');
  const unread = allFiles.filter((file) => contentFileKind(file) === 'unread');

  const total = files.length * 2;
  let done = 0;
  const step = () => onProgress?.(++done, total);

  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const checked: CheckedArticle[] = [];
  const checks = await Promise.all(
    files.map(async (file) => {
      const result = checkArticleFile(file, await readFile(resolve(root, file)), rules);
      step();
      return result;
    }),
  );
  for (const result of checks) {
    if (result.ok) {
      checked.push(result.article);
      warnings.push(...result.warnings);
    } else {
      problems.push(...result.problems);
    }
  }
  problems.push(...slugClashes(checked));

  const rendered: RenderedArticle[] = [];
  for (const article of checked) {
    if (renderer) {
      const result = await renderArticleBody(article, renderer, root, rules);
      if (result.ok) rendered.push(result.rendered);
      else problems.push(...result.problems);
    } else {
      problems.push(...imageProblems(imageReferences(parseBody(article.body)), article.file, rules));
    }
    step();
  }
  onProgress?.(total, total);
  return { files, unread, checked, rendered, problems, warnings };
}

type BodyResult = { ok: true; rendered: RenderedArticle } | { ok: false; problems: Problem[] };

async function renderArticleBody(
  checkedArticle: CheckedArticle,
  renderer: MarkdownRenderer,
  root: string,
  rules: ArticleRules,
): Promise<BodyResult> {
  const { body, bodyLine, slugLine: _slugLine, ...article } = checkedArticle;
  const context: RenderContext = { dateline: article.dateline, lang: article.lang };
  let result: Awaited<ReturnType<MarkdownRenderer['render']>>;
  try {
    result = await renderer.render(body, {
      frontmatter: context as unknown as Record<string, unknown>,
      // Astro collects Markdown images only when it knows the file they are relative to.
      fileURL: pathToFileURL(resolve(root, article.file)),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').at(-1) : String(error);
    const found = `Markdown that cannot be rendered (${message})`;
    return { ok: false, problems: [{ file: article.file, line: bodyLine, field: 'body', found, expected: 'CommonMark with GitHub tables, footnotes and autolinks' }] };
  }

  const problems = imageProblems(context.images ?? [], article.file, rules);
  if (problems.length > 0) return { ok: false, problems };
  const { localImagePaths } = result.metadata;
  return {
    ok: true,
    rendered: {
      article: { ...article, readingMinutes: readingMinutes(context.words ?? 0) },
      html: result.code,
      localImagePaths,
    },
  };
}

/** Every file under the content folder, at any depth, as sorted paths from the project root. */
export async function contentFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of glob('**/*', { cwd: resolve(root, CONTENT_DIR), withFileTypes: true })) {
    if (entry.isFile()) files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files.sort();
}
