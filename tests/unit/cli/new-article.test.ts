import { mkdtemp, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkArticleFile } from '../../../src/lib/article/article.ts';
import { articleRules } from '../../../src/build/article-job.ts';
import { createArticle, type NewArticleRequest } from '../../../src/cli/new-article.ts';

const site = { timeZone: 'Asia/Gaza', lang: 'en', defaultSection: 'News', defaultByline: 'Dateline staff' };
// 22:30 UTC on New Year's Eve is already 00:30 on 1 January in Gaza: the file goes in January's folder.
const now = new Date('2024-12-31T22:30:00Z');

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-new-'));
  await mkdir(join(root, 'content'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const request = (headline: string, extra: Partial<NewArticleRequest> = {}): NewArticleRequest => ({ root, headline, now, site, ...extra });

describe('npm run new', () => {
  it('files a draft under the year and month of the site time zone, dated now', async () => {
    const result = await createArticle(request('Ceasefire talks resume in Doha', { dateline: 'DOHA', section: 'World' }));
    expect(result).toEqual({ ok: true, file: 'content/2025/01/ceasefire-talks-resume-in-doha.md', slug: 'ceasefire-talks-resume-in-doha' });
    expect(await readFile(join(root, 'content/2025/01/ceasefire-talks-resume-in-doha.md'), 'utf8')).toBe(
      [
        '---',
        'title: Ceasefire talks resume in Doha',
        'dateline: DOHA',
        'date: 2025-01-01T00:30:00+02:00',
        'section: World',
        'draft: true',
        '---',
        '',
        'Write the story here. The dateline opens the first paragraph by itself.',
        '',
      ].join('\n'),
    );
  });

  it('writes a file that passes the check, in any language', async () => {
    for (const [headline, lang] of [
      ['Café déjà vu: “quotes” & #tags', undefined],
      ['حماس تنسحب من المفاوضات', 'ar'],
    ] as const) {
      const result = await createArticle(request(headline, { lang }));
      if (!result.ok) throw new Error(result.message);
      expect(result.slug).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
      const check = checkArticleFile(result.file, await readFile(join(root, result.file)), articleRules(site, root, new Date()));
      expect(check.ok ? check.article : check.problems).toMatchObject({ title: headline, status: 'draft', slug: result.slug });
    }
  });

  it('refuses to overwrite an existing file', async () => {
    await createArticle(request('Same headline'));
    const path = join(root, 'content/2025/01/same-headline.md');
    await writeFile(path, 'the editor has written here');
    expect(await createArticle(request('Same headline'))).toEqual({
      ok: false,
      message: 'content/2025/01/same-headline.md already exists; nothing was written. Edit that file, or choose another headline.',
    });
    expect(await readFile(path, 'utf8')).toBe('the editor has written here');
  });

  it('numbers a slug that another month already uses', async () => {
    await createArticle(request('Annual review', { now: new Date('2023-06-01T10:00:00Z') }));
    expect(await createArticle(request('Annual review'))).toMatchObject({ ok: true, file: 'content/2025/01/annual-review-2.md' });
  });

  it('refuses an empty headline, an overlong one and an unknown language', async () => {
    expect(await createArticle(request('  '))).toMatchObject({
      ok: false,
      message: expect.stringContaining('Give the headline in quotes'),
    });
    expect(await createArticle(request('x'.repeat(201)))).toMatchObject({ ok: false, message: expect.stringContaining('at most 200') });
    expect(await createArticle(request('Fine', { lang: 'english language' }))).toMatchObject({
      ok: false,
      message: expect.stringContaining('--lang'),
    });
  });
});
