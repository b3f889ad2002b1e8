import { describe, expect, it } from 'vitest';
import { normaliseText, parseFrontMatter, type FrontMatterResult } from '../../../src/lib/article/front-matter.ts';

function parsed(result: FrontMatterResult) {
  if (!result.ok) throw new Error(`expected front matter to parse: ${result.error.found}`);
  return result.value;
}

function failure(result: FrontMatterResult) {
  if (result.ok) throw new Error('expected front matter to be refused');
  return result.error;
}

describe('parseFrontMatter', () => {
  it('splits fields from body and keeps dates as text, offsets and all', () => {
    const value = parsed(parseFrontMatter('---\ntitle: A\ndate: 2024-07-14T11:20:00+03:00\n---\nBody line\n'));
    expect(value.data).toEqual({ title: 'A', date: '2024-07-14T11:20:00+03:00' });
    expect(value.body).toBe('Body line\n');
    expect(value.bodyLine).toBe(5);
  });

  it('finds the line of a field, of an item in a list, and of a field inside an item', () => {
    const value = parsed(parseFrontMatter('---\ntitle: A\nsources:\n  - One\n  - name: Two\n    url: x\n---\n'));
    expect(value.lineOf(['title'])).toBe(2);
    expect(value.lineOf(['sources', 1])).toBe(5);
    expect(value.lineOf(['sources', 1, 'url'])).toBe(6);
    expect(value.lineOf(['missing'])).toBeUndefined();
  });

  it('accepts files with a byte-order mark and Windows line ends once normalised', () => {
    const value = parsed(parseFrontMatter(normaliseText('\uFEFF---\r\ntitle: A\r\n---\r\nBody\r\n')));
    expect(value.data).toEqual({ title: 'A' });
    expect(value.body).toBe('Body\n');
  });

  it('refuses a file without front matter, saying what the first line is', () => {
    expect(failure(parseFrontMatter('# Just a heading\n'))).toEqual({
      line: 1,
      found: 'the first line "# Just a heading"',
      expected: 'the file to start with a front-matter block: a line "---", the fields, then another "---"',
    });
    expect(failure(parseFrontMatter('')).found).toBe('an empty first line');
  });

  it('refuses an opening fence that is never closed', () => {
    expect(failure(parseFrontMatter('---\ntitle: A\n')).found).toBe('an opening "---" that is never closed');
  });

  it('refuses a field given twice, on the line of the second', () => {
    const error = failure(parseFrontMatter('---\ntitle: A\ndate: 2024-07-14\ntitle: B\n---\n'));
    expect(error.line).toBe(4);
    expect(error.field).toBe('title');
    expect(error.found).toBe('"title" a second time');
    expect(error.expected).toBe('each field once; delete or merge the repeated one');
  });

  it('never runs custom YAML tags', () => {
    const error = failure(parseFrontMatter('---\ntitle: !!js/function "function () { globalThis.pwned = true }"\n---\n'));
    expect(error.found).toMatch(/^a YAML tag that is not allowed/);
    expect((globalThis as Record<string, unknown>)['pwned']).toBeUndefined();
  });

  it('refuses alias bombs quickly', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let level = 1; level < 9; level++) {
      const previous = String.fromCharCode(96 + level);
      const name = String.fromCharCode(97 + level);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const error = failure(parseFrontMatter(`---\n${levels.join('\n')}\n---\n`));
    expect(performance.now() - started).toBeLessThan(1000);
    expect(error.found).toMatch(/resource exhaustion/);
  });

  it('keeps __proto__ and constructor as plain fields that change no prototype', () => {
    const value = parsed(parseFrontMatter('---\n__proto__: {polluted: true}\nconstructor: x\n---\n'));
    expect(Object.keys(value.data)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect((value.data as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('refuses front matter that is not a map of fields', () => {
    expect(failure(parseFrontMatter('---\n- a\n- b\n---\n')).expected).toBe('fields written as "name: value", one per line');
    expect(failure(parseFrontMatter('---\n---\n')).found).toBe('an empty front matter');
  });

  it('lists the plain values wrapped in curly quotes, with their paths and lines', () => {
    const value = parsed(parseFrontMatter('---\ntitle: “A”\nsummary: "“B”"\ntags:\n  - ‘c’\n  - d “e”\n---\n'));
    expect(value.curlyQuoted).toEqual([
      { path: ['title'], line: 2, value: '“A”', unquoted: 'A' },
      { path: ['tags', 0], line: 5, value: '‘c’', unquoted: 'c' },
    ]);
    expect(parsed(parseFrontMatter('---\ntitle: A\n---\n')).curlyQuoted).toEqual([]);
  });

  it('names the field of a value in curly quotes that YAML cannot read, and keeps the fields it can', () => {
    const error = failure(parseFrontMatter('---\nslug: same\ntitle: “A: b”\n---\n'));
    expect(error).toMatchObject({ line: 3, field: 'title', partialData: { slug: 'same' } });
    expect(error.expected).toBe('the curly quotes replaced with straight ones, like title: "A: b"');
  });

  it('reports broken YAML with its line and a hint', () => {
    const error = failure(parseFrontMatter('---\ntitle: A\nsummary: "unclosed\n---\n'));
    expect(error.line).toBe(3);
    expect(error.expected).toMatch(/valid YAML/);
  });
});
