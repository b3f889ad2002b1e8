import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '../support/html.ts';
import { buildSite, projectRoot, removeSite, type BuiltSite } from '../support/site.ts';

/**
 * A site of one story in English, Arabic and French (one translationKey), with an Arabic-only and
 * an English-only story beside it.
 */
const ORIGIN = 'https://news.example.org';
const VERSIONS = { en: 'harbour-en', ar: 'harbour-ar', fr: 'harbour-fr' } as const;
const url = (slug: string) => `${ORIGIN}/articles/${slug}/`;

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ content: join(projectRoot, 'tests', 'fixtures', 'sites', 'editions'), env: { DATELINE_SITE: ORIGIN } });
  if (site.exitCode !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => removeSite(site));

async function page(path: string): Promise<Root> {
  return parsePage(await readFile(join(site.dist, path, 'index.html'), 'utf8'));
}

function hreflangs(tree: Root): Record<string, unknown> {
  return Object.fromEntries(
    selectAll('link[rel=alternate][hreflang]', tree).map((link) => [link.properties['hrefLang'], link.properties['href']]),
  );
}

function structuredData(tree: Root): Record<string, unknown> {
  const script = select('script[type="application/ld+json"]', tree);
  if (!script) throw new Error('no JSON-LD on the page');
  return JSON.parse(toString(script)) as Record<string, unknown>;
}

describe('one story in three languages', () => {
  const expected = {
    en: url(VERSIONS.en),
    ar: url(VERSIONS.ar),
    fr: url(VERSIONS.fr),
    // The site's language is English: its version is the one for everybody else.
    'x-default': url(VERSIONS.en),
  };

  it('links every version to every other and to itself, with absolute addresses and x-default', async () => {
    for (const slug of Object.values(VERSIONS)) expect(hreflangs(await page(`articles/${slug}`)), slug).toEqual(expected);
  });

  it('gives a story in one language no alternates and no switcher', async () => {
    const single = await page('articles/bridge-en');
    expect(hreflangs(single)).toEqual({});
    expect(select('.article__languages', single)).toBeUndefined();
  });

  it('lets readers switch language: every version named in its own language, the current one marked', async () => {
    const arabic = await page(`articles/${VERSIONS.ar}`);
    expect(toString(select('#languages-heading', arabic) as Element)).toBe('اقرأ بلغة:');
    const links = selectAll('.article__languages a', arabic).map((link) => ({
      name: toString(link),
      href: link.properties['href'],
      hreflang: link.properties['hrefLang'],
      lang: link.properties['lang'],
      dir: link.properties['dir'],
      current: link.properties['ariaCurrent'] ?? null,
    }));
    expect(links).toEqual([
      { name: 'English', href: `/articles/${VERSIONS.en}/`, hreflang: 'en', lang: 'en', dir: 'ltr', current: null },
      { name: 'العربية', href: `/articles/${VERSIONS.ar}/`, hreflang: 'ar', lang: 'ar', dir: 'rtl', current: 'page' },
      { name: 'Français', href: `/articles/${VERSIONS.fr}/`, hreflang: 'fr', lang: 'fr', dir: 'ltr', current: null },
    ]);
  });

  it('names the translations in the JSON-LD: workTranslation on the original, translationOfWork on the others', async () => {
    const original = structuredData(await page(`articles/${VERSIONS.en}`));
    expect(original['translationOfWork']).toBeUndefined();
    expect((original['workTranslation'] as { url: string; inLanguage: string }[]).map(({ url, inLanguage }) => [inLanguage, url])).toEqual([
      ['ar', url(VERSIONS.ar)],
      ['fr', url(VERSIONS.fr)],
    ]);
    for (const slug of [VERSIONS.ar, VERSIONS.fr]) {
      const translation = structuredData(await page(`articles/${slug}`));
      expect(translation['workTranslation']).toBeUndefined();
      expect(translation['translationOfWork']).toMatchObject({ '@type': 'NewsArticle', url: url(VERSIONS.en), inLanguage: 'en' });
    }
  });

  it('lists the alternates of each version in the article sitemap', async () => {
    const xml = await readFile(join(site.dist, 'sitemap-articles-1.xml'), 'utf8');
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml) as {
      urlset: { url: { loc: string; 'xhtml:link'?: { rel: string; hreflang: string; href: string }[] }[] };
    };
    const links = Object.fromEntries(
      parsed.urlset.url.map((entry) => [
        entry.loc,
        Object.fromEntries((entry['xhtml:link'] ?? []).map((link) => [link.hreflang, link.href])),
      ]),
    );
    for (const slug of Object.values(VERSIONS)) expect(links[url(slug)], slug).toEqual(expected);
    expect(links[url('bridge-en')]).toEqual({});
  });
});
