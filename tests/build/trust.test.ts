import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import type { Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import RssParser from 'rss-parser';
import type { NewsMediaOrganization, Person } from 'schema-dts';
import { structuredDataTestHtml, type Result } from 'structured-data-testing-tool';
import presets from 'structured-data-testing-tool/presets.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '../support/html.ts';
import { buildSite, copySite, projectRoot, removeSite, runScript, type BuiltSite } from '../support/site.ts';

/**
 * The newsroom's trust signals on a fixture site: one article of each kind, corrections in English
 * and Arabic, an author with a profile and 22 articles (two pages of them), a byline without one,
 * the site pages every policy names, and an Arabic site page.
 */
const ORIGIN = 'https://news.example.org';
const fixture = join(projectRoot, 'tests', 'fixtures', 'sites', 'trust');
const KINDS = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  sponsored: 'AdvertiserContentArticle',
  'fact-check': 'NewsArticle',
} as const;
// With the two of the fixture, enough for a numbered page: lists count their pages from the oldest (paging.ts).
const EXTRA_BY_MAYA = 40;

let site: BuiltSite;
let content: string;
beforeAll(async () => {
  content = await mkdtemp(join(tmpdir(), 'dateline-trust-'));
  await cp(fixture, content, { recursive: true });
  for (let n = 0; n < EXTRA_BY_MAYA; n++) {
    const [month, day] = n < 28 ? ['06', String(1 + n).padStart(2, '0')] : ['05', String(n - 27).padStart(2, '0')];
    await writeFile(
      join(content, '2024', `briefing-${n}.md`),
      `---\ntitle: "Harbour briefing ${n}"\ndateline: "HAIFA"\ndate: 2024-${month}-${day}T09:00:00+03:00\nsummary: "Briefing ${n}."\nauthors: ["maya  rahal"]\n---\n\nShips came and went.\n`,
    );
  }
  site = await buildSite({ content, env: { DATELINE_SITE: ORIGIN } });
  if (site.exitCode !== 0) throw new Error(`fixture build failed:\n${site.output}`);
}, 180_000);
afterAll(async () => {
  await removeSite(site);
  await rm(content, { recursive: true, force: true });
});

const html = (path: string) => readFile(join(site.dist, path, 'index.html'), 'utf8');
const page = async (path: string): Promise<Root> => parsePage(await html(path));

function structuredData(tree: Root): Record<string, unknown> {
  const script = select('script[type="application/ld+json"]', tree);
  if (!script) throw new Error('no JSON-LD on the page');
  return JSON.parse(toString(script)) as Record<string, unknown>;
}

/** Google's checks of structured-data-testing-tool, with the page's type required to be there. */
async function googleCheck(source: string, type: string): Promise<Result> {
  return structuredDataTestHtml(source, { presets: [presets.Google], schemas: [`jsonld:${type}`] }).catch(
    (error: { type?: string; res?: Result }) => {
      if (error.type !== 'VALIDATION_FAILED' || !error.res) throw error;
      return error.res;
    },
  );
}

describe('type of work', () => {
  it.each(Object.entries(KINDS))("a %s piece passes Google's checks as %s", async (kind, type) => {
    const source = await html(`articles/${kind}`);
    const result = await googleCheck(source, type);
    expect(result.schemas).toContain(type);
    expect(result.failed.map((test) => `${test.test}: ${test.error?.message ?? ''}`)).toEqual([]);
    expect(result.passed.length).toBeGreaterThan(1);
  });

  it('labels every kind but news on the article and its teaser, and sponsored content in the feed', async () => {
    const world = await page('sections/world');
    for (const kind of Object.keys(KINDS)) {
      const label = select('.kind-label', await page(`articles/${kind}`));
      expect(label === undefined, kind).toBe(kind === 'news');
    }
    const teaserLabels = selectAll('.teaser .kind-label', world).map((label) => toString(label));
    expect(teaserLabels).toEqual(expect.arrayContaining(['Analysis', 'Opinion', 'Explainer', 'Review', 'Sponsored', 'Fact check']));
    const rss = await new RssParser().parseString(await readFile(join(site.dist, 'feed.xml'), 'utf8'));
    expect(rss.items.map((item) => item.title)).toContain('Sponsored: A sponsored piece about the harbour');
  });
});

