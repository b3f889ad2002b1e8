import { posix } from 'node:path';
import { isScheduled, type ArticleDate } from './dates.ts';
import { normaliseText, parseFrontMatter, type CurlyQuotedValue, type FrontMatter } from './front-matter.ts';
import { nearestImage, type ListFolder } from './nearest-image.ts';
import { textDirection, type TextDirection } from '../site/i18n.ts';
import { describeValue, sortProblems, type Problem } from './problems.ts';
import { checkFrontMatter, fieldName, type ArticleKind, type FrontMatterData } from './schema.ts';
import { SLUG_EXPECTED, isValidSlug, slugFromFileName, suggestSlug } from './slugs.ts';

/**
 * From an article file to the article model: everything the format requires that can be decided
 * without rendering the body. The build's loader and the content check both call this, so they can
 * never disagree.
 */
/** The folder of the articles, from the project root. */
export const CONTENT_DIR = 'content';

export type ArticleStatus = 'published' | 'draft' | 'scheduled';

const IMAGE_EXTENSIONS = new Set(['.avif', '.gif', '.jpeg', '.jpg', '.png', '.webp']);

export interface Source {
  readonly name: string;
  readonly url?: string | undefined;
}

/** A dated correction, as the editor wrote it. */
export interface Correction {
  readonly date: ArticleDate;
  readonly text: string;
}

export interface LeadImage {
  /** Path of the image file from the project root, inside the content folder: `content/2024/07/images/x.jpg`. */
  readonly file: string;
  readonly alt: string;
  /** What the picture shows, printed under it for every reader. */
  readonly caption?: string | undefined;
  readonly credit?: string | undefined;
}

/** An article as every page, feed and preview sees it. */
export interface Article {
  readonly slug: string;
  /** Path of the Markdown file from the project root: `content/2024/07/gaza-talks.md`. */
  readonly file: string;
  readonly title: string;
  readonly dateline: string;
  readonly date: ArticleDate;
  readonly updated?: ArticleDate | undefined;
  readonly summary?: string | undefined;
  readonly authors: readonly string[];
  readonly section: string;
  readonly tags: readonly string[];
  readonly sources: readonly Source[];
  /** What was corrected and when, newest first. */
  readonly corrections: readonly Correction[];
  /** How the story was reported: who went where, what was checked and how. */
  readonly backstory?: string | undefined;
  readonly image?: LeadImage | undefined;
  /** Asks for the front page's lead slot (the newest featured article takes it). */
  readonly featured: boolean;
  /** What kind of piece it is: news, analysis, opinion…; every kind but news is labelled. */
  readonly kind: ArticleKind;
  /** Shared by the language versions of one story (Hugo's name for it). */
  readonly translationKey?: string | undefined;
  /** Earlier slugs, each published as a redirect to this article; absent when it never moved. */
  readonly aliases?: readonly string[] | undefined;
  readonly lang: string;
  readonly dir: TextDirection;
  readonly status: ArticleStatus;
  readonly readingMinutes: number;
}

/** An article whose file passed every check; its body is still Markdown. */
export interface CheckedArticle extends Omit<Article, 'readingMinutes'> {
  readonly body: string;
  readonly bodyLine: number;
  /** Line of the `slug` field, when the slug was written rather than taken from the file name. */
  readonly slugLine?: number | undefined;
  readonly translationKeyLine?: number | undefined;
  /** Where each of `aliases` is written, in the same order. */
  readonly aliasPlaces?: readonly AliasPlace[] | undefined;
}

export interface AliasPlace {
  /** `aliases[1]`, as problems name it. */
  readonly field: string;
  readonly line?: number | undefined;
}

/** The addresses a file claims, which no other file may claim: what the clash checks need of it. */
export type ArticleAddress = Pick<CheckedArticle, 'file' | 'slug' | 'slugLine' | 'aliases' | 'aliasPlaces'>;

export interface ArticleRules {
  readonly timeZone: string;
  readonly defaultLang: string;
  readonly defaultSection: string;
  readonly defaultAuthors: readonly string[];
  /** Folder of the articles from the project root, normally `content`. */
  readonly contentDir: string;
  /** The moment that decides whether a dated article is public or scheduled. */
  readonly now: Date;
  /** Whether a file exists, given its path from the project root. */
  readonly fileExists: (file: string) => boolean;
  /** For "did you mean" hints on a missing image (nearest-image.ts). */
  readonly listFolder?: ListFolder | undefined;
}

