import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '../../../src/lib/markdown/reading.ts';

describe('reading time', () => {
  it('counts words, not punctuation or numbers glued to spaces', () => {
    expect(countWords('GAZA — Hamas has stepped back, a senior official said.', 'en')).toBe(9);
    expect(countWords('قال مسؤول كبير في حركة حماس', 'ar')).toBe(6);
  });

  it('rounds to whole minutes, never below one', () => {
    expect(readingMinutes(0)).toBe(1);
    expect(readingMinutes(220)).toBe(1);
    expect(readingMinutes(1100)).toBe(5);
  });
});