describe('authors', () => {
  it("links a byline with a profile to the author's page, and leaves one without as text", async () => {
    const news = await page('articles/news');
    expect(selectAll('.article__byline a', news).map((link) => [toString(link), link.properties['href']])).toEqual([
      ['Maya Rahal', '/authors/maya-rahal/'],
    ]);
    const opinion = await page('articles/opinion');
    expect(toString(select('.article__byline', opinion)!)).toBe('By Guest Writer');
    expect(select('.article__byline a', opinion)).toBeUndefined();
  });

  it("lists the author's articles, newest first, page after page, each linking back", async () => {
    const first = await page('authors/maya-rahal');
    const second = await page('authors/maya-rahal/1');
    const slugs = [...selectAll('.teaser a', first), ...selectAll('.teaser a', second)].map((link) => String(link.properties['href']));
    expect(slugs).toHaveLength(EXTRA_BY_MAYA + 2);
    expect(slugs.slice(0, 2)).toEqual(['/articles/analysis/', '/articles/news/']);
    for (const slug of slugs) {
      const byline = selectAll('.article__byline a', await page(slug.slice(1, -1)));
      expect(
        byline.map((link) => link.properties['href']),
        slug,
      ).toContain('/authors/maya-rahal/');
    }
    expect(toString(select('h1', first)!)).toBe('Maya Rahal');
    expect(toString(select('.author__bio', first)!)).toContain('says where each number comes from');
    expect(selectAll('.teaser a', second)).toHaveLength(20);
    expect(select('link[rel=next]', first)?.properties['href']).toBe('/authors/maya-rahal/1/');
  });

  it('makes the author a Person with url and sameAs, and names the fediverse account', async () => {
    const news = await page('articles/news');
    const [author] = structuredData(news)['author'] as Person[];
    expect(author).toEqual({
      '@type': 'Person',
      name: 'Maya Rahal',
      url: `${ORIGIN}/authors/maya-rahal/`,
      jobTitle: 'Data reporter',
      sameAs: ['https://example.social/@mayarahal', 'https://example.org/people/maya-rahal'],
    });
    for (const tree of [news, await page('authors/maya-rahal')]) {
      expect(select('meta[name="fediverse:creator"]', tree)?.properties['content']).toBe('@mayarahal@example.social');
    }
    expect(select('meta[name="fediverse:creator"]', await page('articles/opinion'))).toBeUndefined();
    expect(structuredData(await page('authors/maya-rahal'))).toMatchObject({
      '@type': 'ProfilePage',
      mainEntity: { url: author!['url' as never] },
    });
  });

  it('gives a profile without articles its page all the same', async () => {
    const idle = await page('authors/omar-idle');
    expect(toString(select('.author__role', idle)!)).toBe('Night editor');
    expect(selectAll('.teaser', idle)).toHaveLength(0);
  });
});

describe('corrections', () => {
  it('shows them at the foot of the article, newest first, dated', async () => {
    const box = select('#corrections', await page('articles/news'))!;
    expect(selectAll('li', box).map((item) => toString(item))).toEqual([
      "Friday 12 July 2024, 08:00 GMT+3 An earlier version misspelled the harbour master's name.",
      'Thursday 11 July 2024, 09:30 GMT+3 An earlier version gave the wrong berth number.',
    ]);
  });

  it('lists every correction site-wide, newest first, linking each corrected article', async () => {
    const log = await page('corrections');
    const entries = selectAll('.log__entry', log).map((entry) => ({
      lang: entry.properties['lang'],
      href: select('a', entry)?.properties['href'],
      text: toString(select('p', entry)!),
    }));
    expect(entries).toEqual([
      {
        lang: 'ar',
        href: '/articles/opinion-ar/#corrections',
        text: 'ذكرت نسخة سابقة أن الإصلاحات استمرت أسبوعين، والصحيح أنها استمرت أسبوعًا.',
      },
      { lang: 'en', href: '/articles/news/#corrections', text: "An earlier version misspelled the harbour master's name." },
      { lang: 'en', href: '/articles/news/#corrections', text: 'An earlier version gave the wrong berth number.' },
    ]);
    const feeds = selectAll('link[rel=alternate]', log).map((link) => link.properties['href']);
    expect(feeds).toEqual(expect.arrayContaining(['/corrections/feed.xml', '/corrections/atom.xml']));
  });

  it.each(['corrections/feed.xml', 'corrections/atom.xml'])('%s reads the same in two independent parsers', async (feed) => {
    const xml = await readFile(join(site.dist, feed), 'utf8');
    const rowan = parseFeed(xml);
    const rss = await new RssParser().parseString(xml);
    const unescape = (text = '') =>
      feed.endsWith('atom.xml') ? text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&') : text;
    const expected = [
      ['تصحيح: رأي في إعادة فتح الميناء', `${ORIGIN}/articles/opinion-ar/#corrections`],
      ['Correction: A news piece about the harbour', `${ORIGIN}/articles/news/#corrections`],
      ['Correction: A news piece about the harbour', `${ORIGIN}/articles/news/#corrections`],
    ];
    expect(rowan.items.map((item) => [item.title, item.url])).toEqual(expected);
    expect(rss.items.map((item) => [unescape(item.title), item.link])).toEqual(expected);
    expect(new Set(rowan.items.map((item) => item.id)).size).toBe(3);
    expect(rowan.items[1]!.published?.toISOString()).toBe('2024-07-12T05:00:00.000Z');
  });
});

