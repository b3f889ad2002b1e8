/**
 * `npm run new -- "Headline" [--dateline GAZA] [--section World] [--lang ar]`: writes a new draft
 * article into content/<year>/<month>/, dated now in the site's time zone, with a slug made from the
 * headline. It never overwrites a file.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createArticle } from './new-article.ts';
import { siteConfig } from '../site.config.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    dateline: { type: 'string' },
    section: { type: 'string' },
    lang: { type: 'string' },
    root: { type: 'string', default: resolve(import.meta.dirname, '..', '..') },
  },
});

const result = await createArticle({
  root: resolve(values.root),
  headline: positionals.join(' '),
  dateline: values.dateline,
  section: values.section,
  lang: values.lang,
  now: new Date(),
  site: siteConfig,
});
if (result.ok) {
  process.stdout.write(
    `Wrote ${result.file} (a draft, at /articles/${result.slug}/ once published).\n` +
      'Next: write the story, run "npm run check", then set draft: false (or delete that line) to publish.\n',
  );
} else {
  process.stderr.write(`${result.message}\n`);
  process.exitCode = 1;
}
