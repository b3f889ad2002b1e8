import { existsSync } from 'node:fs';
import { readdir, rm, writeFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { AstroIntegrationLogger } from 'astro';
import { codeFingerprint, pipelineFingerprint } from './body-cache.ts';
import { readBuildManifest } from './manifest.ts';
import { cacheFolder } from './cache.ts';
import { placeFolder } from './place.ts';
import { count } from '../lib/article/problems.ts';
import { searchShards, shardKey, type SearchShard } from '../lib/outputs/search-shards.ts';
import type { ShardReply, ShardTask } from './workers/search-worker.ts';

/**
 * The full-text search index of a build: Pagefind indexes each published article (headline,
 * standfirst and body text, with section and tags as filters) from the bodies the content sync
 * rendered. It comes in parts by year (src/lib/outputs/search-shards.ts), each kept under `.cache/search/`
 * by a hash of its articles; only parts whose articles changed are indexed again, on worker threads
 * (src/build/workers/search-worker.ts) while Astro renders pages. At the end the newest part becomes
 * dist/pagefind/ and each older one dist/pagefind/<first year>/, listed in dist/pagefind/shards.json
 * for the search page (public/scripts/search.js) to merge.
 */
export interface SearchIndexSettings {
  readonly root: string;
  readonly lang: string;
  readonly shardSize: number;
}

/** What a part's files depend on besides its articles' bodies: the code of its records, and Pagefind. */
const SEARCH_MODULES = ['src/lib/outputs/search-shards.ts', 'src/lib/site/urls.ts', 'src/build/workers/search-worker.ts'];

interface BuiltShard extends SearchShard {
  /** The part's index under `.cache/search/`. */
  readonly folder: string;
}

export function startSearchIndex(settings: SearchIndexSettings) {
  const building = buildShards(settings);
  // Reported when the build awaits it at the end, not as an unhandled rejection meanwhile.
  building.catch(() => undefined);
  return {
    /** Waits for every part, and puts them into the site. */
    async writeTo(site: string, logger: AstroIntegrationLogger): Promise<void> {
      const { shards, indexed } = await building;
      const target = join(site, 'pagefind');
      // The previous build's parts may differ in number and years.
      await rm(target, { recursive: true, force: true });
      const newest = shards.at(-1);
      const older = shards.slice(0, -1).reverse();
      if (newest) await placeFolder(newest.folder, target);
      for (const shard of older) await placeFolder(shard.folder, join(target, shard.id));
      await writeFile(join(target, 'shards.json'), `${JSON.stringify(older.map((shard) => shard.id))}\n`);
      const articles = shards.reduce((sum, shard) => sum + shard.articles.length, 0);
      logger.info(`Search index written for ${count(articles, 'article')} in ${count(shards.length, 'part')} (${indexed} indexed anew).`);
    },
  };
}

async function buildShards({ root, lang, shardSize }: SearchIndexSettings): Promise<{ shards: BuiltShard[]; indexed: number }> {
  // Everything up to handing the threads their parts happens at once, before Vite takes the main thread.
  const published = readBuildManifest(root);
  const code = `${pipelineFingerprint()}-${codeFingerprint(SEARCH_MODULES, ['pagefind'])}`;
  const cache = cacheFolder(root, 'search');
  const shards = searchShards(published, shardSize).map((shard) => ({ ...shard, folder: join(cache, shardKey(shard, code, lang)) }));
  const missing = shards.filter((shard) => !existsSync(join(shard.folder, 'pagefind-entry.json')));
  await runShardTasks(missing.map(({ articles, folder }) => ({ root, lang, articles, folder })));
  // The cache holds the parts of the latest build only.
  const current = new Set(shards.map((shard) => basename(shard.folder)));
  for (const name of await readdir(cache).catch(() => [])) {
    if (!current.has(name)) await rm(join(cache, name), { recursive: true, force: true });
  }
  return { shards, indexed: missing.length };
}

/** One worker thread per core (each with its own Pagefind process), each taking the next part when done. */
async function runShardTasks(tasks: readonly ShardTask[]): Promise<void> {
  const queue = [...tasks];
  const threads = Math.min(availableParallelism(), queue.length);
  await Promise.all(
    Array.from({ length: threads }, async () => {
      const worker = new Worker(new URL('./workers/search-worker.ts', import.meta.url));
      // A build that fails before its end must not be kept alive by this thread.
      worker.unref();
      const ask = conversation(worker);
      try {
        for (let task = queue.shift(); task; task = queue.shift()) await ask(task);
        await ask('close');
      } finally {
        await worker.terminate();
      }
    }),
  );
}

/** Sends one message at a time and waits for the thread's answer. */
function conversation(worker: Worker): (message: ShardTask | 'close') => Promise<void> {
  let waiting: { resolve: () => void; reject: (error: Error) => void } | undefined;
  worker.on('message', (reply: ShardReply) => {
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve();
  });
  worker.on('error', (error: Error) => waiting?.reject(error));
  worker.on('exit', (code) => waiting?.reject(new Error(`The search index thread stopped (exit code ${code})`)));
  return (message) =>
    new Promise<void>((resolve, reject) => {
      waiting = { resolve, reject };
      worker.postMessage(message);
    });
}
