import { describe, expect, it } from 'vitest';
import { articleCard, siteCard } from '../../../src/lib/outputs/preview-card.ts';
import { anArticle } from '../../support/article.ts';

const site = { name: 'Dateline', timeZone: 'Asia/Gaza', lang: 'en', url: 'https://news.example.org', description: 'News.' };

describe('preview cards', () => {
  it('show the headline, dateline and date in the site time zone, the standfirst and the lead picture', () => {
    // 22:30 UTC on 13 July is already 14 July in Gaza.
    const article = anArticle({
      date: { instant: new Date('2024-07-13T22:30:00Z'), hasTime: true },
      image: { file: 'content/images/x.jpg', alt: 'X' },
      summary: 'Talks stall.',
    });
    expect(articleCard(article, site, '/site')).toEqual({
      headline: 'Gaza talks',
      kicker: 'GAZA · 14 July 2024',
      siteName: 'Dateline',
      dir: 'ltr',
      standfirst: 'Talks stall.',
      picture: '/site/content/images/x.jpg',
    });
  });

  it('write the kicker in the article language and direction', () => {
    const card = articleCard(anArticle({ lang: 'ar', dir: 'rtl', dateline: 'غزة' }), site, '/site');
    expect(card.dir).toBe('rtl');
    expect(card.kicker.startsWith('غزة · ')).toBe(true);
  });

  it('leave out what an article does not have', () => {
    const card = articleCard(anArticle({ summary: undefined, image: undefined }), site, '/site');
    expect(card.standfirst).toBeUndefined();
    expect(card.picture).toBeUndefined();
  });

  it('give the site its own card', () => {
    expect(siteCard(site)).toEqual({ headline: 'News.', kicker: 'news.example.org', siteName: 'Dateline', dir: 'ltr' });
  });
});