describe('the newsroom and its policies', () => {
  it('publishes every site page at /<slug>/ through the pipeline, in its language', async () => {
    const about = await page('about');
    expect(toString(select('h1', about)!)).toBe('About the Harbour Times');
    expect(select('.article__body a[href="/contact/"]', about)).toBeDefined();
    const arabic = await page('about-ar');
    expect(select('html', arabic)?.properties).toMatchObject({ lang: 'ar', dir: 'rtl' });
  });

  it('links the pages and the corrections log from every footer, the Arabic edition its own', async () => {
    const footer = (tree: Root) => selectAll('.site-footer a', tree).map((link) => link.properties['href']);
    const english = footer(await page('articles/news'));
    expect(english).toEqual([
      '/about/',
      '/publishing-principles/',
      '/corrections-policy/',
      '/ethics/',
      '/ownership-and-funding/',
      '/contact/',
      '/corrections/',
    ]);
    expect(footer(await page('ar'))).toEqual(['/about-ar/', '/corrections/']);
  });

  it('names the policies on the publisher of every page with structured data', async () => {
    const expected = {
      '@type': 'NewsMediaOrganization',
      masthead: `${ORIGIN}/about/`,
      publishingPrinciples: `${ORIGIN}/publishing-principles/`,
      correctionsPolicy: `${ORIGIN}/corrections-policy/`,
      ethicsPolicy: `${ORIGIN}/ethics/`,
      ownershipFundingInfo: `${ORIGIN}/ownership-and-funding/`,
      actionableFeedbackPolicy: `${ORIGIN}/contact/`,
    } satisfies Partial<Exclude<NewsMediaOrganization, string>>;
    for (const path of ['articles/news', 'articles/sponsored', 'about', 'authors/maya-rahal']) {
      expect(structuredData(await page(path))['publisher'], path).toMatchObject(expected);
    }
    const graph = structuredData(await page(''))['@graph'] as Record<string, unknown>[];
    expect(graph.find((node) => node['@type'] === 'NewsMediaOrganization')).toMatchObject(expected);
    expect(structuredData(await page('about'))['@type']).toBe('AboutPage');
    expect(structuredData(await page('contact'))['@type']).toBe('ContactPage');
  });

  it('lists the site pages, author pages and corrections log in the sitemap', async () => {
    const sitemap = await readFile(join(site.dist, 'sitemap-pages.xml'), 'utf8');
    for (const path of ['about/', 'about-ar/', 'authors/maya-rahal/', 'authors/maya-rahal/1/', 'authors/omar-idle/', 'corrections/']) {
      expect(sitemap).toContain(`<loc>${ORIGIN}/${path}</loc>`);
    }
  });
});

describe('mistakes in site pages, profiles and policies', () => {
  it('are named with file, line and field, all at once, by npm run check and the build', async () => {
    const dir = await copySite(fixture);
    try {
      await writeFile(join(dir, 'content', 'pages', 'archive.md'), '---\ntitle: Archive\n---\nText\n');
      await writeFile(join(dir, 'content', 'pages', 'contact.md'), '---\ntitle: Contact\nemail: news@example.org\n---\nText\n');
      await rm(join(dir, 'content', 'pages', 'ethics.md'));
      await writeFile(
        join(dir, 'content', 'authors', 'maya-rahal.md'),
        '---\nname: "Maya Rahal"\nfediverse: mayarahal\nsameAs: [not-a-url]\n---\nBio\n',
      );
      const { exitCode, output } = await runScript('check.ts', ['--root', dir]);
      expect(exitCode).toBe(1);
      expect(output).toContain('content/pages/archive.md: file name — found "archive", which is a folder of the site');
      expect(output).toContain(
        'content/pages/contact.md:3: email — found a field the site page format does not have, expected one of title, summary, lang, updated',
      );
      expect(output).toContain('content/authors/maya-rahal.md:3: fediverse — found "mayarahal", expected a fediverse handle, @user@server');
      expect(output).toContain('content/authors/maya-rahal.md:4: sameAs[0] — found "not-a-url"');
      expect(output).toContain('src/site.config.ts: policies.ethicsPolicy — found "ethics", but there is no content/pages/ethics.md');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
