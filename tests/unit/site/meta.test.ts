import { describe, expect, it } from 'vitest';
import { articleMetaTags, openGraphLocale, pageMetaTags, sitePageMetaTags, type PageMeta } from '../../../src/lib/site/meta.ts';
import { anArticle } from '../../support/article.ts';

const page: PageMeta = {
  siteName: 'Dateline',
  title: 'Talks & "truce"',
  description: 'Standfirst.',
  url: 'https://example.github.io/dateline/articles/gaza-talks/',
  lang: 'en',
  image: {
    url: 'https://example.github.io/dateline/previews/gaza-talks.jpg',
    width: 1200,
    height: 630,
    type: 'image/jpeg',
    alt: 'Talks & "truce"',
  },
};

const asRecord = (tags: ReturnType<typeof pageMetaTags>) => tags.map((tag) => `${tag.attribute} ${tag.key}=${tag.content}`);

describe('link-preview tags', () => {
  it('give every page Open Graph and a large Twitter card', () => {
    expect(asRecord(pageMetaTags(page))).toEqual([
      'property og:type=website',
      'property og:site_name=Dateline',
      'property og:title=Talks & "truce"',
      'property og:description=Standfirst.',
      'property og:url=https://example.github.io/dateline/articles/gaza-talks/',
      'property og:locale=en_US',
      'property og:image=https://example.github.io/dateline/previews/gaza-talks.jpg',
      'property og:image:secure_url=https://example.github.io/dateline/previews/gaza-talks.jpg',
      'property og:image:type=image/jpeg',
      'property og:image:width=1200',
      'property og:image:height=630',
      'property og:image:alt=Talks & "truce"',
      'name twitter:card=summary_large_image',
      'name twitter:title=Talks & "truce"',
      'name twitter:description=Standfirst.',
      'name twitter:image=https://example.github.io/dateline/previews/gaza-talks.jpg',
      'name twitter:image:alt=Talks & "truce"',
    ]);
  });

  it('add the article times with offsets, its section and one tag per tag', () => {
    const article = anArticle({ tags: ['gaza', 'ceasefire'], updated: { instant: new Date('2024-07-14T15:05:00Z'), hasTime: true } });
    const tags = asRecord(articleMetaTags(article, page, 'Asia/Gaza'));
    expect(tags[0]).toBe('property og:type=article');
    expect(tags.slice(-5)).toEqual([
      'property article:published_time=2024-07-14T11:20:00+03:00',
      'property article:modified_time=2024-07-14T18:05:00+03:00',
      'property article:section=World',
      'property article:tag=gaza',
      'property article:tag=ceasefire',
    ]);
  });

  it("give the site's own pages the site's preview card, and the site name in their title", () => {
    const site = { name: 'Dateline', description: 'News.', lang: 'en', url: 'https://example.github.io', base: '/dateline/' };
    const archive = asRecord(
      sitePageMetaTags({ site, title: 'Archive', description: 'All months.', url: 'https://example.github.io/dateline/archive/' }),
    );
    expect(archive).toContain('property og:title=Archive — Dateline');
    expect(archive).toContain('property og:image=https://example.github.io/dateline/previews/site.jpg');
    expect(archive).toContain('property og:image:alt=Dateline: News.');
    expect(asRecord(sitePageMetaTags({ site, description: 'News.', url: 'https://example.github.io/dateline/' }))).toContain(
      'property og:title=Dateline',
    );
  });

  it('write locales as Open Graph wants them', () => {
    expect(openGraphLocale('en')).toBe('en_US');
    expect(openGraphLocale('en-GB')).toBe('en_GB');
    expect(openGraphLocale('ar')).toBe('ar_EG');
    expect(openGraphLocale('fr-CA')).toBe('fr_CA');
  });
});
