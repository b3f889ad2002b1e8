import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/lib/article/article.ts';
import { buildFront } from '../../../src/lib/site/front.ts';
import { buildSiteIndex } from '../../../src/lib/site/lists.ts';
import { anArticle } from '../../support/article.ts';

const image = { file: 'content/images/x.jpg', alt: 'X' };
let minute = 0;
/** Each article a minute older than the one before: the order they are written in is newest first. */
function story(slug: string, overrides: Partial<Article> = {}): Article {
  return anArticle({ slug, date: { instant: new Date(Date.UTC(2024, 6, 14, 12, 0 - minute++)), hasTime: true }, ...overrides });
}
const slugs = (articles: readonly Article[]) => articles.map((article) => article.slug);

describe('the front page', () => {
  it('leads with the newest featured story, else the newest', () => {
    minute = 0;
    const newest = [story('a'), story('b', { featured: true }), story('c', { featured: true })];
    expect(buildFront(newest).lead?.slug).toBe('b');
    expect(buildFront(newest.map((article) => ({ ...article, featured: false }))).lead?.slug).toBe('a');
    expect(buildFront([]).lead).toBeUndefined();
  });

  it('sets two to four pictured stories beside the lead, or the newest when too few have pictures', () => {
    minute = 0;
    const newest = [
      story('lead', { image }),
      story('p1', { image }),
      story('plain'),
      story('p2', { image }),
      story('p3', { image }),
      story('p4', { image }),
      story('p5', { image }),
    ];
    expect(slugs(buildFront(newest).secondary)).toEqual(['p1', 'p2', 'p3', 'p4']);
    const fewPictures = [story('lead'), story('x', { image }), story('y'), story('z')];
    expect(slugs(buildFront(fewPictures).secondary)).toEqual(['x', 'y', 'z']);
  });

  it('gives each section a block of its latest stories not shown above, newest section first', () => {
    minute = 0;
    const newest = [
      story('w1', { section: 'World', image }),
      story('w2', { section: 'World', image }),
      story('b1', { section: 'Business' }),
      story('w3', { section: 'World' }),
      story('c1', { section: 'Culture' }),
      story('w4', { section: 'World' }),
    ];
    const index = buildSiteIndex(newest, 'Asia/Gaza');
    const front = buildFront(index.newest, index.sections, { secondary: 1, perSection: 2, latest: 3 });
    expect(front.lead?.slug).toBe('w1');
    expect(slugs(front.secondary)).toEqual(['w2']);
    expect(front.sections.map((block) => [block.section.name, slugs(block.articles)])).toEqual([
      ['Business', ['b1']],
      ['World', ['w3', 'w4']],
      ['Culture', ['c1']],
    ]);
    expect(slugs(front.latest)).toEqual(['w2', 'b1', 'w3']);
  });
});
