import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  CONTENT_DIR,
  checkArticleFile,
  type Article,
  type ArticleAddress,
  type ArticleRules,
  type CheckedArticle,
} from '../lib/article/article.ts';
import { bodyRuleProblems, type BodyArticle } from '../lib/article/body-rules.ts';
import type { Problem } from '../lib/article/problems.ts';
import { readingMinutes } from '../lib/markdown/reading.ts';
import { articleCard } from '../lib/outputs/preview-card.ts';
import { renderBody } from './body-cache.ts';
import { cacheFolder } from './cache.ts';
import { ensurePreview } from './preview-card-drawing.ts';

/**
 * Everything the build does with one article file, in one function that runs alike in a worker
 * thread and in the calling thread (src/build/article-pool.ts decides): check the file against the
 * format, then either parse the body for its rules (`npm run check`) or render it through the one
 * Markdown pipeline, and draw the article's preview card. Rendered bodies are kept in the
 * body cache (src/build/body-cache.ts), so that an unchanged article is never rendered twice.
 */

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
  /** Draw the preview card of every published article (builds; the dev server draws on request). */
  readonly drawPreviewCards: boolean;
  /** From `pipelineFingerprint` (body-cache.ts): part of every body's cache key. */
  readonly pipeline: string;
}

/** An article file as checked, without its body (which stays in the worker). */
export type CheckedFile = Omit<CheckedArticle, 'body'>;

export interface RenderedBody {
  readonly article: Article;
  /** Name of the rendered body under `.cache/html/`; read it with `readArticleBody` (body-cache.ts). */
  readonly htmlKey: string;
  /** Images in the body that Astro must resolve, as the pipeline found them. */
  readonly localImagePaths: readonly string[];
  /** Name of the preview card under `.cache/previews/`, for published articles in a build. */
  readonly previewKey?: string | undefined;
}

export type JobResult =
  | {
      readonly ok: false;
      readonly file: string;
      readonly problems: readonly Problem[];
      /** The slug and aliases the file claims despite its problems, so that slug clashes count it too. */
      readonly address?: ArticleAddress | undefined;
    }
  | {
      readonly ok: true;
      readonly checked: CheckedFile;
      readonly warnings: readonly Problem[];
      /** Problems of the body (images); the file is still checked, so slug clashes count it. */
      readonly bodyProblems: readonly Problem[];
      /** Present in `render` mode when the body rendered and passed its rules. */
      readonly rendered?: RenderedBody | undefined;
    };

export function articleRules(site: SiteRules, root: string, now: Date): ArticleRules {
  return {
    timeZone: site.timeZone,
    defaultLang: site.lang,
    defaultSection: site.defaultSection,
    defaultAuthors: [site.defaultByline],
    contentDir: CONTENT_DIR,
    now,
    fileExists: (file) => existsSync(resolve(root, file)),
    listFolder: (folder) => {
      try {
        return readdirSync(resolve(root, folder), { withFileTypes: true })
          .filter((entry) => entry.isFile())
          .map((entry) => entry.name);
      } catch {
        return [];
      }
    },
  };
}

export async function runArticleJob(file: string, settings: JobSettings): Promise<JobResult> {
  const rules = articleRules(settings.site, settings.root, new Date(settings.now));
  const result = checkArticleFile(file, await readFile(resolve(settings.root, file)), rules);
  if (!result.ok) return { ok: false, file, problems: result.problems, address: result.address };
  const { body, ...checked } = result.article;

  // The body rules hold what the pipeline found (or, for the check, inspectBody without rendering).
  const bodyArticle: BodyArticle = { file, body, bodyLine: checked.bodyLine, draft: checked.status === 'draft' };
  if (settings.mode === 'parse') {
    // Loaded by the check's first body: a build, which renders, never needs it.
    const { inspectBody } = await import('../lib/markdown/inspect.ts');
    const found = bodyRuleProblems(bodyArticle, inspectBody(body), rules);
    return { ok: true, checked, warnings: [...result.warnings, ...found.warnings], bodyProblems: found.problems };
  }

  const rendered = await renderBody(settings.root, settings.pipeline, checked, body);
  if (!rendered.ok) return { ok: true, checked, warnings: result.warnings, bodyProblems: rendered.problems };
  const found = bodyRuleProblems(bodyArticle, rendered.body, rules);
  const warnings = [...result.warnings, ...found.warnings];
  if (found.problems.length > 0) return { ok: true, checked, warnings, bodyProblems: found.problems };

  const { bodyLine: _bodyLine, slugLine: _slugLine, aliasPlaces: _aliasPlaces, ...fields } = checked;
  const article: Article = { ...fields, readingMinutes: readingMinutes(rendered.body.words) };
  const previewKey =
    settings.drawPreviewCards && article.status === 'published'
      ? await ensurePreview(articleCard(article, settings.site, settings.root), cacheFolder(settings.root, 'previews'))
      : undefined;
  return {
    ok: true,
    checked,
    warnings,
    bodyProblems: [],
    rendered: { article, htmlKey: rendered.key, localImagePaths: rendered.body.localImagePaths, previewKey },
  };
}
