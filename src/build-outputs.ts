import { spawn } from 'node:child_process';
import { mkdir, readdir, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { readBuildManifest, type PublishedArticle } from './lib/build-manifest.ts';
import { cacheFolder } from './lib/cache.ts';
import { cloneFile, inBatches } from './lib/copy.ts';
import { count } from './lib/problems.ts';
import { previewFile } from './lib/preview-cards.ts';
import { startSearchIndex } from './search-index.ts';
import { siteConfig } from './site.config.ts';

/**
 * The parts of a build that are not pages, made beside Astro rather than as one route per article
 * (Astro spends milliseconds on every route, which at a hundred thousand articles is minutes):
 *
 * - Link-preview pictures: the content sync drew every published article's card into
 *   `.cache/previews/`; they are copied to dist/previews/<slug>.jpg. The dev server, which draws
 *   nothing ahead, serves the same address from src/routes/article-preview.ts.
 * - Full-text search (src/search-index.ts): indexed from the bodies the sync rendered, in parts by
 *   year on worker threads while Astro renders the pages, and written to dist/pagefind/ at the end.
 *   The search page loads it in the reader's browser. One index for every language, so a search
 *   finds Arabic and English alike.
 */
export function buildOutputs(): AstroIntegration {
  const root = process.cwd();
  let search: ReturnType<typeof startSearchIndex> | undefined;
  let outDir: string | undefined;
  let previousOutput: { removal: Promise<void> } | undefined;
  return {
    name: 'dateline-build-outputs',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/previews/[slug].jpg', entrypoint: './src/routes/article-preview.ts' });
      },
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
      },
      'astro:build:start': async () => {
        // Astro goes on while the index is built; a failure is reported when the build awaits it.
        search = startSearchIndex({ root, lang: siteConfig.lang, shardSize: siteConfig.searchShardSize });
        if (outDir) previousOutput = await setAside(outDir, root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const published = readBuildManifest(root);
        await copyPreviews(root, site, published);
        logger.info(`${count(published.length, 'preview picture')} copied to previews/.`);
        if (!search) throw new Error('The search index was never started: astro:build:start did not run');
        await search.writeTo(site, logger);
        await previousOutput?.removal;
      },
    },
  };
}

/**
 * Astro empties dist/ before a build one file at a time on its main thread (5 s for the 23,000 files
 * of a 10,000-article site, before anything else can start). Moved aside in one rename, the old
 * output is deleted by a process of its own while the build goes on (in this process it would hold
 * up every file the build reads and writes), with whatever an interrupted build left aside; the
 * build waits for that at its end. Where it cannot be moved (another file system), Astro empties it
 * as before.
 */
const ASIDE = 'previous-output-';

async function setAside(outDir: string, root: string): Promise<{ removal: Promise<void> }> {
  const folder = cacheFolder(root, 'build');
  try {
    await mkdir(folder, { recursive: true });
    await rename(outDir, join(folder, `${ASIDE}${process.pid}`));
  } catch {
    // Nothing to move, or not movable: Astro empties it.
  }
  const leftovers = (await readdir(folder)).filter((name) => name.startsWith(ASIDE)).map((name) => join(folder, name));
  if (leftovers.length === 0) return { removal: Promise.resolve() };
  const remover = spawn(process.execPath, ['-e', REMOVE, ...leftovers], { stdio: 'ignore' });
  // A folder left undeleted is deleted by the next build.
  return { removal: new Promise((resolve) => remover.once('close', () => resolve()).once('error', () => resolve())) };
}

const REMOVE = `for (const path of process.argv.slice(1)) require('node:fs').rmSync(path, { recursive: true, force: true });`;

async function copyPreviews(root: string, site: string, published: readonly PublishedArticle[]): Promise<void> {
  const cache = cacheFolder(root, 'previews');
  const target = join(site, 'previews');
  await mkdir(target, { recursive: true });
  await inBatches(published, async ({ slug, previewKey }) => {
    await cloneFile(previewFile(cache, previewKey), join(target, `${slug}.jpg`));
  });
}