/**
 * A refused file still tells its `address` where it can (see `claimedAddress`), so that a clash with
 * another file is reported in the same run as its other problems.
 */
export type ArticleCheck =
  { ok: true; article: CheckedArticle; warnings: Problem[] } | { ok: false; problems: Problem[]; address?: ArticleAddress | undefined };

/** Longest headline that search results and link previews show whole (Google's NewsArticle limit). */
const HEADLINE_WARNING_LENGTH = 110;

/**
 * What a file under content/ is to the build: an article (`.md`, in any letter case), a site page
 * (`.md` under content/pages/), an author profile (under content/authors/), an image or
 * other file an article may point to, a hidden file of the editor's tools, or something that looks
 * like an article but would not be read, which the build names so that nothing is lost unnoticed.
 */
export type ContentFileKind = 'article' | 'page' | 'author' | 'asset' | 'hidden' | 'unread';

/** Folders of content/ whose Markdown files are not articles: the site's own pages, and author profiles. */
const PAGES_DIR = `${CONTENT_DIR}/pages`;
const AUTHORS_DIR = `${CONTENT_DIR}/authors`;

const ASSET_EXTENSIONS = new Set([...IMAGE_EXTENSIONS, '.csv', '.json', '.pdf', '.svg']);

export function contentFileKind(path: string): ContentFileKind {
  const name = posix.basename(path);
  if (path.split('/').some((part) => part.startsWith('.'))) return 'hidden';
  const extension = posix.extname(name).toLowerCase();
  if (extension === '.md') return path.startsWith(`${PAGES_DIR}/`) ? 'page' : path.startsWith(`${AUTHORS_DIR}/`) ? 'author' : 'article';
  return ASSET_EXTENSIONS.has(extension) ? 'asset' : 'unread';
}

/** Largest article file accepted: ten times the longest long read, far below what slows a build. */
export const MAX_ARTICLE_BYTES = 1024 * 1024;

/** One strict decoder for every file: building one per file cost more than the decoding. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export type ContentFileRead =
  | { ok: true; frontMatter: FrontMatter }
  /** `partialData`: the fields still readable around a YAML error (front-matter.ts). */
  | { ok: false; problems: Problem[]; partialData?: Record<string, unknown> | undefined };

/** Any Markdown file of content/ (article, site page, author profile): size, UTF-8 text, then front matter and body. */
export function readContentFile(file: string, bytes: Uint8Array): ContentFileRead {
  const problem = (field: string, found: string, expected: string, line?: number): ContentFileRead => ({
    ok: false,
    problems: [{ file, line, field, found, expected }],
  });

  if (bytes.byteLength > MAX_ARTICLE_BYTES) {
    return problem(
      'file',
      `${bytes.byteLength} bytes`,
      `at most ${MAX_ARTICLE_BYTES} bytes (1 MiB); split the article or move data out of it`,
    );
  }
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const line = lineOfFirstInvalidByte(bytes);
    return problem('file', 'bytes that are not UTF-8 text', 'a file saved as UTF-8 (re-save it as "UTF-8" in the editor)', line);
  }
  const nul = text.indexOf('\0');
  if (nul !== -1) {
    return problem('file', 'a NUL character (a binary file?)', 'plain text without NUL characters', lineAt(text, nul));
  }

  const parsed = parseFrontMatter(normaliseText(text));
  if (!parsed.ok) {
    const { field, found, expected, line, partialData } = parsed.error;
    return { ok: false, problems: [{ file, line, field: field ?? 'front matter', found, expected }], partialData };
  }
  return { ok: true, frontMatter: parsed.value };
}

