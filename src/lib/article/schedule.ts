/**
 * What a run of the hourly workflow has to publish: the articles that were still scheduled when the
 * last published build was made and whose go-live time has come since, in (since, now]. The question
 * is about that whole window, not the last hour, because GitHub starts scheduled runs late, or drops
 * them, when it is busy; whatever run comes next still finds every article that fell due meanwhile.
 */
export interface ScheduledArticle {
  readonly file: string;
  readonly title: string;
  /** ISO 8601 with an offset, as `npm run check -- --json` lists it. */
  readonly goesLive: string;
}

export interface GoLiveWindow<T extends ScheduledArticle> {
  /** Went live in (since, now], earliest first: a build now publishes them. */
  readonly wentLive: readonly T[];
  /** Still to come after `now`, earliest first. */
  readonly upcoming: readonly T[];
}

/** `scheduledAtSince`: the scheduled articles as the check saw them at `since` (each going live after it). */
export function goLiveWindow<T extends ScheduledArticle>(scheduledAtSince: readonly T[], since: Date, now: Date): GoLiveWindow<T> {
  const byTime = [...scheduledAtSince]
    .map((article) => ({ article, time: Date.parse(article.goesLive) }))
    .filter(({ time }) => time > since.getTime())
    .sort((a, b) => a.time - b.time);
  return {
    wentLive: byTime.filter(({ time }) => time <= now.getTime()).map(({ article }) => article),
    upcoming: byTime.filter(({ time }) => time > now.getTime()).map(({ article }) => article),
  };
}
