import slugify from '@sindresorhus/slugify';

/**
 * Slugs are the last part of an article's URL, `/articles/<slug>/`: lowercase ASCII letters, digits
 * and single hyphens, so that no two can differ only by case, accent or look-alike character.
 */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_MAX = 100;

export const SLUG_EXPECTED = `lowercase letters a–z, digits and single hyphens, at most ${SLUG_MAX} characters, like hamas-withdraws-ceasefire-talks`;

export function isValidSlug(value: string): boolean {
  return value.length <= SLUG_MAX && SLUG.test(value);
}

/** The slug a file gets when its front matter names none: its name without `.md`. */
export function slugFromFileName(path: string): string {
  const name = path.split('/').at(-1) ?? path;
  return name.replace(/\.md$/i, '');
}

/** A valid slug made from any text (headline or file name), transliterated to ASCII; empty when nothing is left. */
export function suggestSlug(text: string): string {
  return slugify(text).slice(0, SLUG_MAX).replace(/-+$/, '');
}
