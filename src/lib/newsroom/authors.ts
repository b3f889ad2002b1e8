import { z } from 'zod';
import { readContentFile } from '../article/article.ts';
import { sortProblems, type Problem } from '../article/problems.ts';
import { checkFields, httpUrl, text } from '../article/schema.ts';
import { SLUG_EXPECTED, isValidSlug, slugFromFileName } from '../article/slugs.ts';

/**
 * Author profiles: one Markdown file per person under content/authors/, whose body is the bio. A
 * byline name that matches a profile's `name` links to the author's page; one without a profile
 * stays plain text.
 */
export interface AuthorProfile {
  readonly slug: string;
  /** Path of the Markdown file from the project root: `content/authors/maya-rahal.md`. */
  readonly file: string;
  readonly name: string;
  readonly role?: string | undefined;
  /** The author's pages elsewhere: a personal site, a social profile. */
  readonly sameAs: readonly string[];
  /** The author's fediverse account, `@user@server`, for `<meta name="fediverse:creator">`. */
  readonly fediverse?: string | undefined;
}

export interface CheckedAuthor extends AuthorProfile {
  readonly body: string;
  readonly bodyLine: number;
}

export const AUTHOR_FIELDS = ['name', 'role', 'sameAs', 'fediverse'] as const;

const FEDIVERSE_EXPECTED = 'a fediverse handle, @user@server, like @maya@example.social';
const FEDIVERSE_HANDLE = /^@?([\p{L}\p{N}_.-]+)@((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})$/iu;

export const authorSchema = z.strictObject({
  name: text('the name as bylines write it, like "Maya Rahal"', 200),
  role: text('what the author does, like "Data reporter", in at most 100 characters', 100).optional(),
  sameAs: z
    .array(httpUrl, { error: 'a list of the addresses of the author’s pages elsewhere, like ["https://example.social/@maya"]' })
    .optional(),
  fediverse: z
    .string({ error: FEDIVERSE_EXPECTED })
    .trim()
    .transform((value, context) => {
      const match = FEDIVERSE_HANDLE.exec(value);
      if (match) return `@${match[1]}@${match[2]!.toLowerCase()}`;
      context.addIssue({ code: 'custom', message: FEDIVERSE_EXPECTED });
      return z.NEVER;
    })
    .optional(),
});

export type AuthorCheck = { ok: true; author: CheckedAuthor } | { ok: false; problems: Problem[] };

export function checkAuthorFile(file: string, bytes: Uint8Array): AuthorCheck {
  const read = readContentFile(file, bytes);
  if (!read.ok) return read;
  const { frontMatter } = read;
  const checked = checkFields(authorSchema, { name: 'author profile', fields: AUTHOR_FIELDS }, frontMatter.data, frontMatter.lineOf);
  const problems: Problem[] = checked.ok ? [] : checked.problems.map((problem) => ({ file, ...problem }));
  const slug = slugFromFileName(file);
  if (!isValidSlug(slug)) {
    problems.push({ file, field: 'file name', found: `"${slug}"`, expected: `a file name that is a slug: ${SLUG_EXPECTED}` });
  }
  if (!checked.ok || problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return {
    ok: true,
    author: {
      slug,
      file,
      name: checked.data.name,
      role: checked.data.role,
      sameAs: checked.data.sameAs ?? [],
      fediverse: checked.data.fediverse,
      body: frontMatter.body,
      bodyLine: frontMatter.bodyLine,
    },
  };
}

/** How a byline is matched to a profile: the same letters, whatever the case, spacing or Unicode form. */
export function nameKey(name: string): string {
  return name.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('en');
}

/** Two profiles with one name would leave a byline two pages to link to; two with one slug, one address. */
export function authorClashes(authors: readonly Pick<AuthorProfile, 'name' | 'slug' | 'file'>[]): Problem[] {
  const problems: Problem[] = [];
  for (const author of authors) {
    const sameName = authors.filter((other) => other !== author && nameKey(other.name) === nameKey(author.name));
    if (sameName.length > 0) {
      problems.push({
        file: author.file,
        field: 'name',
        found: `"${author.name}", the name of ${sameName.map((other) => other.file).join(' and ')} too`,
        expected: 'one profile per name: merge the two files, or tell the names apart (a middle initial)',
      });
    }
    const sameSlug = authors.filter((other) => other !== author && other.slug === author.slug);
    if (sameSlug.length > 0) {
      problems.push({
        file: author.file,
        field: 'file name',
        found: `"${author.slug}", which ${sameSlug.map((other) => other.file).join(' and ')} also has`,
        expected: 'one profile per file name: rename one of the files',
      });
    }
  }
  return problems;
}

/** The profiles by the key of their names, for matching bylines. */
export function authorDirectory<Author extends Pick<AuthorProfile, 'name'>>(authors: readonly Author[]): ReadonlyMap<string, Author> {
  return new Map(authors.map((author) => [nameKey(author.name), author]));
}
