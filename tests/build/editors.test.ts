import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckSummary } from '../../src/cli/check-report.ts';
import { waitUntil } from '../../scripts/local-server.ts';
import { formatProblem } from '../../src/lib/article/problems.ts';
import { buildSite, copySite, devServer, projectRoot, removeSite, runScript, type BuiltSite, type PreviewServer } from '../support/site.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'sites');

async function checkJson(content: string): Promise<{ exitCode: number; summary: CheckSummary }> {
  const dir = await copySite(content);
  try {
    const { exitCode, output } = await runScript('check.ts', ['--json', '--root', dir]);
    return { exitCode, summary: JSON.parse(output) as CheckSummary };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

describe('npm run check and the build agree', () => {
  let build: BuiltSite;
  let check: { exitCode: number; summary: CheckSummary };
  beforeAll(async () => {
    [build, check] = await Promise.all([buildSite({ content: join(fixtures, 'bad') }), checkJson(join(fixtures, 'bad'))]);
  });
  afterAll(() => removeSite(build));

  it('on a tree of mistakes: both fail, with the very same problem lines', () => {
    expect(check.exitCode).toBe(1);
    expect(build.exitCode).not.toBe(0);
    const lines = check.summary.problems.map(formatProblem);
    expect(lines).toHaveLength(23);
    for (const line of lines) expect(build.output).toContain(`  ${line}\n`);
    const buildLines = build.output.split('\n').filter((line) => /^ {2}content\//.test(line));
    expect(buildLines.map((line) => line.trim())).toEqual(lines);
  });

  it('on a good tree: both pass, and the check lists what the build leaves out', async () => {
    const good = await checkJson(join(fixtures, 'good'));
    expect(good.exitCode).toBe(0);
    expect(good.summary.problems).toEqual([]);
    expect(good.summary.drafts).toEqual([{ file: 'content/draft.md', title: 'DRAFT-TITLE-MARKER' }]);
    expect(good.summary.scheduled).toEqual([
      { file: 'content/scheduled.md', title: 'SCHEDULED-TITLE-MARKER', goesLive: '2999-01-01T11:00:00+02:00' },
    ]);
    expect(good.summary.unread).toEqual(['content/notes.markdown']);
    expect(good.summary.published).toBe(6);
  });
});

describe('npm run check as an editor runs it', () => {
  it('prints file:line: field — found …, expected …, then a summary, and exits 1', async () => {
    const dir = await copySite(join(fixtures, 'bad'));
    try {
      const { exitCode, output } = await runScript('check.ts', ['--root', dir]);
      expect(exitCode).toBe(1);
      expect(output).toContain('Problems (23):\n  content/Bad Name.md: slug — found none');
      expect(output).toContain(
        '  content/bad-date.md:4: date — found "2024-07-14 11:20", expected an ISO 8601 date and time with an offset',
      );
      expect(output.trim().split('\n').at(-1)).toBe(
        '✗ 23 problems in 22 files; the build fails until they are fixed. Also: 1 article ready to publish, 0 drafts, 0 scheduled, 13 warnings.',
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('checks the repository content and passes', async () => {
    const { exitCode, output } = await runScript('check.ts', []);
    expect(output).toContain('✓ No problems');
    expect(exitCode).toBe(0);
  });

  it('says where it looked when there is no content folder', async () => {
    const { exitCode, output } = await runScript('check.ts', ['--root', join(fixtures, 'bad')]);
    expect(exitCode).toBe(2);
    expect(output).toContain(`There is no content/ folder in ${join(fixtures, 'bad')}`);
  });
});

describe('npm run new', () => {
  it('writes a draft that the check accepts, and refuses to overwrite it', async () => {
    const dir = await copySite(join(fixtures, 'bad', 'good.md').replace('good.md', ''));
    try {
      await rm(join(dir, 'content'), { recursive: true });
      const first = await runScript('new.ts', ['Talks resume in Doha', '--dateline', 'DOHA', '--root', dir]);
      expect(first.exitCode).toBe(0);
      const file = /Wrote (content\/\d{4}\/\d{2}\/talks-resume-in-doha\.md)/.exec(first.output)?.[1];
      expect(file).toBeDefined();
      expect(await readFile(join(dir, file!), 'utf8')).toContain('title: Talks resume in Doha\ndateline: DOHA\n');
      const check = await runScript('check.ts', ['--json', '--root', dir]);
      expect(check.exitCode).toBe(0);
      expect((JSON.parse(check.output) as CheckSummary).drafts).toEqual([{ file, title: 'Talks resume in Doha' }]);
      const second = await runScript('new.ts', ['Talks resume in Doha', '--root', dir]);
      expect(second.exitCode).toBe(1);
      expect(second.output).toContain(`${file} already exists; nothing was written.`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('the dev server', () => {
  let dir: string;
  let server: PreviewServer;
  beforeAll(async () => {
    dir = await copySite(join(fixtures, 'good'));
    server = await devServer(dir);
  });
  afterAll(async () => {
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const get = async (path: string) => {
    const response = await fetch(`${server.url}${path}`);
    return { status: response.status, html: await response.text() };
  };

  it('shows a draft with a banner saying it is not public', async () => {
    const { status, html } = await get('/articles/draft/');
    expect(status).toBe(200);
    expect(html).toContain('DRAFT-BODY-MARKER');
    expect(html).toMatch(/<p class="status-banner"[^>]*>\s*Draft: seen only on the dev server/);
  });

  it('shows a scheduled article with its go-live time', async () => {
    const { html } = await get('/articles/scheduled/');
    expect(html).toContain('Scheduled: seen only on the dev server until Tuesday 1 January 2999, 11:00 GMT+2');
  });

  it('lists them on the home page, marked', async () => {
    const { html } = await get('/');
    expect(html).toContain('DRAFT-TITLE-MARKER');
    expect(html).toMatch(/<p class="teaser__status"[^>]*>draft<\/p>/);
    expect(html).toMatch(/<p class="teaser__status"[^>]*>scheduled<\/p>/);
  });

  it('shows no banner on a published article', async () => {
    const { html } = await get('/articles/seed-story/');
    expect(html).not.toContain('status-banner"');
  });

  it('works out again on each request what a build works out once: an article enters the news sitemap when its time comes', async () => {
    // Dated a few seconds ahead: not news yet when first asked, news a moment later, with no file
    // changing in between. A value kept from the first request would leave it out until a restart.
    const date = new Date(Date.now() + 15_000);
    await writeFile(
      join(dir, 'content', 'crossing-reopens.md'),
      `---\ntitle: Crossing reopens\ndateline: RAFAH\ndate: ${date.toISOString()}\n---\nText.\n`,
    );
    await waitUntil(async () => (await get('/articles/crossing-reopens/')).status === 200, 60_000, 'the new article was not served');
    if (Date.now() < date.getTime()) expect((await get('/sitemap-news.xml')).status).toBe(404);
    await waitUntil(
      async () => (await get('/sitemap-news.xml')).html.includes('/articles/crossing-reopens/'),
      60_000,
      'the article never entered the news sitemap',
    );
    expect((await get('/sitemap-index.xml')).html).toContain('/sitemap-news.xml');
    expect((await get('/robots.txt')).html).toContain('/sitemap-news.xml');
  });
});