export function checkArticleFile(file: string, bytes: Uint8Array, rules: ArticleRules): ArticleCheck {
  const read = readContentFile(file, bytes);
  if (!read.ok) return { ok: false, problems: read.problems, address: read.partialData && claimedAddress(file, read.partialData).address };
  const { frontMatter } = read;
  const checked = checkFrontMatter(frontMatter.data, { timeZone: rules.timeZone }, frontMatter.lineOf);
  const problems: Problem[] = checked.ok ? [] : checked.problems.map((found) => ({ file, ...found }));

  const slugLine = frontMatter.data['slug'] === undefined ? undefined : frontMatter.lineOf(['slug']);
  const slug = checked.ok && checked.data.slug !== undefined ? checked.data.slug : slugFromFileName(file);
  if (frontMatter.data['slug'] === undefined && !isValidSlug(slug)) {
    const suggestion = suggestSlug(slug);
    problems.push({
      file,
      field: 'slug',
      found: `none, and the file name "${slug}" is not a valid slug`,
      expected: `${SLUG_EXPECTED}; add ${suggestion ? `"slug: ${suggestion}"` : 'a slug field'} or rename the file`,
    });
  }

  const claimed = claimedAddress(file, frontMatter.data, frontMatter.lineOf);
  problems.push(...claimed.problems);

  const image = checked.ok ? checked.data.image : undefined;
  const imageFile = image ? resolveImage(file, image.src, rules) : undefined;
  if (imageFile && !imageFile.ok) {
    problems.push({ file, line: frontMatter.lineOf(['image', 'src']), field: fieldName(['image', 'src']), ...imageFile.problem });
  }

  if (!checked.ok || problems.length > 0) return { ok: false, problems: sortProblems(problems), address: claimed.address };
  const data = checked.data;
  const lang = data.lang ?? rules.defaultLang;
  return {
    ok: true,
    warnings: likelyMistakes(file, data, frontMatter.lineOf, frontMatter.curlyQuoted),
    article: {
      slug,
      file,
      title: data.title,
      dateline: data.dateline,
      date: data.date,
      updated: data.updated,
      summary: data.summary,
      authors: data.authors ?? rules.defaultAuthors,
      section: data.section ?? rules.defaultSection,
      tags: [...new Set(data.tags ?? [])],
      sources: data.sources ?? [],
      corrections: (data.corrections ?? []).toSorted((a, b) => b.date.instant.getTime() - a.date.instant.getTime()),
      backstory: data.backstory,
      image: image && imageFile?.ok ? { file: imageFile.file, alt: image.alt, caption: image.caption, credit: image.credit } : undefined,
      featured: data.featured ?? false,
      kind: data.kind ?? 'news',
      translationKey: data.translationKey,
      aliases: claimed.address?.aliases,
      lang,
      dir: textDirection(lang),
      status: data.draft ? 'draft' : isScheduled(data.date, rules.now) ? 'scheduled' : 'published',
      body: frontMatter.body,
      bodyLine: frontMatter.bodyLine,
      slugLine,
      translationKeyLine: data.translationKey === undefined ? undefined : frontMatter.lineOf(['translationKey']),
      aliasPlaces: claimed.address?.aliasPlaces,
    },
  };
}

type LineOf = (path: readonly (string | number)[]) => number | undefined;

/**
 * The address a file claims: its `slug` field when that is valid, else (without a slug field) its file
 * name when that is valid, and its earlier slugs that are valid. Worked out even for a file that breaks
 * another rule; undefined when no valid slug can be told. An alias equal to the article's own slug is
 * a problem here, as only this file can tell it; a repeated alias is harmless and kept once.
 */
function claimedAddress(file: string, data: Record<string, unknown>, lineOf: LineOf = () => undefined) {
  const problems: Problem[] = [];
  const written = data['slug'];
  const slug = written === undefined ? slugFromFileName(file) : written;
  if (typeof slug !== 'string' || !isValidSlug(slug)) return { address: undefined, problems };
  const address: ArticleAddress = { file, slug, slugLine: written === undefined ? undefined : lineOf(['slug']) };
  const listed = data['aliases'];
  // Most articles never moved: for them this is all.
  if (!Array.isArray(listed) || listed.length === 0) return { address, problems };
  const aliases = new Map<string, AliasPlace>();
  listed.forEach((alias: unknown, index) => {
    if (typeof alias !== 'string' || !isValidSlug(alias) || aliases.has(alias)) return;
    const place = { field: fieldName(['aliases', index]), line: lineOf(['aliases', index]) };
    if (alias !== slug) aliases.set(alias, place);
    else {
      problems.push({
        file,
        ...place,
        found: `"${alias}", the article's own slug`,
        expected: 'only earlier slugs of this article, each an address it had before; remove this one',
      });
    }
  });
  if (aliases.size === 0) return { address, problems };
  return { address: { ...address, aliases: [...aliases.keys()], aliasPlaces: [...aliases.values()] }, problems };
}

