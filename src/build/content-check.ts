import { glob } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import {
  CONTENT_DIR,
  aliasClashes,
  contentFileKind,
  slugClashes,
  translationClashes,
  type ArticleAddress,
} from '../lib/article/article.ts';
import type { CheckedFile, JobSite, RenderedBody } from './article-job.ts';
import { pipelineFingerprint } from './body-cache.ts';
import { runArticleJobs } from './article-pool.ts';
import type { Problem } from '../lib/article/problems.ts';
import { editionLanguage } from '../lib/site/editions.ts';
import type { AuthorProfile } from '../lib/newsroom/authors.ts';
import type { SitePage } from '../lib/newsroom/site-pages.ts';
import { checkNewsroomFiles, type Rendered } from './newsroom-files.ts';

/**
 * The whole content check, shared by the build's loader and `npm run check`, so that the two can
 * never disagree: list content/, check every article file, render every valid article's body through
 * the Markdown pipeline (drafts and scheduled ones too, so their mistakes surface before they go live)
 * or parse it for the same rules, find slug clashes, and collect every problem and warning. The
 * per-file work runs on every core (src/build/article-pool.ts).
 */
export interface ContentReport {
  /** Every `.md` file that was checked. */
  readonly files: readonly string[];
  /** Files under content/ that are neither articles nor files articles point to. */
  readonly unread: readonly string[];
  /** Articles whose files passed every check, in file order, whatever their status. */
  readonly checked: readonly CheckedFile[];
  /** The same articles rendered, in `render` mode, when their bodies passed too. */
  readonly rendered: readonly RenderedBody[];
  /** Site pages (content/pages/) and author profiles (content/authors/) that passed. */
  readonly pages: readonly Rendered<SitePage>[];
  readonly authors: readonly Rendered<AuthorProfile>[];
  readonly problems: readonly Problem[];
  /** Likely mistakes that do not stop a build. */
  readonly warnings: readonly Problem[];
}

export interface CheckContentOptions {
  readonly root: string;
  readonly site: JobSite;
  /** The moment that decides whether a dated article is public or scheduled. */
  readonly now: Date;
  /**
   * `render`: the build renders every valid article and holds the images the pipeline found against
   * the body rules. `parse`: the check parses bodies only and holds the same images against the same rules.
   */
  readonly mode: 'render' | 'parse';
  /** Draw the preview cards of published articles (builds). */
  readonly drawPreviewCards?: boolean | undefined;
  /** Worker threads (see article-pool.ts); by default one per core for large sites. */
  readonly workers?: number | undefined;
  /**
   * Which site page is which of the newsroom's policies (site.config.ts): each must name a page.
   * `configFile` is where the policies are set, for the error.
   */
  readonly policies?: Readonly<Record<string, string>> | undefined;
  readonly configFile?: string | undefined;
  /** Called as articles are done, for a progress line. */
  readonly onProgress?: ((done: number, total: number) => void) | undefined;
}

export async function checkContent(options: CheckContentOptions): Promise<ContentReport> {
  const { root, site, now, mode } = options;
  const allFiles = await contentFiles(root);
  const files = allFiles.filter((file) => contentFileKind(file) === 'article');
  const pageFiles = allFiles.filter((file) => contentFileKind(file) === 'page');
  const authorFiles = allFiles.filter((file) => contentFileKind(file) === 'author');
  const unread = allFiles.filter((file) => contentFileKind(file) === 'unread');

  const settings = {
    root,
    site,
    now: now.getTime(),
    mode,
    drawPreviewCards: options.drawPreviewCards ?? false,
    pipeline: pipelineFingerprint(),
  };
  const results = await runArticleJobs(files, settings, { workers: options.workers, onDone: options.onProgress });

  const problems: Problem[] = [];
  const bodyProblems: Problem[] = [];
  const warnings: Problem[] = [];
  const checked: CheckedFile[] = [];
  const rendered: RenderedBody[] = [];
  // Refused files too, where their slug can be told: a clash is reported with their other problems.
  const addresses: ArticleAddress[] = [];
  for (const result of results) {
    if (!result.ok) {
      problems.push(...result.problems);
      if (result.address) addresses.push(result.address);
      continue;
    }
    checked.push(result.checked);
    addresses.push(result.checked);
    warnings.push(...result.warnings);
    bodyProblems.push(...result.bodyProblems);
    if (result.rendered) rendered.push(result.rendered);
  }
  const editions = [...new Set([site.lang, ...checked.map((article) => article.lang)].map(editionLanguage))];
  const newsroom = await checkNewsroomFiles(pageFiles, authorFiles, settings, editions);
  warnings.push(...newsroom.warnings);
  // File problems first, then clashes between files, then bodies: the order an editor fixes them in.
  problems.push(
    ...slugClashes(addresses),
    ...aliasClashes(addresses),
    ...translationClashes(checked),
    ...bodyProblems,
    ...newsroom.problems,
  );
  const policies = policyProblems(options, newsroom.pages);
  // A site without any site pages (a new site, a test's) publishes no policies: a warning, not a failure.
  (newsroom.pages.length > 0 || pageFiles.length > 0 ? problems : warnings).push(...policies);
  return {
    files,
    unread,
    checked,
    rendered,
    pages: newsroom.pages,
    authors: newsroom.authors,
    problems,
    warnings,
  };
}

/** Each policy the site configuration names must be a site page. */
function policyProblems(options: CheckContentOptions, pages: readonly Rendered<SitePage>[]): Problem[] {
  const slugs = new Set(pages.map(({ item }) => item.slug));
  return Object.entries(options.policies ?? {})
    .filter(([, slug]) => !slugs.has(slug))
    .map(([property, slug]) => ({
      file: options.configFile ?? 'src/site.config.ts',
      field: `policies.${property}`,
      found: `"${slug}", but there is no content/pages/${slug}.md`,
      expected:
        slugs.size > 0 ? `the name of a site page: ${[...slugs].sort().join(', ')}` : 'the name of a site page under content/pages/',
    }));
}

/** Every file under the content folder, at any depth, as sorted paths from the project root. */
export async function contentFiles(root: string): Promise<string[]> {
  const files: string[] = [];
  for await (const entry of glob('**/*', { cwd: resolve(root, CONTENT_DIR), withFileTypes: true })) {
    if (entry.isFile()) files.push(relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'));
  }
  return files.sort();
}
