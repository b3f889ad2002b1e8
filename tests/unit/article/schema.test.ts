import { describe, expect, it } from 'vitest';
import { FRONT_MATTER_FIELDS, checkFrontMatter, fieldName, frontMatterSchema } from '../../../src/lib/article/schema.ts';

const options = { timeZone: 'Asia/Gaza' };
const noLines = () => undefined;

describe('front-matter schema', () => {
  it('knows exactly the fields of the article format', () => {
    expect(Object.keys(frontMatterSchema(options).shape)).toEqual([...FRONT_MATTER_FIELDS]);
  });

  it('turns valid front matter into typed data', () => {
    const result = checkFrontMatter({ title: ' A  headline ', dateline: 'GAZA', date: '2024-07-14', tags: ['a'] }, options, noLines);
    expect(result).toEqual({
      ok: true,
      data: { title: 'A headline', dateline: 'GAZA', date: { instant: new Date('2024-07-13T21:00:00Z'), hasTime: false }, tags: ['a'] },
    });
  });

  it('reports problems without a file, for the caller to name', () => {
    const result = checkFrontMatter({ title: 1, dateline: 'D', date: '2024-07-14' }, options, () => 7);
    expect(result).toEqual({
      ok: false,
      problems: [{ line: 7, field: 'title', found: 'the number 1', expected: 'the headline as plain text of 1–200 characters' }],
    });
  });

  it('names nested fields as editors write them', () => {
    expect(fieldName([])).toBe('front matter');
    expect(fieldName(['sources', 2, 'url'])).toBe('sources[2].url');
    expect(fieldName(['image', 'alt'])).toBe('image.alt');
  });
});
