import { CONTENT_DIR, type CheckedArticle } from '../lib/article/article.ts';
import type { ContentReport } from '../build/content-check.ts';
import { formatArticleDate, isoWithOffset } from '../lib/article/dates.ts';
import { interfaceText } from '../lib/site/i18n.ts';
import { count, formatProblem, sortProblems, type Problem } from '../lib/article/problems.ts';

/**
 * What `npm run check` prints: every problem and warning on its own line, then the drafts and
 * scheduled articles with their go-live time, then one summary line. The same facts as JSON for tools.
 */
export interface CheckSummary {
  readonly ok: boolean;
  readonly files: number;
  /** Site pages and author profiles that passed. */
  readonly pages: number;
  readonly authors: number;
  readonly published: number;
  readonly problems: readonly Problem[];
  readonly warnings: readonly Problem[];
  readonly drafts: readonly { file: string; title: string }[];
  readonly scheduled: readonly { file: string; title: string; goesLive: string }[];
  readonly unread: readonly string[];
}

export function summariseCheck(report: ContentReport, timeZone: string): CheckSummary {
  // An article named in a problem (a slug clash, say) is not ready, whatever its status.
  const withProblems = new Set(report.problems.map((problem) => problem.file));
  const articles = report.checked.filter((article) => !withProblems.has(article.file));
  const byStatus = (status: CheckedArticle['status']) => articles.filter((article) => article.status === status);
  return {
    ok: report.problems.length === 0,
    files: report.files.length,
    pages: report.pages.length,
    authors: report.authors.length,
    published: byStatus('published').length,
    problems: sortProblems(report.problems),
    warnings: sortProblems(report.warnings),
    drafts: byStatus('draft').map(({ file, title }) => ({ file, title })),
    scheduled: byStatus('scheduled')
      .sort((a, b) => a.date.instant.getTime() - b.date.instant.getTime())
      .map(({ file, title, date }) => ({ file, title, goesLive: isoWithOffset(date.instant, timeZone) })),
    unread: report.unread,
  };
}

export function formatCheckSummary(summary: CheckSummary, timeZone: string): string {
  const others = [
    ...(summary.pages > 0 ? [count(summary.pages, 'site page')] : []),
    ...(summary.authors > 0 ? [count(summary.authors, 'author profile')] : []),
  ];
  const checked = [count(summary.files, 'article file'), ...others];
  const lines: string[] = [`Checked ${new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(checked)} in ${CONTENT_DIR}/.`];
  const section = (heading: string, entries: readonly string[]) => {
    if (entries.length > 0) lines.push('', `${heading} (${entries.length}):`, ...entries.map((entry) => `  ${entry}`));
  };
  section('Problems', summary.problems.map(formatProblem));
  section('Warnings', summary.warnings.map(formatProblem));
  section(
    'Drafts, never built until draft: false',
    summary.drafts.map(({ file, title }) => `${file} — ${JSON.stringify(title)}`),
  );
  const english = interfaceText('en').dates;
  section(
    'Scheduled, built from their date on',
    summary.scheduled.map(({ file, title, goesLive }) => {
      const shown = formatArticleDate({ instant: new Date(goesLive), hasTime: true }, timeZone, english);
      return `${file} — ${JSON.stringify(title)} goes live ${shown} (${goesLive})`;
    }),
  );
  section('Not read as articles (only .md files are)', summary.unread);

  const tail = [
    `${count(summary.published, 'article')} ready to publish`,
    `${count(summary.drafts.length, 'draft')}`,
    `${summary.scheduled.length} scheduled`,
    `${count(summary.warnings.length, 'warning')}`,
  ].join(', ');
  const files = new Set(summary.problems.map((problem) => problem.file)).size;
  lines.push(
    '',
    summary.ok
      ? `✓ No problems: ${tail}.`
      : `✗ ${count(summary.problems.length, 'problem')} in ${count(files, 'file')}; the build fails until they are fixed. Also: ${tail}.`,
  );
  return lines.join('\n');
}
