import { mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readBuildManifest, type PublishedArticle } from '../build/manifest.ts';
import { cacheFolder } from '../build/cache.ts';
import { inBatches, placeFile } from '../build/place.ts';
import { count } from '../lib/article/problems.ts';
import { previewFile } from '../build/preview-card-drawing.ts';
import { emptiedFolders, staleOutputs } from '../build/stale-files.ts';
import { startSearchIndex } from '../build/search-index.ts';
import { finishBuild, startBuild } from '../build/unfinished-build.ts';
import { siteConfig } from '../site.config.ts';
import { showProblemsInBrowser } from './dev-problems.ts';

/**
 * The parts of a build that are not pages, made beside Astro rather than as one route per article
 * (Astro spends milliseconds on every route, which at a hundred thousand articles is minutes):
 *
 * - Preview cards: the content sync drew every published article's card into
 *   `.cache/previews/`; they are linked (or copied) to dist/previews/<slug>.jpg. The dev server,
 *   which draws nothing ahead, serves the same address from src/integration/preview-card-route.ts.
 * - Full-text search (src/build/search-index.ts): indexed from the bodies the sync rendered, in parts by
 *   year on worker threads while Astro renders the pages, and written to dist/pagefind/ at the end.
 *   The search page loads it in the reader's browser. One index for every language, so a search
 *   finds Arabic and English alike.
 */
export function dateline(): AstroIntegration {
  const root = process.cwd();
  let search: ReturnType<typeof startSearchIndex> | undefined;
  let outDir: string | undefined;
  let publicDir: string | undefined;
  let astroCache: string | undefined;
  return {
    name: 'dateline',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/previews/[slug].jpg', entrypoint: './src/integration/preview-card-route.ts' });
      },
      'astro:server:setup': ({ server }) => showProblemsInBrowser(server, root),
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        publicDir = fileURLToPath(config.publicDir);
        astroCache = fileURLToPath(config.cacheDir);
      },
      'astro:build:start': async ({ logger }) => {
        if (!outDir || !astroCache) throw new Error('astro:config:done did not run');
        // Before anything is written into dist/ or Astro's cache: a build stopped halfway leaves
        // half-written files there that Astro would trust (src/build/unfinished-build.ts).
        const previous = await startBuild({ root, site: outDir, astroCache });
        if (!previous.finished && previous.interrupted) {
          const images = previous.imagesDiscarded > 0 ? ` and the ${count(previous.imagesDiscarded, 'optimised image')} it wrote` : '';
          logger.warn(
            `The previous build did not finish: dist/, Astro's copies of pages${images} were discarded; every page is rendered again.`,
          );
        }
        // Astro goes on while the index is built; a failure is reported when the build awaits it.
        search = startSearchIndex({ root, lang: siteConfig.lang, shardSize: siteConfig.searchShardSize });
        // Astro builds into the previous dist/ (astro.config.mjs; src/build/stale-files.ts): Vite's
        // bundles are written afresh, so the previous ones go.
        await rm(join(outDir, '_astro'), { recursive: true, force: true });
      },
      'astro:build:done': async ({ dir, assets, logger }) => {
        const site = fileURLToPath(dir);
        const published = readBuildManifest(root);
        await placePreviews(root, site, published);
        logger.info(`${count(published.length, 'preview card')} in previews/.`);
        if (!search) throw new Error('The search index was never started: astro:build:start did not run');
        await search.writeTo(site, logger);
        if (!publicDir) throw new Error('astro:config:done did not run');
        const removed = await removeStale(site, publicDir, assets, published);
        if (removed > 0) logger.info(`${count(removed, 'file')} of the previous build removed.`);
        // Last: only a build that got here leaves caches and a dist/ the next one may trust.
        await finishBuild(root);
      },
    },
  };
}

/**
 * Removes what the previous build wrote and this one did not (src/build/stale-files.ts): the pages of
 * deleted articles, their pictures, list pages that no longer exist.
 */
async function removeStale(
  site: string,
  publicDir: string,
  assets: Map<string, URL[]>,
  published: readonly PublishedArticle[],
): Promise<number> {
  const written = new Set<string>();
  for (const urls of assets.values()) for (const url of urls) written.add(relativePath(site, fileURLToPath(url)));
  for (const file of await filesUnder(publicDir)) written.add(file);
  for (const { slug } of published) written.add(`previews/${slug}.jpg`);
  const present = await filesUnder(site);
  const stale = staleOutputs(present, written, REWRITTEN_FOLDERS);
  await inBatches(stale, (path) => rm(join(site, path), { force: true }));
  for (const folder of emptiedFolders(present, stale)) await rmdir(join(site, folder));
  return stale.length;
}

/** Written whole by every build: Vite's bundles and images, and the search index. */
const REWRITTEN_FOLDERS = ['_astro', 'pagefind'];

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => relativePath(dir, join(entry.parentPath, entry.name)));
}

function relativePath(dir: string, path: string): string {
  return relative(dir, path).split(sep).join('/');
}

async function placePreviews(root: string, site: string, published: readonly PublishedArticle[]): Promise<void> {
  const cache = cacheFolder(root, 'previews');
  const target = join(site, 'previews');
  await mkdir(target, { recursive: true });
  await inBatches(published, async ({ slug, previewKey }) => {
    await placeFile(previewFile(cache, previewKey), join(target, `${slug}.jpg`));
  });
}
