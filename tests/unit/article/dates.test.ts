import { describe, expect, it } from 'vitest';
import { formatArticleDate, formatShortDate, isScheduled, isoWithOffset, parseArticleDate } from '../../../src/lib/article/dates.ts';
import { interfaceText } from '../../../src/lib/site/i18n.ts';

const GAZA = 'Asia/Gaza';
const english = interfaceText('en').dates;
const arabic = interfaceText('ar').dates;

describe('parseArticleDate', () => {
  it('reads a date and time with an offset as that exact instant', () => {
    expect(parseArticleDate('2024-07-14T11:20:00+03:00', GAZA)).toEqual({ instant: new Date('2024-07-14T08:20:00Z'), hasTime: true });
    expect(parseArticleDate('2024-07-14T08:20Z', GAZA)).toEqual({ instant: new Date('2024-07-14T08:20:00Z'), hasTime: true });
    expect(parseArticleDate('2024-07-14T11:20:00.250-04:30', GAZA)?.instant).toEqual(new Date('2024-07-14T15:50:00.250Z'));
  });

  it('reads a bare date as the start of that day in the site time zone', () => {
    // Gaza is on summer time (UTC+3) in July and on UTC+2 in January.
    expect(parseArticleDate('2024-07-14', GAZA)).toEqual({ instant: new Date('2024-07-13T21:00:00Z'), hasTime: false });
    expect(parseArticleDate('2024-01-14', GAZA)?.instant).toEqual(new Date('2024-01-13T22:00:00Z'));
    expect(parseArticleDate('2024-07-14', 'America/New_York')?.instant).toEqual(new Date('2024-07-14T04:00:00Z'));
  });

  it('handles the days clocks change', () => {
    // London springs forward at 01:00 UTC on 31 March 2024: midnight still exists, at +00:00.
    expect(parseArticleDate('2024-03-31', 'Europe/London')?.instant).toEqual(new Date('2024-03-31T00:00:00Z'));
    // Beirut springs forward at midnight: the day starts at 01:00 local, which is 22:00 UTC the day before.
    expect(parseArticleDate('2024-03-31', 'Asia/Beirut')?.instant).toEqual(new Date('2024-03-30T22:00:00Z'));
    // An explicit offset is taken as written, whatever the zone does that day.
    expect(parseArticleDate('2024-10-27T01:30:00+01:00', 'Europe/London')?.instant).toEqual(new Date('2024-10-27T00:30:00Z'));
  });

  it.each([
    ['a date and time without an offset', '2024-07-14T11:20:00'],
    ['a day that does not exist', '2024-02-30'],
    ['an hour that does not exist', '2024-07-14T25:00:00Z'],
    ['an offset beyond ±14:00', '2024-07-14T11:20:00+15:00'],
    ['a space instead of T', '2024-07-14 11:20:00+03:00'],
    ['a month alone', '2024-07'],
    ['words', 'last Sunday'],
    ['an American date', '07/14/2024'],
  ])('refuses %s', (_, text) => {
    expect(parseArticleDate(text, GAZA)).toBeUndefined();
  });
});

describe('isoWithOffset', () => {
  it('writes the instant with the offset the site zone has at that moment', () => {
    expect(isoWithOffset(new Date('2024-07-14T08:20:00Z'), GAZA)).toBe('2024-07-14T11:20:00+03:00');
    expect(isoWithOffset(new Date('2024-01-14T08:20:00Z'), GAZA)).toBe('2024-01-14T10:20:00+02:00');
    expect(isoWithOffset(new Date('2024-07-14T08:20:00Z'), 'UTC')).toBe('2024-07-14T08:20:00Z');
  });
});

describe('formatArticleDate', () => {
  const published = { instant: new Date('2024-07-14T08:20:00Z'), hasTime: true };

  it('shows date, time and zone in the site time zone', () => {
    expect(formatArticleDate(published, GAZA, english)).toBe('Sunday 14 July 2024, 11:20 GMT+3');
    expect(formatArticleDate(published, 'Europe/London', english)).toBe('Sunday 14 July 2024, 09:20 GMT+1');
  });

  it('shows a bare date without a made-up time', () => {
    expect(formatArticleDate({ instant: new Date('2024-07-13T21:00:00Z'), hasTime: false }, GAZA, english)).toBe('Sunday 14 July 2024');
  });

  it('writes the date in the article language', () => {
    expect(formatArticleDate(published, GAZA, arabic)).toBe('الأحد 14 يوليو 2024، 11:20 غرينتش+3');
    expect(formatShortDate(published.instant, GAZA, arabic)).toBe('14 يوليو 2024');
    expect(formatArticleDate(published, GAZA, interfaceText('fr').dates)).toBe('dimanche 14 juillet 2024 à 11:20 UTC+3');
  });

  it('crosses midnight into the next day when the zone says so', () => {
    expect(formatShortDate(new Date('2024-07-14T22:30:00Z'), GAZA, english)).toBe('15 July 2024');
  });
});

describe('isScheduled', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('is true only for dates after now', () => {
    expect(isScheduled({ instant: new Date('2026-11-26T12:00:01Z'), hasTime: true }, now)).toBe(true);
    expect(isScheduled({ instant: new Date('2026-11-26T12:00:00Z'), hasTime: true }, now)).toBe(false);
    expect(isScheduled({ instant: new Date('2024-07-14T08:20:00Z'), hasTime: true }, now)).toBe(false);
  });
});
