import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import { runArticleJob, type JobResult, type JobSettings } from './article-job.ts';
import type { ArticleTask } from '../workers/article-worker.ts';

/**
 * Runs the article jobs of a build or check over every core: one worker thread per core, each
 * rendering one article at a time. Below a few dozen articles, starting the workers (each loads the
 * whole Markdown pipeline) costs more than it saves, so small sites run in the calling thread.
 */
export const POOL_THRESHOLD = 64;

export interface PoolOptions {
  /** Worker threads; 0 runs every job in the calling thread. By default one per core, above the threshold. */
  readonly workers?: number | undefined;
  /** Called after each job, for a progress line. */
  readonly onDone?: ((done: number, total: number) => void) | undefined;
}

export async function runArticleJobs(files: readonly string[], settings: JobSettings, options: PoolOptions = {}): Promise<JobResult[]> {
  const workers = options.workers ?? (files.length >= POOL_THRESHOLD ? availableParallelism() : 0);
  let done = 0;
  const finished = <T>(result: T): T => {
    options.onDone?.(++done, files.length);
    return result;
  };

  if (workers === 0) {
    const results: JobResult[] = [];
    for (const file of files) results.push(finished(await runArticleJob(file, settings)));
    return results;
  }

  const pool = new Piscina<ArticleTask, JobResult>({
    filename: new URL('../workers/article-worker.ts', import.meta.url).href,
    minThreads: workers,
    maxThreads: workers,
  });
  try {
    return await Promise.all(files.map((file) => pool.run({ file, settings }).then(finished)));
  } finally {
    await pool.destroy();
  }
}
