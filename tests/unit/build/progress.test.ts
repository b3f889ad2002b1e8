import { describe, expect, it } from 'vitest';
import { createProgress, formatDuration, progressLine, wantsProgress } from '../../../src/build/progress.ts';

describe('progress', () => {
  it('says how many are done, how fast, and how long the rest will take', () => {
    expect(progressLine('Articles', 2500, 10000, 5000)).toBe('Articles 2,500/10,000 · 500/s · 15 s left');
    expect(progressLine('Articles', 0, 10000, 0)).toBe('Articles 0/10,000');
    expect(progressLine('Articles', 10, 10000, 500)).toBe('Articles 10/10,000');
    expect(progressLine('Articles', 10000, 10000, 20000)).toBe('Articles 10,000/10,000');
  });

  it('writes minutes past the first', () => {
    expect(formatDuration(59_000)).toBe('59 s');
    expect(formatDuration(59_400)).toBe('1 min 00 s');
    expect(formatDuration(61_000)).toBe('1 min 01 s');
    expect(formatDuration(600_000)).toBe('10 min 00 s');
  });

  it('draws only on a terminal outside CI', () => {
    expect(wantsProgress({ isTTY: true, write: () => true }, {})).toBe(true);
    expect(wantsProgress({ isTTY: true, write: () => true }, { CI: 'true' })).toBe(false);
    expect(wantsProgress({ isTTY: false, write: () => true }, {})).toBe(false);
  });

  it('redraws one line at most ten times a second, then clears it', () => {
    const written: string[] = [];
    let time = 0;
    const report = createProgress({ write: (text: string) => written.push(text) }, 'Articles', { minimum: 10, now: () => time });
    time = 50;
    report(1, 1000); // too soon after the start
    time = 2000;
    report(20, 1000);
    time = 2050;
    report(21, 1000); // too soon after the last line
    time = 4000;
    report(1000, 1000);
    expect(written).toEqual(['\r\x1b[KArticles 20/1,000 · 10/s · 1 min 38 s left', '\r\x1b[KArticles 1,000/1,000', '\r\x1b[K']);
  });

  it('stays silent for runs too short to read', () => {
    const written: string[] = [];
    const report = createProgress({ write: (text: string) => written.push(text) }, 'Articles', { minimum: 200, now: () => 1000 });
    report(10, 10);
    expect(written).toEqual([]);
  });
});
