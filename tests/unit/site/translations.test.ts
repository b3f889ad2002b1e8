import { describe, expect, it } from 'vitest';
import { alternates, defaultVersion, languageLinks, languageName } from '../../../src/lib/site/translations.ts';
import { anArticle } from '../../support/article.ts';

const site = { url: 'https://news.example.org', base: '/dateline/', lang: 'en' };
const at = (iso: string) => ({ instant: new Date(iso), hasTime: true });
const arabic = anArticle({ slug: 'talks-ar', lang: 'ar', dir: 'rtl', date: at('2024-07-14T08:00:00Z'), translationKey: 'talks' });
const english = anArticle({ slug: 'talks', lang: 'en-GB', date: at('2024-07-14T10:00:00Z'), translationKey: 'talks' });
const french = anArticle({ slug: 'talks-fr', lang: 'fr', date: at('2024-07-14T09:00:00Z'), translationKey: 'talks' });

describe('the language versions of a story', () => {
  it('send readers of other languages to the version in the site language, whatever its region', () => {
    expect(defaultVersion([arabic, english, french], site).slug).toBe('talks');
  });

  it('send them to the version published first when none is in the site language', () => {
    expect(defaultVersion([french, arabic], site).slug).toBe('talks-ar');
  });

  it('are alternates of each other at absolute addresses, with x-default', () => {
    expect(alternates([arabic, english], site)).toEqual([
      { hreflang: 'ar', href: 'https://news.example.org/dateline/articles/talks-ar/' },
      { hreflang: 'en-GB', href: 'https://news.example.org/dateline/articles/talks/' },
      { hreflang: 'x-default', href: 'https://news.example.org/dateline/articles/talks/' },
    ]);
    expect(alternates([english], site)).toEqual([]);
  });

  it('are linked by their own names, the site language first and the current one marked', () => {
    expect(languageLinks([arabic, english, french], french, site)).toEqual([
      { name: 'British English', path: '/dateline/articles/talks/', lang: 'en-GB', dir: 'ltr', current: false },
      { name: 'العربية', path: '/dateline/articles/talks-ar/', lang: 'ar', dir: 'rtl', current: false },
      { name: 'Français', path: '/dateline/articles/talks-fr/', lang: 'fr', dir: 'ltr', current: true },
    ]);
    expect(languageLinks([english], english, site)).toEqual([]);
  });

  it('name each language as its readers write it, capitalised where their script has capitals', () => {
    expect(['en', 'ar', 'fr', 'es'].map(languageName)).toEqual(['English', 'العربية', 'Français', 'Español']);
  });
});
