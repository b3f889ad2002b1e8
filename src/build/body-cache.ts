import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CheckedArticle } from '../lib/article/article.ts';
import type { ImageReference } from '../lib/article/body-rules.ts';
import type { Problem } from '../lib/article/problems.ts';
import type { RenderContext, createArticleRenderer } from '../lib/markdown/pipeline.ts';
import type { Removal } from '../lib/markdown/sanitize.ts';
import { CACHE_DIR, cacheFolder, writeAtomically } from './cache.ts';

/**
 * The body cache: each article body rendered once through the Markdown pipeline and kept under
 * `.cache/html/`, named by a hash of everything the HTML depends on: the body, the fields the
 * pipeline reads, and the fingerprint of the pipeline itself. An unchanged article is never rendered
 * twice; pages, feeds and the search index read its body here.
 */
export interface CachedBody {
  readonly html: string;
  /** The body's words as readers see them, for the search index. */
  readonly text: string;
  readonly words: number;
  readonly images: readonly ImageReference[];
  /** What the sanitizer removed, for the body rules (body-rules.ts). */
  readonly removals: readonly Removal[];
  readonly localImagePaths: readonly string[];
}

/** The project folder this code runs from: where src/ and node_modules/ are. */
const CODE_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/**
 * The modules whose code shapes a rendered body: the Markdown pipeline and every module it runs
 * (tests/unit/build/body-cache.test.ts keeps this list complete), and this file and the cache's,
 * which render and write the record. Editing any other module, a share link say, keeps every cached body.
 */
export const PIPELINE_MODULES = [
  'src/lib/markdown/pipeline.ts',
  'src/lib/markdown/sanitize.ts',
  'src/lib/markdown/typography.ts',
  'src/lib/markdown/reading.ts',
  'src/lib/markdown/paragraphs.ts',
  'src/lib/markdown/references.ts',
  'src/lib/site/i18n.ts',
  'src/lib/site/memo.ts',
  'src/build/body-cache.ts',
  'src/build/cache.ts',
] as const;

/** The packages those modules import; each counts with every package it depends on, at its installed version. */
export const PIPELINE_PACKAGES = [
  '@astrojs/markdown-remark',
  'date-fns',
  'hast-util-from-html',
  'hast-util-to-string',
  'mdast-util-definitions',
  'rehype-external-links',
  'rehype-raw',
  'rehype-sanitize',
  'rehype-slug',
  'remark-gfm',
  'remark-parse',
  'retext',
  'retext-smartypants',
  'unified',
  'unist-util-visit',
] as const;

/**
 * A hash of the code that turns Markdown into HTML: the pipeline's modules, its packages and the
 * Node version (word counts follow its Unicode data). When any of them changes, every body renders
 * afresh; otherwise a cached body is exactly what rendering would give. Read at once, not awaited
 * file by file: the build's search index asks while Vite keeps the main thread busy.
 */
export function pipelineFingerprint(codeRoot = CODE_ROOT): string {
  return codeFingerprint(PIPELINE_MODULES, PIPELINE_PACKAGES, codeRoot);
}

/** A hash of the named modules' text and the versions of the named packages and all they depend on. */
export function codeFingerprint(modules: readonly string[], packages: readonly string[], codeRoot = CODE_ROOT): string {
  const hash = createHash('sha256').update(process.version);
  for (const module of modules) hash.update(`\n${module}\n`).update(readFileSync(join(codeRoot, module)));
  for (const version of installedVersions(codeRoot, packages)) hash.update(`\n${version}`);
  return hash.digest('hex').slice(0, 16);
}

/** `name@version` of each package and of everything it depends on, as Node would resolve them, sorted. */
export function installedVersions(codeRoot: string, packages: readonly string[]): string[] {
  const found = new Map<string, string>();
  const visit = (name: string, from: string) => {
    const folder = packageFolder(name, from);
    if (!folder || found.has(folder)) return;
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as {
      version?: string;
      dependencies?: Record<string, string>;
    };
    found.set(folder, `${name}@${manifest.version ?? '?'}`);
    for (const dependency of Object.keys(manifest.dependencies ?? {})) visit(dependency, folder);
  };
  for (const name of packages) {
    if (!packageFolder(name, codeRoot)) throw new Error(`${name}, a package of the Markdown pipeline, is not installed under ${codeRoot}`);
    visit(name, codeRoot);
  }
  return [...new Set(found.values())].sort();
}

