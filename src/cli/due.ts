/**
 * `npm run due -- --since TIME | --since-file FILE [--github-output] [--root DIR]`: says whether a
 * scheduled article went live after TIME (when the last published build was made) and so whether a
 * build now would publish anything. The hourly workflow run builds only then. The articles are read
 * with the check's own rules, as they stood at TIME (src/lib/article/schedule.ts).
 */
import { appendFile, readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { summariseCheck } from './check-report.ts';
import { checkContent } from '../build/content-check.ts';
import { isoWithOffset, parseArticleDate } from '../lib/article/dates.ts';
import { count } from '../lib/article/problems.ts';
import { goLiveWindow } from '../lib/article/schedule.ts';
import { siteConfig } from '../site.config.ts';

const LISTED = 3;
const USAGE = 'Usage: npm run due -- --since 2026-11-30T10:07:00Z | --since-file FILE [--github-output] [--root DIR]';

function readOptions() {
  try {
    return parseArgs({
      options: {
        since: { type: 'string' },
        'since-file': { type: 'string' },
        'github-output': { type: 'boolean', default: false },
        root: { type: 'string', default: resolve(import.meta.dirname, '..', '..') },
      },
    }).values;
  } catch (error) {
    // Node's own message, such as "Unknown option '--sinse'": its first line says it all.
    return refuse(error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error));
  }
}

function refuse(message: string): never {
  process.stderr.write(`${message}\n${USAGE}\n`);
  process.exit(2);
}

const options = readOptions();
if ((options.since === undefined) === (options['since-file'] === undefined)) refuse('Give one of --since and --since-file.');

const since = await lastBuildTime();
let due: boolean;
if (since === undefined) {
  due = true;
  process.stdout.write(`No record of the last published build in ${options['since-file']}: build and publish.\n`);
} else {
  const report = await checkContent({ root: resolve(options.root), site: siteConfig, now: since, mode: 'parse' });
  const { wentLive, upcoming } = goLiveWindow(summariseCheck(report, siteConfig.timeZone).scheduled, since, new Date());
  due = wentLive.length > 0;
  const sinceShown = isoWithOffset(since, siteConfig.timeZone);
  process.stdout.write(
    due
      ? `${count(wentLive.length, 'scheduled article')} went live since ${sinceShown}: ${listed(wentLive)}; build and publish.\n`
      : `Nothing went live since ${sinceShown}; ${upcoming[0] ? `next: ${listed(upcoming.slice(0, 1))}` : 'nothing else is scheduled'}. No build needed.\n`,
  );
}

if (options['github-output']) {
  const file = process.env['GITHUB_OUTPUT'];
  if (!file) refuse('--github-output writes to the file GitHub Actions names in GITHUB_OUTPUT, and GITHUB_OUTPUT is not set.');
  await appendFile(file, `due=${due}\n`);
}

/** The first few, for a line a person reads in the log of a run. */
function listed(articles: readonly { file: string; goesLive: string }[]): string {
  const shown = articles.slice(0, LISTED).map(({ file, goesLive }) => `${file} at ${goesLive}`);
  return articles.length > LISTED ? `${shown.join(', ')} and ${articles.length - LISTED} more` : shown.join(', ');
}

/**
 * When the last published build was made. The workflow keeps it in a file in its cache: a file that is
 * not there (the first run, or a cache that expired) means no build is known to be published.
 */
async function lastBuildTime(): Promise<Date | undefined> {
  const file = options['since-file'];
  const text = file === undefined ? (options.since ?? '') : await readFile(file, 'utf8').catch(() => '');
  if (file !== undefined && text.trim() === '') return undefined;
  const time = parseArticleDate(text, siteConfig.timeZone);
  if (!time?.hasTime)
    refuse(`The time of the last build — found "${text.trim()}", expected a time with an offset like 2026-11-30T10:07:00Z.`);
  return time.instant;
}
