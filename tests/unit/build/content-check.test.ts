import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readArticleBody } from '../../../src/build/body-cache.ts';
import { checkContent } from '../../../src/build/content-check.ts';
import { formatProblem } from '../../../src/lib/article/problems.ts';

const site = { name: 'Dateline', timeZone: 'Asia/Gaza', lang: 'en', defaultSection: 'News', defaultByline: 'Dateline staff' };
const now = new Date('2026-11-26T12:00:00Z');
const chart = join(import.meta.dirname, '..', '..', 'fixtures', 'sites', 'good', 'images', 'chart.png');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-content-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function write(files: Record<string, string>) {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

const article = (title: string, extra = '', body = 'Body.') =>
  `---\ntitle: ${title}\ndateline: GAZA\ndate: 2024-07-14T11:20:00+03:00\nsummary: S.\n${extra}---\n${body}\n`;

async function check() {
  return checkContent({ root, site, now, mode: 'render' });
}

describe('checkContent', () => {
  it('renders every valid article, drafts and scheduled ones too, with its reading time', async () => {
    await write({
      'content/a.md': article('A', '', 'GAZA words '.repeat(300)),
      'content/drafts/b.md': article('B', 'draft: true\n'),
      'content/c.md': article('C').replace('2024-07-14T11:20:00+03:00', '2999-01-01T00:00:00Z'),
    });
    const report = await check();
    expect(report.problems).toEqual([]);
    // In file order: content/a.md, content/c.md, content/drafts/b.md.
    expect(report.rendered.map(({ article: { slug, status, readingMinutes } }) => [slug, status, readingMinutes])).toEqual([
      ['a', 'published', 3],
      ['c', 'scheduled', 1],
      ['b', 'draft', 1],
    ]);
    expect(readArticleBody(root, String(report.rendered[0]?.htmlKey)).html).toContain('<span class="dateline">GAZA —</span>');
  });

  it('finds body problems in drafts too, the same with a renderer (build) and without (check)', async () => {
    await write({
      'content/draft.md': article(
        'D',
        'draft: true\n',
        '![x](https://example.org/x.png) ![y](./missing.png) ![z](../../outside.png) <img src="./raw.png">',
      ),
    });
    const expected = [
      'content/draft.md: body — found the image "https://example.org/x.png", which is not stored with the article, expected images stored next to the article, like ![Caption](./images/photo.jpg), so that readers never load another site',
      'content/draft.md: body — found the image "./missing.png", which is not a file inside content/, expected the path of an image file committed next to the article, like ![Caption](./images/photo.jpg)',
      'content/draft.md: body — found the image "../../outside.png", which is not a file inside content/, expected the path of an image file committed next to the article, like ![Caption](./images/photo.jpg)',
      'content/draft.md: body — found the image "./raw.png" in an HTML <img>, expected Markdown image syntax, like ![Caption](./images/photo.jpg), so that the image is resized and published with the article',
    ];
    expect((await check()).problems.map(formatProblem)).toEqual(expected);
    expect((await checkContent({ root, site, now, mode: 'parse' })).problems.map(formatProblem)).toEqual(expected);
  });

  it('accepts body images next to the article', async () => {
    await write({ 'content/2024/with-image.md': article('I', '', '![Chart](./images/chart%20one.png)') });
    await mkdir(join(root, 'content/2024/images'), { recursive: true });
    await cp(chart, join(root, 'content/2024/images/chart one.png'));
    const report = await check();
    expect(report.problems).toEqual([]);
    expect(report.rendered[0]?.localImagePaths).toEqual(['./images/chart one.png']);
  });

  it('reports file problems, slug clashes, warnings and unread files together', async () => {
    await write({
      'content/a.md': article('A', 'slug: same\n'),
      'content/same.md': article('B'),
      'content/bad.md': '---\ntitle: Bad\n---\n',
      'content/notes.markdown': 'x',
      'content/.gitkeep': '',
      'content/warn.md': article('W').replace('summary: S.\n', ''),
    });
    const report = await check();
    expect(report.files).toEqual(['content/a.md', 'content/bad.md', 'content/same.md', 'content/warn.md']);
    expect(report.unread).toEqual(['content/notes.markdown']);
    expect(report.problems.map((problem) => `${problem.file} ${problem.field}`)).toEqual([
      'content/bad.md dateline',
      'content/bad.md date',
      'content/a.md slug',
      'content/same.md slug',
    ]);
    expect(report.warnings.map((warning) => `${warning.file} ${warning.field}`)).toEqual(['content/warn.md summary']);
  });

  it('reports progress up to the total', async () => {
    await write({ 'content/a.md': article('A'), 'content/b.md': article('B') });
    const calls: [number, number][] = [];
    await checkContent({ root, site, now, mode: 'parse', onProgress: (done, total) => calls.push([done, total]) });
    expect(calls).toEqual([
      [1, 2],
      [2, 2],
    ]);
  });
});
