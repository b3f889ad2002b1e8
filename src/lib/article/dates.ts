import { tz } from '@date-fns/tz';
import type { Locale } from 'date-fns';
import { format } from 'date-fns/format';
import { formatISO } from 'date-fns/formatISO';
import { isValid } from 'date-fns/isValid';
import { parseISO } from 'date-fns/parseISO';

/**
 * An article's `date` or `updated`: the exact instant, and whether the editor gave a time of day.
 * A bare date (`2024-07-14`) means the start of that day in the site's time zone and is shown
 * without a time, so that no reader sees a made-up "00:00".
 */
export interface ArticleDate {
  readonly instant: Date;
  readonly hasTime: boolean;
}

/** The two spellings the article format allows; date-fns does the calendar and zone maths. */
const DATE_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-](?:0\d|1[0-4]):[0-5]\d)$/;
const BARE_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const ARTICLE_DATE_EXPECTED =
  'an ISO 8601 date and time with an offset, like 2024-07-14T11:20:00+03:00 or 2024-07-14T08:20:00Z, or a bare date like 2024-07-14';

/** Parses a front-matter date; `undefined` when the text is not one of the allowed spellings or not a real day. */
export function parseArticleDate(text: string, timeZone: string): ArticleDate | undefined {
  const value = text.trim();
  const hasTime = DATE_WITH_OFFSET.test(value);
  if (!hasTime && !BARE_DATE.test(value)) return undefined;
  const parsed = parseISO(value, { in: tz(timeZone) });
  if (!isValid(parsed)) return undefined;
  return { instant: new Date(parsed.getTime()), hasTime };
}

/** Each zone's answers so far: every article's date is written on many pages, feeds and sitemaps. */
const isoByZone = new Map<string, Map<number, string>>();

/** The instant as ISO 8601 with the site zone's offset, for `<time datetime>` and structured data. */
export function isoWithOffset(instant: Date, timeZone: string): string {
  let known = isoByZone.get(timeZone);
  if (!known) isoByZone.set(timeZone, (known = new Map()));
  const time = instant.getTime();
  let iso = known.get(time);
  if (iso === undefined) {
    iso = formatISO(instant, { in: tz(timeZone) });
    known.set(time, iso);
  }
  return iso;
}

/** The calendar year the instant falls in, in the site's time zone. */
export function yearIn(instant: Date, timeZone: string): number {
  return Number(format(instant, 'yyyy', { in: tz(timeZone) }));
}

/** How one language writes dates: its date-fns locale and its patterns (see `i18n.ts`). */
export interface DateStyle {
  readonly locale: Locale;
  /** Full date with time and zone: "Sunday 14 July 2024, 11:20 GMT+3". */
  readonly dateTime: string;
  /** Full date alone, for bare dates: "Sunday 14 July 2024". */
  readonly date: string;
  /** Compact date of list pages: "14 July 2024". */
  readonly shortDate: string;
  /**
   * The language's word for the "GMT" of a zone written as an offset ("GMT+3"), which date-fns writes
   * the same in every locale: "غرينتش" in Arabic, "UTC" in French.
   */
  readonly gmt?: string | undefined;
}

/** The date as a reader of the article's language sees it, in the site's time zone. */
export function formatArticleDate(date: ArticleDate, timeZone: string, style: DateStyle): string {
  const text = format(date.instant, date.hasTime ? style.dateTime : style.date, { in: tz(timeZone), locale: style.locale });
  return style.gmt ? text.replace(/\bGMT(?=[+-]|$)/, style.gmt) : text;
}

/** The compact date of list pages. */
export function formatShortDate(instant: Date, timeZone: string, style: DateStyle): string {
  return format(instant, style.shortDate, { in: tz(timeZone), locale: style.locale });
}

/** A month of the archive, "July 2024", in the given language. */
export function formatMonth(year: string, month: string, style: DateStyle): string {
  return format(new Date(Number(year), Number(month) - 1, 15), 'LLLL yyyy', { locale: style.locale });
}

/** Whether a date lies after `now`: the article is scheduled, not yet public. */
export function isScheduled(date: ArticleDate, now: Date): boolean {
  return date.instant.getTime() > now.getTime();
}
