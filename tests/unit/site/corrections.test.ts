import { describe, expect, it } from 'vitest';
import { correctionEntryView, correctionLog, correctionUrl } from '../../../src/lib/site/corrections.ts';
import { anArticle } from '../../support/article.ts';

const at = (iso: string) => ({ instant: new Date(iso), hasTime: true });
const site = { url: 'https://news.example.org', base: '/dateline/', timeZone: 'Asia/Gaza', lang: 'en' };

describe('the corrections log', () => {
  it('lists every correction of every article, newest first, ties by slug', () => {
    const older = anArticle({
      slug: 'b-story',
      corrections: [
        { date: at('2024-07-16T10:00:00Z'), text: 'Second' },
        { date: at('2024-07-15T10:00:00Z'), text: 'First' },
      ],
    });
    const newer = anArticle({ slug: 'a-story', corrections: [{ date: at('2024-07-16T10:00:00Z'), text: 'Same time' }] });
    const log = correctionLog([older, anArticle({ slug: 'clean' }), newer]);
    expect(log.map(({ article, correction }) => [article.slug, correction.text])).toEqual([
      ['a-story', 'Same time'],
      ['b-story', 'Second'],
      ['b-story', 'First'],
    ]);
  });

  it("links each entry to its article's Corrections box, dated in the article's language and the site's zone", () => {
    const article = anArticle({
      slug: 'x',
      title: 'عنوان',
      lang: 'ar',
      dir: 'rtl',
      corrections: [{ date: at('2024-07-15T07:15:00Z'), text: 'نص' }],
    });
    const view = correctionEntryView({ article, correction: article.corrections[0]! }, site);
    expect(view).toMatchObject({ path: '/dateline/articles/x/#corrections', lang: 'ar', dir: 'rtl', title: 'عنوان', text: 'نص' });
    expect(view.date.iso).toBe('2024-07-15T10:15:00+03:00');
    expect(view.date.text).toContain('يوليو');
    expect(correctionUrl(site, article)).toBe('https://news.example.org/dateline/articles/x/#corrections');
  });
});
