import { describe, expect, it } from 'vitest';
import { memoized } from '../../../src/lib/site/memo.ts';

describe('memoized', () => {
  it('works each input out once and gives the same answer after', () => {
    const asked: string[] = [];
    const upper = memoized((text) => {
      asked.push(text);
      return text.toUpperCase();
    });
    expect([upper('ar'), upper('en'), upper('ar'), upper('en')]).toEqual(['AR', 'EN', 'AR', 'EN']);
    expect(asked).toEqual(['ar', 'en']);
  });

  it('remembers answers that are undefined too', () => {
    let calls = 0;
    const nothing = memoized(() => {
      calls++;
      return undefined;
    });
    nothing('x');
    nothing('x');
    expect(calls).toBe(1);
  });

  it('remembers no error: a failed input is worked out again when asked again', () => {
    let calls = 0;
    const locale = memoized((tag) => {
      calls++;
      return new Intl.Locale(tag).language;
    });
    expect(() => locale('not a tag!')).toThrow(RangeError);
    expect(() => locale('not a tag!')).toThrow(RangeError);
    expect(calls).toBe(2);
  });
});
