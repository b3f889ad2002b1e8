import { z } from 'zod';
import { ARTICLE_DATE_EXPECTED, parseArticleDate, type ArticleDate } from './dates.ts';
import { canonicalLanguageTag } from '../site/i18n.ts';
import { closestMatch, describeValue, type Problem } from './problems.ts';
import { SLUG_EXPECTED, isValidSlug } from './slugs.ts';

/**
 * The article format (README.md, "Every field") as a zod schema. Each message is the "expected"
 * half of an editor's error; `checkFrontMatter` adds the line and what was found, and `checkArticleFile` the file.
 */
export interface SchemaOptions {
  /** Zone in which a bare date (`2024-07-14`) starts. */
  readonly timeZone: string;
}

export const TITLE_MAX = 200;

/** What kind of piece an article is (the Trust Project's "type of work"); news unless it says otherwise. */
export const ARTICLE_KINDS = ['news', 'analysis', 'opinion', 'explainer', 'review', 'sponsored', 'fact-check'] as const;
export type ArticleKind = (typeof ARTICLE_KINDS)[number];
const SUMMARY_MAX = 300;
const BACKSTORY_MAX = 1000;
const CORRECTION_MAX = 1000;
const SHORT_TEXT_MAX = 200;
const ALIAS_EXPECTED = `an earlier slug of this article: ${SLUG_EXPECTED}`;

/** Fields in the order the format lists them; also the order of "did you mean" suggestions. */
export const FRONT_MATTER_FIELDS = [
  'title',
  'dateline',
  'date',
  'updated',
  'summary',
  'authors',
  'section',
  'tags',
  'sources',
  'image',
  'featured',
  'kind',
  'translationKey',
  'corrections',
  'backstory',
  'aliases',
  'lang',
  'slug',
  'draft',
] as const;

export const text = (expected: string, max: number) =>
  z
    .string({ error: expected })
    .transform((value) => value.replace(/\s+/g, ' ').trim())
    .pipe(z.string().min(1, { error: expected }).max(max, { error: expected }));

export const httpUrl = z
  .string({ error: 'an http:// or https:// address' })
  .trim()
  .pipe(z.url({ protocol: /^https?$/, error: 'an http:// or https:// address, like https://example.org/statement' }));

export const articleDate = (options: SchemaOptions) =>
  z.string({ error: ARTICLE_DATE_EXPECTED }).transform((value, context): ArticleDate => {
    const parsed = parseArticleDate(value, options.timeZone);
    if (parsed) return parsed;
    context.addIssue({ code: 'custom', message: ARTICLE_DATE_EXPECTED });
    return z.NEVER;
  });

const source = z.union(
  [
    text('the name of a source, or a map with name and url', SHORT_TEXT_MAX).transform((name) => ({ name })),
    z.strictObject(
      {
        name: text('the name of the source, like "Gaza health ministry"', SHORT_TEXT_MAX),
        url: httpUrl.optional(),
      },
      { error: 'the name of a source, or a map with name and url' },
    ),
  ],
  { error: 'the name of a source, or a map with name and url' },
);

export const languageTag = z.string({ error: 'a BCP 47 language tag, like en or ar' }).transform((value, context) => {
  const tag = canonicalLanguageTag(value);
  if (tag) return tag;
  context.addIssue({ code: 'custom', message: 'a BCP 47 language tag of a known language, like en, ar or fr-CA' });
  return z.NEVER;
});

export function frontMatterSchema(options: SchemaOptions) {
  return z
    .strictObject({
      title: text(`the headline as plain text of 1–${TITLE_MAX} characters`, TITLE_MAX),
      dateline: text('the place the story was filed from, like "GAZA"', 100),
      date: articleDate(options),
      updated: articleDate(options).optional(),
      summary: text(`one or two sentences of at most ${SUMMARY_MAX} characters`, SUMMARY_MAX).optional(),
      authors: z
        .union([text('an author name', SHORT_TEXT_MAX).transform((name) => [name]), z.array(text('an author name', SHORT_TEXT_MAX))], {
          error: 'a list of author names, like ["Staff reporter"]',
        })
        .optional(),
      section: text('a section name, like "World"', 60).optional(),
      tags: z.array(text('a tag of 1–60 characters', 60), { error: 'a list of tags, like [gaza, ceasefire]' }).optional(),
      sources: z.array(source, { error: 'a list of sources, each a name or a map with name and url' }).optional(),
      image: z
        .strictObject(
          {
            src: text('the path of the image file relative to the article, like ./images/photo.jpg', 500),
            alt: text('a description of the image for readers who cannot see it (alt is required with image)', 500),
            caption: text('what the picture shows, for every reader, like "Smoke over the Al-Mawasi camp on 13 July"', 500).optional(),
            credit: text('the photographer and agency, like "Photographer / Agency"', SHORT_TEXT_MAX).optional(),
          },
          { error: 'a map with src, alt and optionally caption and credit' },
        )
        .optional(),
      featured: z.boolean({ error: 'true or false' }).optional(),
      kind: z.enum(ARTICLE_KINDS, { error: `one of ${ARTICLE_KINDS.join(', ')}` }).optional(),
      translationKey: text('a key the language versions of one story share, like "ceasefire-talks-2024-07"', 100).optional(),
      corrections: z
        .array(
          z.strictObject(
            {
              date: articleDate(options),
              text: text(`what was wrong and what is right now, in at most ${CORRECTION_MAX} characters`, CORRECTION_MAX),
            },
            { error: 'a map with date and text' },
          ),
          { error: 'a list of corrections, each with date and text' },
        )
        .optional(),
      backstory: text(`how the story was reported, in at most ${BACKSTORY_MAX} characters`, BACKSTORY_MAX).optional(),
      // Earlier slugs: the URL of a published article never changes, so a renamed one keeps the old
      // address as a redirect. Refused against the article's own slug and other articles in article.ts.
      aliases: z
        .array(z.string({ error: ALIAS_EXPECTED }).refine(isValidSlug, { error: ALIAS_EXPECTED }), {
          error: 'a list of earlier slugs of this article, like [old-slug]',
        })
        .optional(),
      lang: languageTag.optional(),
      slug: z.string({ error: SLUG_EXPECTED }).refine(isValidSlug, { error: SLUG_EXPECTED }).optional(),
      draft: z.boolean({ error: 'true or false' }).optional(),
    })
    .superRefine((value, context) => {
      if (value.updated && value.updated.instant < value.date.instant) {
        context.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'a time not before date; use updated only for a later revision',
        });
      }
      const corrections = value.corrections ?? [];
      for (const [index, correction] of corrections.entries()) {
        if (correction.date.instant < value.date.instant) {
          context.addIssue({
            code: 'custom',
            path: ['corrections', index, 'date'],
            message: 'a time not before date: a correction follows publication',
          });
        }
      }
      const latest = Math.max(...corrections.map((correction) => correction.date.instant.getTime()));
      if (corrections.length > 0 && (!value.updated || value.updated.instant.getTime() < latest)) {
        context.addIssue({
          code: 'custom',
          path: ['updated'],
          message: 'a time at or after the latest correction: a corrected article says when it was updated',
        });
      }
    });
}

