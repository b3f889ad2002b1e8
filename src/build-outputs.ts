import { constants } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { readBuildManifest, type PublishedArticle } from './lib/build-manifest.ts';
import { cacheFolder } from './lib/cache.ts';
import { count } from './lib/problems.ts';
import { previewFile } from './lib/preview-cards.ts';
import { siteConfig } from './site.config.ts';
import type { SearchWorkerData, SearchWorkerMessage } from './workers/search-worker.ts';

/**
 * The parts of a build that are not pages, made beside Astro rather than as one route per article
 * (Astro spends milliseconds on every route, which at a hundred thousand articles is minutes):
 *
 * - Link-preview pictures: the content sync drew every published article's card into
 *   `.cache/previews/`; they are copied to dist/previews/<slug>.jpg. The dev server, which draws
 *   nothing ahead, serves the same address from src/routes/article-preview.ts.
 * - Full-text search: Pagefind indexes each published article (headline, standfirst and body text,
 *   with section and tags as filters) from the bodies the sync rendered, fed by a worker thread
 *   while Astro renders the pages, and writes dist/pagefind/ at the end. The search page loads it in the
 *   reader's browser. One index for every language, so a search finds Arabic and English alike.
 */
export function buildOutputs(): AstroIntegration {
  const root = process.cwd();
  let search: ReturnType<typeof startSearchIndex> | undefined;
  return {
    name: 'dateline-build-outputs',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/previews/[slug].jpg', entrypoint: './src/routes/article-preview.ts' });
      },
      'astro:build:start': () => {
        // Astro goes on while the index is built; a failure is reported when the build awaits it.
        search = startSearchIndex(root);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const published = await readBuildManifest(root);
        await copyPreviews(root, site, published);
        logger.info(`${count(published.length, 'preview picture')} copied to previews/.`);
        if (!search) throw new Error('The search index was never started: astro:build:start did not run');
        await search.writeTo(site, logger);
      },
    },
  };
}

async function copyPreviews(root: string, site: string, published: readonly PublishedArticle[]): Promise<void> {
  const cache = cacheFolder(root, 'previews');
  const target = join(site, 'previews');
  await mkdir(target, { recursive: true });
  await inBatches(published, async ({ slug, previewKey }) => {
    // A copy-on-write clone where the file system offers one, a plain copy elsewhere.
    await copyFile(previewFile(cache, previewKey), join(target, `${slug}.jpg`), constants.COPYFILE_FICLONE);
  });
}

/** The search index, built in a worker thread from the start of the build (src/workers/search-worker.ts). */
function startSearchIndex(root: string) {
  const worker = new Worker(new URL('./workers/search-worker.ts', import.meta.url), { workerData: { root, lang: siteConfig.lang } satisfies SearchWorkerData });
  // A build that fails before its end must not be kept alive by this thread.
  worker.unref();
  const next = () =>
    new Promise<SearchWorkerMessage>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    });
  const indexed = next();
  return {
    /** Waits for the last record, writes the index into the site, and ends the thread. */
    async writeTo(site: string, logger: AstroIntegrationLogger): Promise<void> {
      try {
        const first = await indexed;
        if ('error' in first) throw new Error(first.error);
        const written = next();
        worker.postMessage({ site });
        const done = await written;
        if ('error' in done) throw new Error(done.error);
        logger.info(`Search index written for ${count('written' in done ? done.written : 0, 'article')}.`);
      } finally {
        await worker.terminate();
      }
    },
  };
}

/** Files read or copied at once: enough to keep the disk busy. */
const BATCH = 32;

async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map(task));
  }
}
