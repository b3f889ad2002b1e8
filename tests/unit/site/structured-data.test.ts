import { describe, expect, it } from 'vitest';
import { HEADLINE_MAX, jsonLdText, newsArticle, siteGraph, type PublisherSite } from '../../../src/lib/site/structured-data.ts';
import { anArticle } from '../../support/article.ts';

const site: PublisherSite = {
  url: 'https://example.github.io',
  base: '/dateline/',
  name: 'Dateline',
  description: 'News.',
  lang: 'en',
  timeZone: 'Asia/Gaza',
  defaultByline: 'Dateline staff',
  logo: 'logo.png',
};

describe('NewsArticle', () => {
  it("takes the type of its kind of piece; sponsored content is an advertiser's article without a dateline", () => {
    const types = (['news', 'analysis', 'opinion', 'explainer', 'review', 'fact-check', 'sponsored'] as const).map((kind) => {
      const data = newsArticle(anArticle({ kind }), site) as unknown as Record<string, unknown>;
      return [kind, data['@type'], 'dateline' in data];
    });
    expect(types).toEqual([
      ['news', 'ReportageNewsArticle', true],
      ['analysis', 'AnalysisNewsArticle', true],
      ['opinion', 'OpinionNewsArticle', true],
      ['explainer', 'BackgroundNewsArticle', true],
      ['review', 'ReviewNewsArticle', true],
      ['fact-check', 'NewsArticle', true],
      ['sponsored', 'AdvertiserContentArticle', false],
    ]);
  });

  it('links the language versions of a story: the original lists its translations, each translation names the original', () => {
    const original = anArticle({ slug: 'talks', title: 'Talks', translationKey: 'talks' });
    const arabic = anArticle({ slug: 'talks-ar', title: 'محادثات', lang: 'ar', dir: 'rtl', translationKey: 'talks' });
    const versions = [arabic, original];
    const reference = (slug: string, headline: string, inLanguage: string) => ({
      '@type': 'NewsArticle',
      url: `https://example.github.io/dateline/articles/${slug}/`,
      headline,
      inLanguage,
    });
    const first = newsArticle(original, site, { translations: { original, versions } });
    expect(first['workTranslation']).toEqual([reference('talks-ar', 'محادثات', 'ar')]);
    expect(first['translationOfWork']).toBeUndefined();
    const translated = newsArticle(arabic, site, { translations: { original, versions } });
    expect(translated['translationOfWork']).toEqual(reference('talks', 'Talks', 'en'));
    expect(translated['workTranslation']).toBeUndefined();
    expect(newsArticle(original, site)['workTranslation']).toBeUndefined();
  });

  it('describes the article with absolute URLs, dates with offsets, dateline and sources as citations', () => {
    const article = anArticle({
      summary: 'Standfirst.',
      updated: { instant: new Date('2024-07-14T15:05:00Z'), hasTime: true },
      authors: ['Jane Doe', 'Dateline staff'],
      tags: ['gaza', 'ceasefire'],
      sources: [{ name: 'Ministry' }, { name: 'Office', url: 'https://example.org/statement' }],
      lang: 'ar',
    });
    expect(newsArticle(article, site, { imageUrl: 'https://example.github.io/dateline/_astro/lead.jpg' })).toEqual({
      '@context': 'https://schema.org',
      '@type': 'ReportageNewsArticle',
      headline: 'Gaza talks',
      description: 'Standfirst.',
      datePublished: '2024-07-14T11:20:00+03:00',
      dateModified: '2024-07-14T18:05:00+03:00',
      dateline: 'GAZA',
      author: [
        { '@type': 'Person', name: 'Jane Doe' },
        { '@type': 'Organization', name: 'Dateline staff' },
      ],
      publisher: {
        '@type': 'NewsMediaOrganization',
        name: 'Dateline',
        url: 'https://example.github.io/dateline/',
        logo: { '@type': 'ImageObject', url: 'https://example.github.io/dateline/logo.png' },
      },
      image: ['https://example.github.io/dateline/_astro/lead.jpg'],
      mainEntityOfPage: { '@type': 'WebPage', '@id': 'https://example.github.io/dateline/articles/gaza-talks/' },
      url: 'https://example.github.io/dateline/articles/gaza-talks/',
      articleSection: 'World',
      keywords: ['gaza', 'ceasefire'],
      inLanguage: 'ar',
      citation: [
        { '@type': 'CreativeWork', name: 'Ministry' },
        { '@type': 'CreativeWork', name: 'Office', url: 'https://example.org/statement' },
      ],
    });
  });

  it('describes the lead image with its caption and credit before the preview card', () => {
    const article = anArticle({
      image: { file: 'content/x.jpg', alt: 'Tents by the sea', caption: 'Al-Mawasi on 13 July', credit: 'A. Photographer' },
    });
    const lead = { url: 'https://example.github.io/dateline/_astro/x.webp', width: 1200, height: 800 };
    expect(newsArticle(article, site, { imageUrl: 'https://example.github.io/dateline/previews/gaza-talks.jpg', lead }).image).toEqual([
      {
        '@type': 'ImageObject',
        url: 'https://example.github.io/dateline/_astro/x.webp',
        width: '1200',
        height: '800',
        description: 'Tents by the sea',
        caption: 'Al-Mawasi on 13 July',
        creditText: 'A. Photographer',
      },
      'https://example.github.io/dateline/previews/gaza-talks.jpg',
    ]);
  });

  it('falls back to the logo as image and to the publication date as modification date', () => {
    const data = newsArticle(anArticle(), site);
    expect(data.image).toEqual(['https://example.github.io/dateline/logo.png']);
    expect(data.dateModified).toBe(data.datePublished);
    expect(data).not.toHaveProperty('citation');
    expect(data).not.toHaveProperty('description');
  });

  it(`shortens headlines to ${HEADLINE_MAX} characters at a word boundary`, () => {
    const title = `${'word '.repeat(40)}end`;
    const headline = String(newsArticle(anArticle({ title }), site).headline);
    expect([...headline].length).toBeLessThanOrEqual(HEADLINE_MAX);
    expect(headline).toMatch(/word…$/);
  });
});

