import { describe, expect, it } from 'vitest';
import { articleSummaryView, articleView, newestFirst } from '../../../src/lib/site/view.ts';
import { anArticle } from '../../support/article.ts';

const site = { url: 'https://example.github.io', base: '/dateline/', timeZone: 'Asia/Gaza', lang: 'en' };

const article = anArticle({
  title: 'Talks & "truce"',
  updated: { instant: new Date('2024-07-14T15:05:00Z'), hasTime: true },
  authors: ['A', 'B'],
  readingMinutes: 3,
});

describe('articleView', () => {
  it('works out URLs with the base path, dates, byline and reading time', () => {
    const view = articleView(article, site);
    expect(view.path).toBe('/dateline/articles/gaza-talks/');
    expect(view.canonicalUrl).toBe('https://example.github.io/dateline/articles/gaza-talks/');
    expect(view.byline).toBe('A and B');
    expect(view.published).toEqual({ iso: '2024-07-14T11:20:00+03:00', text: 'Sunday 14 July 2024, 11:20 GMT+3' });
    expect(view.updated).toEqual({ iso: '2024-07-14T18:05:00+03:00', text: 'Sunday 14 July 2024, 18:05 GMT+3' });
    expect(view.readingTime).toBe('3 min read');
    expect(view.shareLinks.map((link) => link.href)).toContain(
      'https://wa.me/?text=Talks%20%26%20%22truce%22%20https%3A%2F%2Fexample.github.io%2Fdateline%2Farticles%2Fgaza-talks%2F',
    );
  });

  it('speaks the article language', () => {
    const view = articleView({ ...article, lang: 'ar', dir: 'rtl', updated: undefined }, site);
    expect(view.published.text).toBe('الأحد 14 يوليو 2024، 11:20 غرينتش+3');
    expect(view.byline).toBe('A وB');
    expect(view.updated).toBeUndefined();
  });

  it('links to the file in the repository only when the site has an edit URL', () => {
    expect(articleView(article, site).editUrl).toBeUndefined();
    const editable = { ...site, editUrl: 'https://github.com/newsroom/site/edit/main/' };
    expect(articleView({ ...article, file: 'content/2024/07/gaza talks.md' }, editable).editUrl).toBe(
      'https://github.com/newsroom/site/edit/main/content/2024/07/gaza%20talks.md',
    );
  });

  it('explains on the dev server why a draft or scheduled article is not public', () => {
    expect(articleView(article, site).statusBanner).toBeUndefined();
    expect(articleView({ ...article, status: 'draft' }, site).statusBanner).toMatch(/^Draft: seen only on the dev server/);
    expect(articleView({ ...article, status: 'scheduled' }, site).statusBanner).toBe(
      'Scheduled: seen only on the dev server until Sunday 14 July 2024, 11:20 GMT+3, when the next build publishes it.',
    );
  });

  it('gives list entries a link and a short date', () => {
    expect(articleSummaryView(article, site)).toEqual({
      path: '/dateline/articles/gaza-talks/',
      date: { iso: '2024-07-14T11:20:00+03:00', text: '14 July 2024' },
    });
  });
});

describe('newestFirst', () => {
  it('orders by instant, newest first, and by slug when two share an instant', () => {
    const at = (slug: string, iso: string) => ({ slug, date: { instant: new Date(iso), hasTime: true } });
    const sorted = newestFirst([at('b', '2024-07-14T08:00:00Z'), at('c', '2024-07-15T08:00:00Z'), at('a', '2024-07-14T08:00:00Z')]);
    expect(sorted.map((entry) => entry.slug)).toEqual(['c', 'a', 'b']);
  });
});
