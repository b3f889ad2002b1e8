import { describe, expect, it } from 'vitest';
import { closestMatch, describeValue, formatProblem, formatProblemReport } from '../../../src/lib/article/problems.ts';

describe('problems', () => {
  it('formats one problem on one line: file:line: field — found …, expected …', () => {
    expect(formatProblem({ file: 'content/a.md', line: 3, field: 'date', found: '"x"', expected: 'a date' })).toBe(
      'content/a.md:3: date — found "x", expected a date',
    );
    expect(formatProblem({ file: 'content/a.md', field: 'title', found: 'nothing', expected: 'a headline' })).toBe(
      'content/a.md: title — found nothing, expected a headline',
    );
  });

  it('reports many problems sorted by file and line, with a count', () => {
    expect(
      formatProblemReport([
        { file: 'content/b.md', line: 2, field: 'x', found: 'f', expected: 'e' },
        { file: 'content/a.md', line: 9, field: 'y', found: 'f', expected: 'e' },
        { file: 'content/a.md', line: 1, field: 'z', found: 'f', expected: 'e' },
      ]),
    ).toBe(
      [
        '3 problems in 2 article files:',
        '  content/a.md:1: z — found f, expected e',
        '  content/a.md:9: y — found f, expected e',
        '  content/b.md:2: x — found f, expected e',
      ].join('\n'),
    );
  });

  it('describes found values briefly and on one line', () => {
    expect(describeValue(undefined)).toBe('nothing');
    expect(describeValue(null)).toBe('an empty value');
    expect(describeValue('  ')).toBe('an empty text');
    expect(describeValue('a\nb')).toBe('"a\\nb"');
    expect(describeValue(42)).toBe('the number 42');
    expect(describeValue([])).toBe('an empty list');
    expect(describeValue(['a', 'b'])).toBe('a list of 2 items');
    expect(describeValue({ src: 'x' })).toBe('a map with "src"');
    expect(describeValue('y'.repeat(200))).toHaveLength(82);
  });

  it('suggests the nearest name within a third of its letters, whatever the case, or none', () => {
    expect(closestMatch('tag', ['title', 'tags', 'dateline'])).toBe('tags');
    expect(closestMatch('DATLINE', ['date', 'dateline'])).toBe('dateline');
    expect(closestMatch('colour', ['title', 'tags'])).toBeUndefined();
    const images = [{ name: 'hostages-chart.png' }, { name: 'map.png' }];
    expect(closestMatch('hostages-chart.jpg', images, (image) => image.name)).toBe(images[0]);
  });
});
