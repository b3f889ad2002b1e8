import { rename, rm } from 'node:fs/promises';
import { parentPort, threadId } from 'node:worker_threads';
import { readArticleBody } from '../body-cache.ts';
import { searchRecord, type IndexedArticle } from '../../lib/outputs/search-shards.ts';
import { articlePath } from '../../lib/site/urls.ts';

/**
 * Builds parts of the search index (src/lib/outputs/search-shards.ts) for src/build/search-index.ts, one part at a
 * time, in a thread of its own: each thread drives its own Pagefind process, so parts are indexed on
 * as many cores as there are threads, and the main thread goes on rendering pages meanwhile.
 */
export interface ShardTask {
  readonly root: string;
  readonly lang: string;
  readonly articles: readonly IndexedArticle[];
  /** Where the finished index goes; it appears there whole or not at all. */
  readonly folder: string;
}

export type ShardReply = { readonly done: string } | { readonly error: string } | { readonly closed: true };

const port = parentPort;
if (!port) throw new Error('search-worker.ts runs as a worker thread of the build');

async function buildShard({ root, lang, articles, folder }: ShardTask): Promise<void> {
  const { createIndex } = await import('pagefind');
  const response = await createIndex({ forceLanguage: new Intl.Locale(lang).language });
  const { index } = response;
  if (!index) throw new Error(`Pagefind could not start: ${response.errors.join('; ')}`);
  // One at a time, in the manifest's order: Pagefind's files depend on the order of the records.
  for (const article of articles) {
    // Relative to the site's base: the search page gives Pagefind the base.
    const url = articlePath({ url: '', base: '/' }, article.slug);
    const { errors } = await index.addCustomRecord(searchRecord(article, readArticleBody(root, article.htmlKey).text, url, lang));
    if (errors.length > 0) throw new Error(`Pagefind could not index ${article.slug}: ${errors.join('; ')}`);
  }
  const partial = `${folder}.${process.pid}-${threadId}.partial`;
  await rm(partial, { recursive: true, force: true });
  const { errors } = await index.writeFiles({ outputPath: partial });
  if (errors.length > 0) throw new Error(`Pagefind could not write the search index: ${errors.join('; ')}`);
  await index.deleteIndex();
  await rm(folder, { recursive: true, force: true });
  await rename(partial, folder);
}

/** What the main thread hears when a step fails: the message, which names the file or Pagefind's error. */
const failure = (error: unknown): ShardReply => ({ error: error instanceof Error ? error.message : String(error) });

port.on('message', (task: ShardTask | 'close') => {
  if (task === 'close') {
    // Ends this thread's Pagefind process, which would outlive the thread.
    import('pagefind')
      .then(({ close }) => close())
      .then(
        () => port.postMessage({ closed: true } satisfies ShardReply),
        (error: unknown) => port.postMessage(failure(error)),
      );
    return;
  }
  buildShard(task).then(
    () => port.postMessage({ done: task.folder } satisfies ShardReply),
    (error: unknown) => port.postMessage(failure(error)),
  );
});