/** Node's lookup: node_modules/<name> in the folder, then in each folder above it. */
function packageFolder(name: string, from: string): string | undefined {
  for (let folder = from; ; folder = dirname(folder)) {
    const candidate = join(folder, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(folder) === folder) return undefined;
  }
}

/** The cache key of one body: the pipeline, the fields it reads, and the Markdown. */
function bodyKey(pipeline: string, fields: readonly string[], markdown: string): string {
  return createHash('sha256')
    .update(JSON.stringify([pipeline, ...fields]))
    .update(markdown)
    .digest('hex')
    .slice(0, 32);
}

function bodyPath(root: string, key: string): string {
  // Two-letter folders keep a hundred thousand bodies from sharing one directory.
  return join(cacheFolder(root, 'html'), key.slice(0, 2), `${key}.json`);
}

/** The cached body of that key, or undefined when it was never rendered (or the cache was emptied). */
async function findCachedBody(root: string, key: string): Promise<CachedBody | undefined> {
  return readFile(bodyPath(root, key), 'utf8').then(
    (json) => JSON.parse(json) as CachedBody,
    () => undefined,
  );
}

async function writeCachedBody(root: string, key: string, body: CachedBody): Promise<void> {
  await writeAtomically(bodyPath(root, key), JSON.stringify(body));
}

/** What the pipeline reads of an article besides its body, and where its body starts for errors. */
type BodyFields = Pick<CheckedArticle, 'file' | 'dateline' | 'lang' | 'bodyLine'>;

type BodyOutcome = { ok: true; key: string; body: CachedBody } | { ok: false; problems: Problem[] };

// Loaded on the first body that is not in the cache: a rebuild that finds every body there never
// loads the Markdown pipeline (and its highlighters) into its workers at all.
let renderer: ReturnType<typeof createArticleRenderer> | undefined;

/**
 * The article's body as HTML: from the cache when this pipeline rendered the same body with the same
 * fields before, else rendered now and kept. A body that cannot be rendered is a problem of its file.
 */
export async function renderBody(root: string, pipeline: string, article: BodyFields, body: string): Promise<BodyOutcome> {
  const key = bodyKey(pipeline, [article.file, article.dateline, article.lang], body);
  const cached = await findCachedBody(root, key);
  if (cached) return { ok: true, key, body: cached };

  const context: RenderContext = { dateline: article.dateline, lang: article.lang };
  let result: Awaited<ReturnType<Awaited<ReturnType<typeof createArticleRenderer>>['render']>>;
  try {
    renderer ??= import('../lib/markdown/pipeline.ts').then((markdown) => markdown.createArticleRenderer());
    result = await (
      await renderer
    ).render(body, {
      frontmatter: context as unknown as Record<string, unknown>,
      // Astro collects Markdown images only when it knows the file they are relative to.
      fileURL: pathToFileURL(resolve(root, article.file)),
    });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n').at(-1) : String(error);
    const found = `Markdown that cannot be rendered (${message})`;
    return {
      ok: false,
      problems: [
        {
          file: article.file,
          line: article.bodyLine,
          field: 'body',
          found,
          expected: 'CommonMark with GitHub tables, footnotes and autolinks',
        },
      ],
    };
  }
  const rendered: CachedBody = {
    html: result.code,
    text: context.text ?? '',
    words: context.words ?? 0,
    images: context.images ?? [],
    removals: context.removals ?? [],
    localImagePaths: result.metadata.localImagePaths,
  };
  await writeCachedBody(root, key, rendered);
  return { ok: true, key, body: rendered };
}

/**
 * A rendered body, by the key its article job returned. Read in one call rather than through a
 * promise per step: the pages of a build read ten thousand of these on Astro's main thread, where
 * opening, reading and closing each file asynchronously cost more than the read itself.
 */
export function readArticleBody(root: string, key: string): CachedBody {
  const path = bodyPath(root, key);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as CachedBody;
  } catch (error) {
    throw new Error(
      `The rendered article body ${path} is missing or unreadable; it is written by the content sync of the same build (was ${CACHE_DIR}/ deleted during the build?)`,
      { cause: error },
    );
  }
}