describe('the site graph', () => {
  it('describes the WebSite and its publishing Organization, linked by id', () => {
    expect(siteGraph(site)).toEqual({
      '@context': 'https://schema.org',
      '@graph': [
        {
          '@type': 'WebSite',
          '@id': 'https://example.github.io/dateline/#website',
          name: 'Dateline',
          description: 'News.',
          url: 'https://example.github.io/dateline/',
          inLanguage: 'en',
          publisher: { '@id': 'https://example.github.io/dateline/#organization' },
        },
        {
          '@type': 'NewsMediaOrganization',
          '@id': 'https://example.github.io/dateline/#organization',
          name: 'Dateline',
          url: 'https://example.github.io/dateline/',
          logo: { '@type': 'ImageObject', url: 'https://example.github.io/dateline/logo.png' },
        },
      ],
    });
  });

  it('describes an edition as its own WebSite, in its language, published by the one newsroom', () => {
    const [website, publisher] = siteGraph({ ...site, lang: 'ar', edition: 'ar/', description: 'أخبار.' })['@graph'] as unknown as Record<
      string,
      unknown
    >[];
    expect(website).toMatchObject({
      '@id': 'https://example.github.io/dateline/ar/#website',
      url: 'https://example.github.io/dateline/ar/',
      inLanguage: 'ar',
      description: 'أخبار.',
      publisher: { '@id': 'https://example.github.io/dateline/#organization' },
    });
    expect(publisher?.['@id']).toBe('https://example.github.io/dateline/#organization');
  });
});

describe('jsonLdText', () => {
  it('keeps a </script> in any field from ending the block, and reads back as the same data', () => {
    const data = newsArticle(anArticle({ title: '</script><script>alert(1)</script>', dateline: '<!--', summary: '\u2028]]>' }), site);
    const text = jsonLdText(data);
    expect(text).not.toMatch(/<|>/);
    expect(text).not.toContain('\u2028');
    expect(JSON.parse(text)).toEqual(data);
  });
});
