import { describe, expect, it } from 'vitest';
import { goLiveWindow } from '../../../src/lib/article/schedule.ts';

const article = (name: string, goesLive: string) => ({ file: `content/${name}.md`, title: name, goesLive });
const files = (articles: readonly { file: string }[]) => articles.map(({ file }) => file);

// The last published build was made at 10:07 UTC; the check at that moment listed these as scheduled.
const since = new Date('2026-11-30T10:07:00Z');
const scheduledAtSince = [
  article('evening', '2026-11-30T20:00:00+02:00'),
  article('noon', '2026-11-30T14:00:00+02:00'),
  article('at-1030', '2026-11-30T10:30:00Z'),
  article('tomorrow', '2026-12-01T08:00:00+02:00'),
];

describe('what an hourly run has to publish', () => {
  it('is every article that went live after the last build, up to now included, earliest first', () => {
    const window = goLiveWindow(scheduledAtSince, since, new Date('2026-11-30T12:00:00Z'));
    expect(files(window.wentLive)).toEqual(['content/at-1030.md', 'content/noon.md']);
    expect(files(window.upcoming)).toEqual(['content/evening.md', 'content/tomorrow.md']);
    expect(files(goLiveWindow(scheduledAtSince, since, new Date('2026-11-30T10:30:00Z')).wentLive)).toEqual(['content/at-1030.md']);
  });

  it('is nothing in the hour before an article is due', () => {
    const window = goLiveWindow(scheduledAtSince, since, new Date('2026-11-30T10:29:59Z'));
    expect(window.wentLive).toEqual([]);
    expect(files(window.upcoming)[0]).toBe('content/at-1030.md');
  });

  it('still finds an article due hours ago when GitHub delayed or dropped the runs in between', () => {
    const nextDay = goLiveWindow(scheduledAtSince, since, new Date('2026-12-01T09:00:00Z'));
    expect(files(nextDay.wentLive)).toEqual(['content/at-1030.md', 'content/noon.md', 'content/evening.md', 'content/tomorrow.md']);
    expect(nextDay.upcoming).toEqual([]);
  });

  it('leaves out what the last build already published: a time at or before it', () => {
    const window = goLiveWindow(
      [article('at-build', '2026-11-30T10:07:00Z'), ...scheduledAtSince],
      since,
      new Date('2026-11-30T10:31:00Z'),
    );
    expect(files(window.wentLive)).toEqual(['content/at-1030.md']);
  });
});
