import sharp from 'sharp';
import { runArticleJob, type JobSettings } from '../article-job.ts';

/**
 * The worker-process entry of the article pool (src/build/article-pool.ts). Each worker draws one
 * preview card at a time: the pool already has one worker per core, so libvips needs no threads of
 * its own.
 */
sharp.concurrency(1);

export interface ArticleTask {
  readonly file: string;
  readonly settings: JobSettings;
}

export default function articleTask({ file, settings }: ArticleTask) {
  return runArticleJob(file, settings);
}
