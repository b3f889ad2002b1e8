/**
 * `npm run check [-- --json] [-- --root DIR]`: checks every article under content/ with the very
 * rules of the build (src/build/content-check.ts), without building the site. Exits 1 when the build would
 * fail. `--root` checks the content/ folder of another project tree.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatCheckSummary, summariseCheck } from './check-report.ts';
import { CONTENT_DIR } from '../lib/article/article.ts';
import { checkContent } from '../build/content-check.ts';
import { createProgress, wantsProgress } from '../build/progress.ts';
import { siteConfig } from '../site.config.ts';

const { values } = parseArgs({
  options: {
    json: { type: 'boolean', default: false },
    root: { type: 'string', default: resolve(import.meta.dirname, '..', '..') },
  },
});
const root = resolve(values.root);
if (!existsSync(resolve(root, CONTENT_DIR))) {
  process.stderr.write(`There is no ${CONTENT_DIR}/ folder in ${root}; run the check from the project folder or pass --root.\n`);
  process.exit(2);
}

// A progress line only where a person watches a terminal; CI logs and --json stay clean.
const report = await checkContent({
  root,
  site: siteConfig,
  now: new Date(),
  mode: 'parse',
  policies: siteConfig.policies,
  onProgress: wantsProgress(process.stderr, process.env) && !values.json ? createProgress(process.stderr, 'Checking') : undefined,
});
const summary = summariseCheck(report, siteConfig.timeZone);
process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatCheckSummary(summary, siteConfig.timeZone)}\n`);
process.exitCode = summary.ok ? 0 : 1;
