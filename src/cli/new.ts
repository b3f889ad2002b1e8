/**
 * `npm run new -- "Headline" [--dateline GAZA] [--section World] [--lang ar]`: writes a new draft
 * article into content/<year>/<month>/, dated now in the site's time zone, with a slug made from the
 * headline. It never overwrites a file, and writes nothing when the command line is wrong (new-args.ts).
 */
import { resolve } from 'node:path';
import { NEW_USAGE, readNewArgs } from './new-args.ts';
import { createArticle } from './new-article.ts';
import { siteConfig } from '../site.config.ts';

const args = readNewArgs(process.argv.slice(2), process.env);
if (args.kind === 'help') {
  process.stdout.write(`${NEW_USAGE}\n`);
} else if (args.kind === 'refused') {
  process.stderr.write(`${args.message}\n${NEW_USAGE}\n`);
  process.exitCode = 2;
} else {
  const result = await createArticle({
    root: resolve(args.root ?? resolve(import.meta.dirname, '..', '..')),
    headline: args.headline,
    dateline: args.dateline,
    section: args.section,
    lang: args.lang,
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
}
