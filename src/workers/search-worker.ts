import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { close, createIndex } from 'pagefind';
import { readArticleBody } from '../lib/article-job.ts';
import { readBuildManifest } from '../lib/build-manifest.ts';
import { articlePath } from '../lib/urls.ts';

/**
 * Builds the search index in a thread of its own (started by src/build-outputs.ts), so that handing
 * Pagefind ten thousand records never waits behind the page rendering on the main thread. Pagefind
 * indexes in its own process; this thread reads the bodies and feeds it, then writes the index into
 * the site when the build says where.
 */
export interface SearchWorkerData {
  readonly root: string;
  readonly lang: string;
}

export type SearchWorkerMessage = { indexed: number } | { written: number } | { error: string };

const { root, lang } = workerData as SearchWorkerData;
const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread of the build');

/** Bodies read at once: enough to keep the disk busy while Pagefind indexes. */
const BATCH = 32;

async function index() {
  const published = await readBuildManifest(root);
  const response = await createIndex({ forceLanguage: new Intl.Locale(lang).language });
  const { index } = response;
  if (!index) throw new Error(`Pagefind could not start: ${response.errors.join('; ')}`);
  for (let start = 0; start < published.length; start += BATCH) {
    const batch = published.slice(start, start + BATCH);
    const texts = await Promise.all(batch.map(async (article) => (await readArticleBody(root, article.htmlKey)).text));
    // One at a time, in the manifest's order: Pagefind's files depend on the order of the records.
    for (const [position, article] of batch.entries()) {
      const { errors } = await index.addCustomRecord({
        // Relative to the site's base: the search page gives Pagefind the base.
        url: articlePath({ url: '', base: '/' }, article.slug),
        content: [article.title, article.summary ?? '', texts[position]].join('\n'),
        language: lang,
        meta: { title: article.title },
        filters: { section: [article.section], tag: [...article.tags] },
      });
      if (errors.length > 0) throw new Error(`Pagefind could not index ${article.slug}: ${errors.join('; ')}`);
    }
  }
  return { index, count: published.length };
}

const indexing = index();
indexing.then(
  ({ count }) => port.postMessage({ indexed: count } satisfies SearchWorkerMessage),
  (error: unknown) => port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies SearchWorkerMessage),
);

port.on('message', async ({ site }: { site: string }) => {
  try {
    const { index, count } = await indexing;
    const { errors } = await index.writeFiles({ outputPath: join(site, 'pagefind') });
    if (errors.length > 0) throw new Error(`Pagefind could not write the search index: ${errors.join('; ')}`);
    await close();
    port.postMessage({ written: count } satisfies SearchWorkerMessage);
  } catch (error) {
    port.postMessage({ error: error instanceof Error ? error.message : String(error) } satisfies SearchWorkerMessage);
  }
});