/** Things that are allowed but are probably not what the editor meant. */
function likelyMistakes(file: string, data: FrontMatterData, lineOf: LineOf, curlyQuoted: readonly CurlyQuotedValue[]): Problem[] {
  const warnings: Problem[] = curlyQuoted.map(({ path, line, value, unquoted }) => ({
    file,
    line,
    field: fieldName(path),
    found: `${describeValue(value)}, a value in curly quotes, which YAML keeps as part of the text`,
    expected: `straight quotes or none, like ${describeValue(unquoted)} (to publish the quotes on purpose, keep them inside straight ones: ${describeValue(value)})`,
  }));
  if (data.summary === undefined) {
    warnings.push({
      file,
      field: 'summary',
      found: 'nothing',
      expected: 'one or two sentences for the standfirst and link previews (without one, previews repeat the headline)',
    });
  }
  const titleLength = [...data.title].length;
  if (titleLength > HEADLINE_WARNING_LENGTH) {
    warnings.push({
      file,
      line: lineOf(['title']),
      field: 'title',
      found: `${titleLength} characters`,
      expected: `at most ${HEADLINE_WARNING_LENGTH}, which is what search results and link previews show whole`,
    });
  }
  if (data.updated && data.updated.instant.getTime() === data.date.instant.getTime()) {
    warnings.push({
      file,
      line: lineOf(['updated']),
      field: 'updated',
      found: 'the same time as date',
      expected: 'the time of a later revision, or no updated field',
    });
  }
  (data.sources ?? []).forEach((source, index) => {
    if (!('url' in source && source.url) && /^(?:https?:\/\/|www\.)/i.test(source.name)) {
      warnings.push({
        file,
        line: lineOf(['sources', index]),
        field: fieldName(['sources', index]),
        found: `a web address as the name (${JSON.stringify(source.name)})`,
        expected: 'the name of who said it, with the address as url:, like: - name: "Health ministry" / url: "https://…"',
      });
    }
  });
  return warnings;
}

type ImageResolution = { ok: true; file: string } | { ok: false; problem: Pick<Problem, 'found' | 'expected'> };

/** The lead image's path from the project root; it must be an image file inside the content folder. */
function resolveImage(articleFile: string, src: string, rules: ArticleRules): ImageResolution {
  const found = JSON.stringify(src);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) {
    return {
      ok: false,
      problem: { found, expected: 'a local image file next to the article, like ./images/photo.jpg; download the picture and commit it' },
    };
  }
  if (src.startsWith('/')) {
    return { ok: false, problem: { found, expected: 'a path relative to the article file, like ./images/photo.jpg' } };
  }
  const resolved = posix.normalize(posix.join(posix.dirname(articleFile), src));
  if (!resolved.startsWith(`${rules.contentDir}/`)) {
    return { ok: false, problem: { found, expected: `a file inside the ${rules.contentDir}/ folder` } };
  }
  if (!IMAGE_EXTENSIONS.has(posix.extname(resolved).toLowerCase())) {
    return { ok: false, problem: { found, expected: `an image file ending in ${[...IMAGE_EXTENSIONS].join(', ')}` } };
  }
  if (!rules.fileExists(resolved)) {
    const suggestion = nearestImage(resolved, articleFile, rules);
    const hint = suggestion ? `did you mean ${suggestion}? ` : '';
    return {
      ok: false,
      problem: {
        found: `${found}, but ${resolved} does not exist`,
        expected: `${hint}the path of an image file committed next to the article`,
      },
    };
  }
  return { ok: true, file: resolved };
}

