import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runArticleJob, type JobSettings } from '../../../src/build/article-job.ts';
import { readArticleBody } from '../../../src/build/body-cache.ts';
import { BODY_PLACEHOLDER } from '../../../src/lib/article/body-rules.ts';
import { formatProblem } from '../../../src/lib/article/problems.ts';
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

describe('the body rules, with a renderer (build) and without (check)', () => {
  /** Problems and warnings of the body as one mode reports them. */
  async function reported(text: string, mode: JobSettings['mode']) {
    const result = await job(text, { mode });
    if (!result.ok) throw new Error(`expected a checked article: ${result.problems.map(formatProblem).join('; ')}`);
    return { problems: result.bodyProblems.map(formatProblem), warnings: result.warnings.map(formatProblem) };
  }

  it('report the same problems and warnings, with their lines, from a fresh render, the cache and a parse', async () => {
    await writeFile(join(root, 'content', 'hostages-chart.png'), 'not really a picture');
    const body = [
      'Embedded poll: <script src="https://polls.example/x.js"></script>',
      '',
      '<a href="https://example.org/results" onclick="track()">Results</a>',
      '',
      '![Chart](./hostages-chart.jpg)',
      '',
      '<iframe src="https://example.org/embed">',
      '',
      'The rest of the story.',
    ].join('\n');
    const rendered = await reported(article('', body), 'render');
    expect(rendered).toMatchInlineSnapshot(`
      {
        "problems": [
          "content/a.md:13: body — found <iframe> that is never closed: the 2 lines after it would be lost with it, expected </iframe> where it should end, or no <iframe> at all (readers' browsers never load another site's page or plugin)",
          "content/a.md: body — found the image "./hostages-chart.jpg", which is not a file inside content/, expected did you mean ./hostages-chart.png? the path of an image file committed next to the article, like ![Caption](./images/photo.jpg)",
        ],
        "warnings": [
          "content/a.md:7: body — found <script>, which is removed with its content, expected no <script>: scripts never reach readers",
          "content/a.md:9: body — found the onclick attribute of <a>, which is removed, expected no onclick: event handlers are scripts, which never reach readers",
        ],
      }
    `);
    expect(await reported(article('', body), 'render')).toEqual(rendered);
    expect(await reported(article('', body), 'parse')).toEqual(rendered);
  });

  it('refuse the placeholder of npm run new in an article that is not a draft, in both modes', async () => {
    for (const mode of ['render', 'parse'] as const) {
      expect((await reported(article('', BODY_PLACEHOLDER), mode)).problems, mode).toEqual([
        'content/a.md:7: body — found the placeholder that npm run new writes ("Write the story here."), expected the story in its place, or draft: true until it is written',
      ]);
      expect((await reported(article('draft: true\n', BODY_PLACEHOLDER), mode)).problems, mode).toEqual([]);
    }
  });

  it('suggest the nearest file for a missing lead image', async () => {
    await writeFile(join(root, 'content', 'hostages-chart.png'), 'not really a picture');
    const result = await job(article('image:\n  src: ./hostages-chart.jpg\n  alt: A chart\n'));
    expect(result.ok || result.problems.map(formatProblem)).toEqual([
      'content/a.md:7: image.src — found "./hostages-chart.jpg", but content/hostages-chart.jpg does not exist, expected did you mean ./hostages-chart.png? the path of an image file committed next to the article',
    ]);
  });
});
