import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { tz } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { stringify } from 'yaml';
import { CONTENT_DIR, contentFileKind } from '../lib/article/article.ts';
import { BODY_PLACEHOLDER } from '../lib/article/body-rules.ts';
import { contentFiles } from '../build/content-check.ts';
import { isoWithOffset } from '../lib/article/dates.ts';
import { normaliseText, parseFrontMatter } from '../lib/article/front-matter.ts';
import { canonicalLanguageTag } from '../lib/site/i18n.ts';
import { TITLE_MAX } from '../lib/article/schema.ts';
import { slugFromFileName, suggestSlug } from '../lib/article/slugs.ts';

/**
 * `npm run new`: a new article file, filed as editors file them (content/<year>/<month>/<slug>.md,
 * by the site's calendar), dated now, marked as a draft so that it cannot go live half-written.
 */
export interface NewArticleRequest {
  readonly root: string;
  readonly headline: string;
  readonly dateline?: string | undefined;
  readonly section?: string | undefined;
  readonly lang?: string | undefined;
  readonly now: Date;
  readonly site: { readonly timeZone: string };
}

export type NewArticleResult = { ok: true; file: string; slug: string } | { ok: false; message: string };

/** Stands in for a dateline not given; the check passes it, so the draft shows on the dev server. */
const DATELINE_PLACEHOLDER = 'DATELINE';

export async function createArticle(request: NewArticleRequest): Promise<NewArticleResult> {
  const headline = request.headline.replace(/\s+/g, ' ').trim();
  if (headline === '') return { ok: false, message: 'Give the headline in quotes: npm run new -- "Headline" --dateline GAZA' };
  if ([...headline].length > TITLE_MAX) {
    return { ok: false, message: `The headline has ${[...headline].length} characters; the article format allows at most ${TITLE_MAX}.` };
  }
  const lang = request.lang === undefined ? undefined : canonicalLanguageTag(request.lang);
  if (request.lang !== undefined && lang === undefined) {
    return { ok: false, message: `--lang "${request.lang}" is not a BCP 47 tag of a known language, like en, ar or fr-CA.` };
  }

  const zone = tz(request.site.timeZone);
  const folder = `${CONTENT_DIR}/${format(request.now, 'yyyy/MM', { in: zone })}`;
  const base = suggestSlug(headline) || `article-${format(request.now, 'yyyyMMdd-HHmm', { in: zone })}`;
  if (existsSync(resolve(request.root, folder, `${base}.md`))) {
    return { ok: false, message: `${folder}/${base}.md already exists; nothing was written. Edit that file, or choose another headline.` };
  }
  // The same headline in another month (a yearly story, say) gets the next free number.
  const taken = await slugsInUse(request.root);
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;

  const file = `${folder}/${slug}.md`;
  const frontMatter = {
    title: headline,
    dateline: request.dateline?.trim() || DATELINE_PLACEHOLDER,
    date: isoWithOffset(request.now, request.site.timeZone),
    ...(request.section ? { section: request.section.trim() } : {}),
    ...(lang ? { lang } : {}),
    draft: true,
  };
  const text = `---\n${stringify(frontMatter)}---\n\n${BODY_PLACEHOLDER}\n`;

  const path = resolve(request.root, file);
  await mkdir(dirname(path), { recursive: true });
  try {
    await writeFile(path, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
      return { ok: false, message: `${file} already exists; nothing was written. Edit that file, or choose another headline.` };
    }
    throw error;
  }
  return { ok: true, file, slug };
}

/** Slugs of every article file, valid or not, so that a new file never takes one. */
async function slugsInUse(root: string): Promise<Set<string>> {
  const slugs = new Set<string>();
  for (const file of await contentFiles(root).catch(() => [])) {
    if (contentFileKind(file) !== 'article') continue;
    slugs.add(slugFromFileName(file).toLowerCase());
    const parsed = parseFrontMatter(normaliseText(await readFile(resolve(root, file), 'utf8')));
    const slug = parsed.ok ? parsed.value.data['slug'] : undefined;
    if (typeof slug === 'string') slugs.add(slug);
  }
  return slugs;
}
