import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runArticleJob, type JobSettings } from '../../../src/build/article-job.ts';
import { readArticleBody } from '../../../src/build/body-cache.ts';
import { withoutParagraphLinks } from '../../support/render.ts';

const site = { name: 'Dateline', timeZone: 'Asia/Gaza', lang: 'en', defaultSection: 'News', defaultByline: 'Dateline staff' };
const article = (extra = '', body = '"Talks resume," he said.') =>
  `---\ntitle: Talks\ndateline: GAZA\ndate: 2024-07-14T11:20:00+03:00\nsummary: S.\n${extra}---\n${body}\n`;

let root: string;
let settings: JobSettings;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-job-'));
  await mkdir(join(root, 'content'), { recursive: true });
  settings = { root, site, now: Date.parse('2026-11-26T12:00:00Z'), mode: 'render', drawPreviewCards: false, pipeline: 'test' };
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function job(text: string, overrides: Partial<JobSettings> = {}) {
  await writeFile(join(root, 'content', 'a.md'), text);
  return runArticleJob('content/a.md', { ...settings, ...overrides });
}

const cachedFiles = async () =>
  (await readdir(join(root, '.cache', 'html'), { recursive: true })).filter((name) => String(name).endsWith('.json'));

describe('the article job', () => {
  it('checks and renders an article, keeping the body in the HTML cache', async () => {
    const result = await job(article());
    if (!result.ok || !result.rendered) throw new Error('expected a rendered article');
    expect(result.rendered.article).toMatchObject({ slug: 'a', title: 'Talks', status: 'published', readingMinutes: 1 });
    const body = readArticleBody(root, result.rendered.htmlKey);
    expect(withoutParagraphLinks(body.html)).toBe('<p><span class="dateline">GAZA —</span> “Talks resume,” he said.</p>');
    expect(body.text).toContain('Talks resume');
    expect(body.words).toBe(4);
    expect(await cachedFiles()).toHaveLength(1);
  });

  it('reads an unchanged body from the cache instead of rendering it again', async () => {
    const first = await job(article());
    if (!first.ok || !first.rendered) throw new Error('expected a rendered article');
    const [name] = await cachedFiles();
    const path = join(root, '.cache', 'html', String(name));
    // A mark that only the cache can carry: rendering would never write it.
    const cached = JSON.parse(await readFile(path, 'utf8'));
    await writeFile(path, JSON.stringify({ ...cached, html: '<p>from the cache</p>' }));
    const second = await job(article());
    if (!second.ok || !second.rendered) throw new Error('expected a rendered article');
    expect(second.rendered.htmlKey).toBe(first.rendered.htmlKey);
    expect(readArticleBody(root, second.rendered.htmlKey).html).toBe('<p>from the cache</p>');
  });

  it('renders again when the body, a field the pipeline reads, or the pipeline changes', async () => {
    const keyOf = async (text: string, overrides: Partial<JobSettings> = {}) => {
      const result = await job(text, overrides);
      return result.ok ? result.rendered?.htmlKey : undefined;
    };
    const original = await keyOf(article());
    const keys = [
      await keyOf(article('', 'Another body.')),
      await keyOf(article().replace('dateline: GAZA', 'dateline: DOHA')),
      await keyOf(article('lang: ar\n')),
      await keyOf(article(), { pipeline: 'changed' }),
    ];
    expect(new Set([original, ...keys]).size).toBe(5);
    // Fields the body does not depend on leave it as it was.
    expect(await keyOf(article().replace('title: Talks', 'title: Other'))).toBe(original);
  });

  it('reports file problems and body problems, and renders nothing for them', async () => {
    const broken = await job('---\ntitle: T\n---\n');
    expect(broken.ok).toBe(false);
    const badImage = await job(article('', '![x](./missing.png)'));
    expect(badImage.ok && badImage.bodyProblems.map((problem) => problem.field)).toEqual(['body']);
    expect(badImage.ok && badImage.rendered).toBeUndefined();
  });

  it('parses without rendering for the check', async () => {
    const result = await job(article('', '![x](./missing.png)'), { mode: 'parse' });
    expect(result.ok && result.bodyProblems).toHaveLength(1);
    expect(result.ok && result.rendered).toBeUndefined();
  });

  it('draws preview cards for published articles only', async () => {
    const published = await job(article(), { drawPreviewCards: true });
    expect(published.ok && published.rendered?.previewKey).toMatch(/^[0-9a-f]{32}$/);
    const draft = await job(article('draft: true\n'), { drawPreviewCards: true });
    expect(draft.ok && draft.rendered?.previewKey).toBeUndefined();
  });
});
