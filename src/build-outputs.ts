import { constants } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration, AstroIntegrationLogger } from 'astro';
import { close, createIndex, type PagefindIndex } from 'pagefind';
import { readArticleBody } from './lib/article-job.ts';
import { readBuildManifest, type PublishedArticle } from './lib/build-manifest.ts';
import { cacheFolder } from './lib/cache.ts';
import { count } from './lib/problems.ts';
import { previewFile } from './lib/preview-cards.ts';
import { articlePath } from './lib/urls.ts';
import { siteConfig } from './site.config.ts';

/**
 * The parts of a build that are not pages, made beside Astro rather than as one route per article
 * (Astro spends milliseconds on every route, which at a hundred thousand articles is minutes):
 *
 * - Link-preview pictures: the content sync drew every published article's card into
 *   `.cache/previews/`; they are copied to dist/previews/<slug>.jpg. The dev server, which draws
 *   nothing ahead, serves the same address from src/routes/article-preview.ts.
 * - Full-text search: Pagefind indexes each published article (headline, standfirst and body text,
 *   with section and tags as filters) from the bodies the sync rendered, in its own process while
 *   Astro renders the pages, and writes dist/pagefind/ at the end. The search page loads it in the
 *   reader's browser. One index for every language, so a search finds Arabic and English alike.
 */
export function buildOutputs(): AstroIntegration {
  const root = process.cwd();
  let indexing: Promise<PagefindIndex> | undefined;
  return {
    name: 'dateline-build-outputs',
    hooks: {
      'astro:config:setup': ({ command, injectRoute }) => {
        if (command === 'dev') injectRoute({ pattern: '/previews/[slug].jpg', entrypoint: './src/routes/article-preview.ts' });
      },
      'astro:build:start': async () => {
        const published = await readBuildManifest(root);
        indexing = indexArticles(root, published);
        // Astro waits for nothing here; an indexing failure is reported when the build awaits it.
        indexing.catch(() => undefined);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const published = await readBuildManifest(root);
        await copyPreviews(root, site, published);
        logger.info(`${count(published.length, 'preview picture')} copied to previews/.`);
        if (!indexing) throw new Error('The search index was never started: astro:build:start did not run');
        await writeSearchIndex(await indexing, site, published.length, logger);
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

async function indexArticles(root: string, published: readonly PublishedArticle[]): Promise<PagefindIndex> {
  const response = await createIndex({ forceLanguage: new Intl.Locale(siteConfig.lang).language });
  const { index } = response;
  if (!index) throw new Error(`Pagefind could not start: ${response.errors.join('; ')}`);
  // Result addresses are relative to the site's base; the search page gives Pagefind the base.
  const address = { ...siteConfig, base: '/' };
  for (let start = 0; start < published.length; start += BATCH) {
    const batch = published.slice(start, start + BATCH);
    const texts = await Promise.all(batch.map(async (article) => (await readArticleBody(root, article.htmlKey)).text));
    // One at a time, in the manifest's order: Pagefind's files depend on the order of the records.
    for (const [position, article] of batch.entries()) {
      const { errors } = await index.addCustomRecord({
        url: articlePath(address, article.slug),
        content: [article.title, article.summary ?? '', texts[position]].join('\n'),
        language: siteConfig.lang,
        meta: { title: article.title },
        filters: { section: [article.section], tag: [...article.tags] },
      });
      if (errors.length > 0) throw new Error(`Pagefind could not index ${article.slug}: ${errors.join('; ')}`);
    }
  }
  return index;
}

async function writeSearchIndex(index: PagefindIndex, site: string, pages: number, logger: AstroIntegrationLogger): Promise<void> {
  const { errors } = await index.writeFiles({ outputPath: join(site, 'pagefind') });
  if (errors.length > 0) throw new Error(`Pagefind could not write the search index: ${errors.join('; ')}`);
  await close();
  logger.info(`Search index written for ${count(pages, 'article')}.`);
}

/** Files read or copied at once: enough to keep the disk busy. */
const BATCH = 32;

async function inBatches<T>(items: readonly T[], task: (item: T) => Promise<void>): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH) {
    await Promise.all(items.slice(start, start + BATCH).map(task));
  }
}