/** Two articles with one slug would publish at one URL: every file of a clash is named. */
export function slugClashes(articles: readonly Pick<CheckedArticle, 'slug' | 'file' | 'slugLine'>[]): Problem[] {
  return clashing(Map.groupBy(articles, (article) => article.slug).values()).map(([article, others]) => ({
    file: article.file,
    line: article.slugLine,
    field: 'slug',
    found: `"${article.slug}", which ${others}`,
    expected: 'a slug no other article uses; change the slug field or rename one of the files',
  }));
}

/**
 * An earlier address leads to one article only, and never where another article is now: an alias that
 * another article also lists, or that is another article's slug, is a problem in each file, naming
 * the other. Only articles with aliases cost more than a look-up.
 */
export function aliasClashes(articles: readonly ArticleAddress[]): Problem[] {
  const claims = new Map<string, { article: ArticleAddress; place: AliasPlace | undefined }[]>();
  for (const article of articles) {
    article.aliases?.forEach((alias, index) => {
      const claim = { article, place: article.aliasPlaces?.[index] };
      const others = claims.get(alias);
      if (others) others.push(claim);
      else claims.set(alias, [claim]);
    });
  }
  if (claims.size === 0) return [];
  const problems: Problem[] = [];
  const named = (files: readonly string[]) => files.join(' and ');
  for (const [alias, group] of claims) {
    if (group.length < 2) continue;
    for (const { article, place } of group) {
      const others = group.filter((claim) => claim.article !== article).map((claim) => claim.article.file);
      problems.push({
        file: article.file,
        line: place?.line,
        field: place?.field ?? 'aliases',
        found: `"${alias}", which ${named(others)} also ${others.length === 1 ? 'lists' : 'list'} in aliases`,
        expected:
          'an earlier slug of this article alone: one old address can lead to one article only; remove it where the article never had it',
      });
    }
  }
  for (const article of articles) {
    const group = claims.get(article.slug);
    if (!group) continue;
    problems.push({
      file: article.file,
      line: article.slugLine,
      field: 'slug',
      found: `"${article.slug}", which ${named(group.map((claim) => claim.article.file))} ${group.length === 1 ? 'lists' : 'list'} in aliases (an address it had before)`,
      expected: 'a slug that no other article has or had; change the slug field or rename the file, or remove the alias there',
    });
    for (const { article: holder, place } of group) {
      problems.push({
        file: holder.file,
        line: place?.line,
        field: place?.field ?? 'aliases',
        found: `"${article.slug}", which is the slug of ${article.file}`,
        expected: "an earlier slug that is no other article's address; remove the alias, or change the slug of the other article",
      });
    }
  }
  return problems;
}

/** Each article of a group of more than one, with "X also has" (or "X and Y also have") naming the others. */
function clashing<Clashing extends { file: string }>(groups: Iterable<readonly Clashing[]>): [Clashing, string][] {
  return [...groups]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((article): [Clashing, string] => {
        const others = group.filter((other) => other !== article).map((other) => other.file);
        return [article, `${others.join(' and ')} also ${others.length === 1 ? 'has' : 'have'}`];
      }),
    );
}

/** Two articles of one story in the same language: each names the other, so that neither is dropped unseen. */
export function translationClashes(
  articles: readonly Pick<CheckedArticle, 'translationKey' | 'lang' | 'file' | 'translationKeyLine'>[],
): Problem[] {
  const keyed = articles.filter((article) => article.translationKey !== undefined);
  return clashing(Map.groupBy(keyed, (article) => `${article.translationKey}\u0000${article.lang}`).values()).map(([article, others]) => ({
    file: article.file,
    line: article.translationKeyLine,
    field: 'translationKey',
    found: `"${article.translationKey}" in ${article.lang}, which ${others} in ${article.lang}`,
    expected: 'one article per language for each translationKey: give one of them its own lang, or its own key if it is another story',
  }));
}

function lineAt(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The line of the first byte that breaks UTF-8, found by feeding a strict decoder one byte at a time. */
function lineOfFirstInvalidByte(bytes: Uint8Array): number | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let line = 1;
  for (let index = 0; index < bytes.byteLength; index++) {
    try {
      decoder.decode(bytes.subarray(index, index + 1), { stream: index + 1 < bytes.byteLength });
    } catch {
      return line;
    }
    if (bytes[index] === 0x0a) line++;
  }
  return undefined;
}
