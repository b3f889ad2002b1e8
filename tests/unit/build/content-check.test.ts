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

  it('reports a slug clash in the same run as the other problems of a refused file', async () => {
    await write({
      'content/a.md': article('A', 'slug: same\n').replace('dateline: GAZA\n', ''),
      'content/2024/same.md': article('B', 'kind: editorial\n'),
      'content/b.md': `---\ntitle: “Talks: day two”\n---\n`,
      'content/2025/b.md': article('C'),
    });
    expect((await check()).problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/2024/same.md:6: kind — found "editorial", expected one of news, analysis, opinion, explainer, review, sponsored, fact-check",
        "content/a.md: dateline — found nothing, expected the place the story was filed from, like "GAZA"",
        "content/b.md:2: title — found "“Talks: day two”", a value in curly quotes with ": " inside, which YAML cannot read: it takes only straight quotes as quotes, expected the curly quotes replaced with straight ones, like title: "Talks: day two"",
        "content/2024/same.md: slug — found "same", which content/a.md also has, expected a slug no other article uses; change the slug field or rename one of the files",
        "content/a.md:5: slug — found "same", which content/2024/same.md also has, expected a slug no other article uses; change the slug field or rename one of the files",
        "content/2025/b.md: slug — found "b", which content/b.md also has, expected a slug no other article uses; change the slug field or rename one of the files",
        "content/b.md: slug — found "b", which content/2025/b.md also has, expected a slug no other article uses; change the slug field or rename one of the files",
      ]
    `);
  });

  it("refuses an alias that is another article's slug or alias, naming both files, and one of a refused file too", async () => {
    await write({
      'content/moved.md': article('M', 'aliases: [old-talks, talks]\n'),
      'content/talks.md': article('T', 'aliases: [old-talks]\n'),
      'content/broken.md': article('B', 'aliases: [gone]\nkind: editorial\n'),
      'content/gone.md': article('G'),
    });
    expect((await check()).problems.map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/broken.md:7: kind — found "editorial", expected one of news, analysis, opinion, explainer, review, sponsored, fact-check",
        "content/moved.md:6: aliases[0] — found "old-talks", which content/talks.md also lists in aliases, expected an earlier slug of this article alone: one old address can lead to one article only; remove it where the article never had it",
        "content/talks.md:6: aliases[0] — found "old-talks", which content/moved.md also lists in aliases, expected an earlier slug of this article alone: one old address can lead to one article only; remove it where the article never had it",
        "content/gone.md: slug — found "gone", which content/broken.md lists in aliases (an address it had before), expected a slug that no other article has or had; change the slug field or rename the file, or remove the alias there",
        "content/broken.md:6: aliases[0] — found "gone", which is the slug of content/gone.md, expected an earlier slug that is no other article's address; remove the alias, or change the slug of the other article",
        "content/talks.md: slug — found "talks", which content/moved.md lists in aliases (an address it had before), expected a slug that no other article has or had; change the slug field or rename the file, or remove the alias there",
        "content/moved.md:6: aliases[1] — found "talks", which is the slug of content/talks.md, expected an earlier slug that is no other article's address; remove the alias, or change the slug of the other article",
      ]
    `);
  });

  it('holds site pages and author bios to the body rules of articles, in both modes', async () => {
    await write({
      'content/pages/about.md': '---\ntitle: About\n---\nWho we are.\n\n<iframe src="https://example.org">\n\nOur address.\n\nOur phone.\n',
      'content/authors/maya.md': '---\nname: Maya\n---\nMaya reports <a href="/x" onclick="x()">data</a>.\n',
    });
    for (const mode of ['render', 'parse'] as const) {
      const report = await checkContent({ root, site, now, mode });
      expect(report.problems.map(formatProblem)).toEqual([
        "content/pages/about.md:6: body — found <iframe> that is never closed: the 2 lines after it would be lost with it, expected </iframe> where it should end, or no <iframe> at all (readers' browsers never load another site's page or plugin)",
      ]);
      expect(report.warnings.map(formatProblem)).toContain(
        'content/authors/maya.md:4: body — found the onclick attribute of <a>, which is removed, expected no onclick: event handlers are scripts, which never reach readers',
      );
    }
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
