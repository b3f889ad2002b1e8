import { describe, expect, it } from 'vitest';
import { editionLanguage, editionLinks, editionParam, editionSite, editionsOf } from '../../../src/lib/site/editions.ts';

const site = {
  url: 'https://news.example.org',
  base: '/dateline/',
  lang: 'en-GB',
  description: 'News.',
  descriptions: { ar: 'أخبار.' },
};

describe('editions', () => {
  it('are one per language, the site language first and at the root', () => {
    const editions = editionsOf(['fr', 'ar-EG', 'en', 'ar', 'en-US'], 'en-GB');
    expect(editions).toEqual([
      { lang: 'en', folder: '' },
      { lang: 'ar', folder: 'ar/' },
      { lang: 'fr', folder: 'fr/' },
    ]);
    expect(editions.map(editionParam)).toEqual([undefined, 'ar', 'fr']);
    expect(editionLanguage('ar-EG')).toBe('ar');
  });

  it('see the site in their language, folder and description; the site language sees it as it is', () => {
    const [english, arabic, french] = editionsOf(['en', 'ar', 'fr'], 'en-GB');
    expect(editionSite(site, english!)).toBe(site);
    expect(editionSite(site, arabic!)).toMatchObject({
      lang: 'ar',
      siteLang: 'en-GB',
      edition: 'ar/',
      description: 'أخبار.',
      base: '/dateline/',
    });
    expect(editionSite(site, french!)).toMatchObject({ lang: 'fr', edition: 'fr/', description: 'News.' });
  });

  it('link to each other by their own names', () => {
    const editions = editionsOf(['en', 'ar'], 'en-GB');
    expect(editionLinks(editions, editions[1]!, site)).toEqual([
      { name: 'English', path: '/dateline/', lang: 'en', dir: 'ltr', current: false },
      { name: 'العربية', path: '/dateline/ar/', lang: 'ar', dir: 'rtl', current: true },
    ]);
    expect(editionLinks(editionsOf(['en'], 'en'), editions[0]!, site)).toEqual([]);
  });
});