export type FrontMatterData = z.output<ReturnType<typeof frontMatterSchema>>;

/** Building a zod schema costs more than checking a file with it: one per time zone is enough. */
const schemas = new Map<string, ReturnType<typeof frontMatterSchema>>();
function schemaFor(timeZone: string): ReturnType<typeof frontMatterSchema> {
  let schema = schemas.get(timeZone);
  if (!schema) {
    schema = frontMatterSchema({ timeZone });
    schemas.set(timeZone, schema);
  }
  return schema;
}

/** A file format's name ("article", "site page") and its top-level fields. */
export interface FileFormat {
  readonly name: string;
  readonly fields: readonly string[];
}

export type FieldsCheck<Data> = { ok: true; data: Data } | { ok: false; problems: Omit<Problem, 'file'>[] };
export type FrontMatterCheck = FieldsCheck<FrontMatterData>;

/** Validates raw front matter; every problem is reported, not just the first. */
export function checkFrontMatter(
  raw: Record<string, unknown>,
  options: SchemaOptions,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
): FrontMatterCheck {
  return checkFields(schemaFor(options.timeZone), { name: 'article', fields: FRONT_MATTER_FIELDS }, raw, lineOf);
}

/**
 * Raw front matter against any file format's schema (articles, site pages, author profiles), each
 * problem with its line; `format` names the format and its fields, for "did you mean" suggestions.
 */
export function checkFields<Schema extends z.ZodType>(
  schema: Schema,
  format: FileFormat,
  raw: Record<string, unknown>,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
): FieldsCheck<z.output<Schema>> {
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => issueProblems(issue, raw, lineOf, format)) };
}

type Issue = z.core.$ZodIssue;

function issueProblems(
  issue: Issue,
  raw: Record<string, unknown>,
  lineOf: (path: readonly (string | number)[]) => number | undefined,
  format: FileFormat,
): Omit<Problem, 'file'>[] {
  const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
  if (issue.code === 'invalid_union') {
    // A list item that is a map gets the map's own problems ("sources[0].name — found nothing"),
    // not the union's summary: pick the alternative whose shape the editor clearly meant.
    const meant = issue.errors.find(
      (alternative) => !alternative.some((inner) => inner.path.length === 0 && inner.code === 'invalid_type'),
    );
    if (meant) {
      return meant.flatMap((inner) => issueProblems({ ...inner, path: [...path, ...inner.path] } as Issue, raw, lineOf, format));
    }
  }
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => ({
      line: lineOf([...path, key]),
      field: fieldName([...path, key]),
      found: `a field the ${format.name} format does not have`,
      expected: unknownFieldExpected(key, path, format.fields),
    }));
  }
  return [
    {
      line: lineOf(path),
      field: fieldName(path),
      found: describeValue(valueAt(raw, path)),
      expected: issue.message,
    },
  ];
}

function unknownFieldExpected(key: string, parentPath: readonly (string | number)[], fields: readonly string[]): string {
  const allowed: readonly string[] =
    parentPath.length === 0
      ? fields
      : parentPath[0] === 'image'
        ? ['src', 'alt', 'caption', 'credit']
        : parentPath[0] === 'sources'
          ? ['name', 'url']
          : [];
  const suggestion = closestMatch(key, allowed);
  const hint = suggestion ? `did you mean "${suggestion}"? ` : '';
  return `${hint}one of ${allowed.join(', ')}`;
}

/** `sources[1].url` for ['sources', 1, 'url']; `front matter` for the root. */
export function fieldName(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'front matter';
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`)).join('');
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let value: unknown = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}
