import { existsSync } from 'node:fs';
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

/** The words of a page's chrome: masthead, footer, skip link, and the names and titles its controls give. */
function chromeWords(tree: Root): string {
  const parts = selectAll('.masthead, .site-footer, .skip-link', tree).map((node) => toString(node));
  for (const node of selectAll('.masthead [aria-label], .masthead [title], .search-box [aria-label], .search-box [placeholder]', tree)) {
    for (const name of ['ariaLabel', 'title', 'placeholder'])
      if (typeof node.properties[name] === 'string') parts.push(node.properties[name]);
  }
  return parts.join(' ').replace(/\s+/g, ' ');
}

describe('language editions', () => {
  it('give each language its front page, sections, feeds, archive and search, and leave article addresses alone', () => {
    for (const path of [
      'index.html',
      'ar/index.html',
      'fr/index.html',
      'ar/sections/world/index.html',
      'ar/sections/economy/index.html',
      'fr/sections/world/index.html',
      'ar/feed.xml',
      'ar/atom.xml',
      'ar/sections/world/feed.xml',
      'fr/feed.xml',
      'ar/search/index.html',
      'fr/search/index.html',
      'ar/archive/index.html',
      'ar/latest/index.html',
      'articles/harbour-ar/index.html',
    ]) {
      expect(existsSync(join(site.dist, path)), path).toBe(true);
    }
    expect(existsSync(join(site.dist, 'ar', 'articles'))).toBe(false);
  });

  it('give every page of an edition its own canonical address', async () => {
    for (const path of ['', 'ar', 'fr', 'ar/sections/world', 'ar/search', 'ar/archive', 'ar/latest']) {
      const canonical = (select('link[rel=canonical]', await page(path)) as Element).properties['href'];
      expect(canonical, path).toBe(`${ORIGIN}/${path ? `${path}/` : ''}`);
    }
  });

  it('set the Arabic edition right to left, with Arabic chrome and section names, and no English word but the names', async () => {
    for (const path of ['ar', 'ar/sections/world', 'ar/search', `articles/${VERSIONS.ar}`, 'articles/market-ar']) {
      const tree = await page(path);
      const html = select('html', tree) as Element;
      expect([html.properties['lang'], html.properties['dir']], path).toEqual(['ar', 'rtl']);
      const words = chromeWords(tree);
      expect(words, path).toContain('العالم');
      expect(words, path).toContain('اقتصاد');
      expect(words, path).toContain('بحث');
      // The site's name and the other editions' names are the only Latin letters.
      expect(words.replace(/Dateline|English|Français/g, ''), path).not.toMatch(/[A-Za-z]/);
    }
    // Dates, times and reading time on the article: Arabic through and through, its time zone too.
    const meta = toString(select('.article__meta', await page(`articles/${VERSIONS.ar}`)) as Element);
    expect(meta).toContain('غرينتش+3');
    expect(meta).not.toMatch(/[A-Za-z]/);
    const search = await page('ar/search');
    expect(toString(select('label', search) as Element)).toBe('ابحث في المقالات');
  });

  it('set the French edition in French, with its section names', async () => {
    const front = await page('fr');
    expect((select('html', front) as Element).properties['lang']).toBe('fr');
    const words = chromeWords(front);
    expect(words).toContain('Monde');
    expect(words).toContain('Rechercher');
    expect(words).toContain('Archives');
  });

  it('put only the edition language’s stories on its front page', async () => {
    const headlines = async (path: string) => selectAll('main h2 a, main h3 a', await page(path)).map((node) => toString(node));
    expect(await headlines('')).toEqual(expect.arrayContaining(['Council votes to repair the old river bridge']));
    expect((await headlines('')).join(' ')).not.toMatch(/[\u0600-\u06FF]/);
    expect((await headlines('ar')).join(' ')).not.toMatch(/[A-Za-z]/);
    expect(await headlines('ar')).toContain('سوق الخضار يمدد ساعات العمل في الصيف');
  });

  it('link every edition from the masthead, by its own name', async () => {
    const links = selectAll('.masthead__nav .edition-link a', await page('ar')).map((link) => [
      toString(link),
      link.properties['href'],
      link.properties['hrefLang'],
    ]);
    expect(links).toEqual([
      ['English', '/', 'en'],
      ['Français', '/fr/', 'fr'],
    ]);
  });

  it('give each edition its own feeds, in its language, of its stories', async () => {
    const feed = await readFile(join(site.dist, 'ar', 'feed.xml'), 'utf8');
    const parsed = new XMLParser().parse(feed) as { rss: { channel: { language: string; link: string; item: { link: string }[] } } };
    expect(parsed.rss.channel.language).toBe('ar');
    expect(parsed.rss.channel.link).toBe(`${ORIGIN}/ar/`);
    expect(parsed.rss.channel.item.map((item) => item.link).sort()).toEqual([url('column-ar'), url('harbour-ar'), url('market-ar')]);
  });

  it('list the pages of every edition in the sitemap', async () => {
    const xml = await readFile(join(site.dist, 'sitemap-pages.xml'), 'utf8');
    for (const path of ['/', '/ar/', '/fr/', '/ar/sections/world/', '/fr/search/', '/ar/archive/'])
      expect(xml).toContain(`<loc>${ORIGIN}${path}</loc>`);
  });
});

