import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/lib/article/article.ts';
import { formatCheckSummary, summariseCheck } from '../../../src/cli/check-report.ts';
import type { ContentReport } from '../../../src/build/content-check.ts';
import { anArticle } from '../../support/article.ts';

const checked = (article: Partial<Article>) => ({
  ...anArticle({ slug: 'a', file: 'content/a.md', title: 'A', ...article }),
  body: '',
  bodyLine: 1,
});

const report: ContentReport = {
  files: ['content/a.md', 'content/b.md', 'content/c.md', 'content/d.md'],
  unread: ['content/notes.markdown'],
  checked: [
    checked({}),
    checked({ slug: 'b', file: 'content/b.md', title: 'B', status: 'draft' }),
    checked({
      slug: 'c',
      file: 'content/c.md',
      title: 'C',
      status: 'scheduled',
      date: { instant: new Date('2099-01-01T06:00:00Z'), hasTime: true },
    }),
  ],
  rendered: [],
  pages: [],
  authors: [],
  problems: [{ file: 'content/d.md', line: 4, field: 'date', found: '"x"', expected: 'a date' }],
  warnings: [{ file: 'content/a.md', field: 'summary', found: 'nothing', expected: 'a summary' }],
};

describe('the check report', () => {
  it('summarises problems, warnings, drafts, scheduled articles with their go-live time, and unread files', () => {
    expect(summariseCheck(report, 'Asia/Gaza')).toEqual({
      ok: false,
      files: 4,
      pages: 0,
      authors: 0,
      published: 1,
      problems: report.problems,
      warnings: report.warnings,
      drafts: [{ file: 'content/b.md', title: 'B' }],
      scheduled: [{ file: 'content/c.md', title: 'C', goesLive: '2099-01-01T08:00:00+02:00' }],
      unread: ['content/notes.markdown'],
    });
  });

  it('counts the site pages and author profiles it checked', () => {
    const page = {
      item: { slug: 'about', file: 'content/pages/about.md', title: 'About', lang: 'en', dir: 'ltr' as const },
      localImagePaths: [],
    };
    const author = { item: { slug: 'maya', file: 'content/authors/maya.md', name: 'Maya', sameAs: [] }, localImagePaths: [] };
    const summary = summariseCheck({ ...report, pages: [page], authors: [author, author] }, 'Asia/Gaza');
    expect(formatCheckSummary(summary, 'Asia/Gaza').split('\n')[0]).toBe(
      'Checked 4 article files, 1 site page and 2 author profiles in content/.',
    );
  });

  it('prints one line per finding and a summary line', () => {
    expect(formatCheckSummary(summariseCheck(report, 'Asia/Gaza'), 'Asia/Gaza')).toMatchInlineSnapshot(`
      "Checked 4 article files in content/.

      Problems (1):
        content/d.md:4: date — found "x", expected a date

      Warnings (1):
        content/a.md: summary — found nothing, expected a summary

      Drafts, never built until draft: false (1):
        content/b.md — "B"

      Scheduled, built from their date on (1):
        content/c.md — "C" goes live Thursday 1 January 2099, 08:00 GMT+2 (2099-01-01T08:00:00+02:00)

      Not read as articles (only .md files are) (1):
        content/notes.markdown

      ✗ 1 problem in 1 file; the build fails until they are fixed. Also: 1 article ready to publish, 1 draft, 1 scheduled, 1 warning."
    `);
  });

  it('does not count an article with a problem as ready to publish', () => {
    const clash = { file: 'content/a.md', field: 'slug', found: '"a"', expected: 'a unique slug' };
    expect(summariseCheck({ ...report, problems: [clash] }, 'Asia/Gaza').published).toBe(0);
  });

  it('says so plainly when all is well', () => {
    const clean = summariseCheck({ ...report, problems: [], warnings: [], unread: [], checked: [checked({})] }, 'Asia/Gaza');
    expect(formatCheckSummary(clean, 'Asia/Gaza')).toMatchInlineSnapshot(`
      "Checked 4 article files in content/.

      ✓ No problems: 1 article ready to publish, 0 drafts, 0 scheduled, 0 warnings."
    `);
  });
});
