import { describe, expect, it } from 'vitest';
import { SLUG_MAX, isValidSlug, slugFromFileName, suggestSlug } from '../../../src/lib/article/slugs.ts';

describe('slugs', () => {
  it('accepts lowercase ASCII words joined by single hyphens', () => {
    for (const slug of ['gaza', 'hamas-withdraws-ceasefire-talks', '2024-07-14-gaza']) expect(isValidSlug(slug)).toBe(true);
  });

  it('refuses anything that could collide, traverse or look alike', () => {
    for (const slug of [
      'Gaza',
      'gaza--talks',
      '-gaza',
      'gaza-',
      '../etc',
      'gaza/talks',
      'gaza_talks',
      'gаza',
      'café',
      '',
      'x'.repeat(SLUG_MAX + 1),
    ]) {
      expect(isValidSlug(slug), slug).toBe(false);
    }
  });

  it('takes the file name without .md as the default slug', () => {
    expect(slugFromFileName('content/2024/07/gaza-talks.md')).toBe('gaza-talks');
  });

  it('suggests ASCII slugs for accented Latin and Arabic', () => {
    expect(suggestSlug('Café déjà vu in Zürich')).toBe('cafe-deja-vu-in-zuerich');
    expect(suggestSlug('حماس تنسحب')).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
    expect(suggestSlug('x '.repeat(80)).length).toBeLessThanOrEqual(SLUG_MAX);
  });
});
