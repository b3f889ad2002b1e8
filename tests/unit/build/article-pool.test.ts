import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobSettings } from '../../../src/build/article-job.ts';
import { runArticleJobs } from '../../../src/build/article-pool.ts';

const site = { name: 'Dateline', timeZone: 'Asia/Gaza', lang: 'en', defaultSection: 'News', defaultByline: 'Dateline staff' };
const files = Array.from({ length: 6 }, (_, index) => `content/story-${index}.md`);

let root: string;
let settings: JobSettings;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-pool-'));
  await mkdir(join(root, 'content'), { recursive: true });
  for (const [index, file] of files.entries()) {
    const body =
      index === 3
        ? '---\ntitle: Broken\n---\n'
        : `---\ntitle: Story ${index}\ndateline: GAZA\ndate: 2024-07-1${index}T11:20:00+03:00\n---\n"Quote ${index}" -- and more.\n`;
    await writeFile(join(root, file), body);
  }
  settings = { root, site, now: Date.parse('2026-11-26T12:00:00Z'), mode: 'render', drawPreviewCards: true, pipeline: 'test' };
});
afterAll(() => rm(root, { recursive: true, force: true }));

describe('the article pool', () => {
  it('gives in worker threads exactly what it gives in the calling thread, in file order', async () => {
    const inline = await runArticleJobs(files, settings, { workers: 0 });
    const done: number[] = [];
    const pooled = await runArticleJobs(files, settings, { workers: 2, onDone: (count) => done.push(count) });
    expect(pooled).toEqual(inline);
    expect(inline.map((result) => result.ok)).toEqual([true, true, true, false, true, true]);
    expect(done.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6]);
  }, 60_000);
});