describe('kinds of piece', () => {
  it('label every kind but news on the article and its teasers, in the article language', async () => {
    const label = (tree: Root) => toString(select('.article__header .kind-label', tree) as Element);
    expect(label(await page('articles/column-ar'))).toBe('رأي');
    expect(label(await page('articles/solar-sponsored'))).toBe('Sponsored');
    expect(select('.article__header .kind-label', await page('articles/bridge-en'))).toBeUndefined();
    const teaserLabels = (tree: Root) => selectAll('.teaser .kind-label', tree).map((node) => toString(node));
    expect(teaserLabels(await page('ar/latest'))).toEqual(['رأي']);
    expect(teaserLabels(await page('latest'))).toEqual(['Sponsored']);
    expect(selectAll('.kind-label--sponsored', await page('articles/solar-sponsored'))).toHaveLength(1);
  });

  it('give the JSON-LD the type of the kind: opinion, reportage, and advertiser content', async () => {
    expect(structuredData(await page('articles/column-ar'))['@type']).toBe('OpinionNewsArticle');
    expect(structuredData(await page('articles/bridge-en'))['@type']).toBe('ReportageNewsArticle');
    const sponsored = structuredData(await page('articles/solar-sponsored'));
    expect(sponsored['@type']).toBe('AdvertiserContentArticle');
    expect(sponsored['dateline']).toBeUndefined();
  });

  it('say how a story was reported, in a box under the sources and in the JSON-LD', async () => {
    const column = await page('articles/column-ar');
    expect(toString(select('.backstory h2', column) as Element)).toBe('كيف أعددنا هذا التقرير');
    expect(toString(select('.backstory p', column) as Element)).toBe('كتبه محرر الاقتصاد بعد زيارة الميناء ثلاث مرات هذا الشتاء.');
    expect(structuredData(column)['backstory']).toBe('كتبه محرر الاقتصاد بعد زيارة الميناء ثلاث مرات هذا الشتاء.');
    expect(select('.backstory', await page('articles/bridge-en'))).toBeUndefined();
  });

  it('label sponsored content in the feeds too', async () => {
    for (const file of ['feed.xml', 'atom.xml']) {
      const xml = await readFile(join(site.dist, file), 'utf8');
      expect(xml, file).toContain('Sponsored: How a coastal town cut its power bills with rooftop panels');
    }
  });
});

describe('corrections', () => {
  it('stand dated at the foot of the article, newest first, in its language', async () => {
    const bridge = await page('articles/bridge-en');
    expect(toString(select('#corrections-heading', bridge) as Element)).toBe('Corrections');
    expect(selectAll('.corrections li', bridge).map((item) => toString(item).replace(/\s+/g, ' ').trim())).toEqual([
      'Saturday 13 July 2024, 09:00 GMT+3 An earlier version said the bridge closed in winter; it closed in the spring.',
      'Friday 12 July 2024, 18:00 GMT+3 An earlier version gave the wrong month for the start of the work.',
    ]);
    expect(toString(select('#corrections-heading', await page('articles/column-ar')) as Element)).toBe('تصحيحات');
    expect(select('.corrections', await page('articles/harbour-en'))).toBeUndefined();
  });

  it('are CorrectionComments in the JSON-LD', async () => {
    expect(structuredData(await page('articles/bridge-en'))['correction']).toEqual([
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version said the bridge closed in winter; it closed in the spring.',
        datePublished: '2024-07-13T09:00:00+03:00',
      },
      {
        '@type': 'CorrectionComment',
        text: 'An earlier version gave the wrong month for the start of the work.',
        datePublished: '2024-07-12T18:00:00+03:00',
      },
    ]);
  });
});
