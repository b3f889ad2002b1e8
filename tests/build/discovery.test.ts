import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseFeed } from '@rowanmanning/feed-parser';
import { XMLParser } from 'fast-xml-parser';
import type { Element } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { unescape } from 'html-escaper';
import RssParser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parsePage } from '../support/html.ts';
import { buildSite, removeSite, type BuiltSite } from '../support/site.ts';

/**
 * Discovery on an archive of a few hundred generated articles: every public one is reachable from
 * the home page, listed in its section, tags, month, the feeds and the sitemaps, and found by the
 * search index; no draft or scheduled article appears anywhere.
 */
const ORIGIN = 'https://dateline.example.org';
const PAGE_SIZE = 20;
const FEED_SIZE = 50;
const SECTIONS = ['World', 'Business', 'Culture & Arts'];
const TAGS = ['gaza', 'ceasefire', 'oil', 'markets', 'film', 'books', 'elections', 'aid'];
const now = Date.now();

interface Generated {
  slug: string;
  title: string;
  section: string;
  tags: string[];
  date: Date;
  status: 'published' | 'draft' | 'scheduled';
}

/** A seeded archive: same articles every run, dates over three years, a few in the last day. */
function generate(count: number): Generated[] {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: count }, (_, index) => {
    const recent = index < 5;
    const age = recent ? index * 3_600_000 + 60_000 : 3 * 86_400_000 + Math.floor(random() * 3 * 365 * 86_400_000);
    const status: Generated['status'] = index % 41 === 7 ? 'draft' : index % 53 === 11 ? 'scheduled' : 'published';
    const date = new Date(status === 'scheduled' ? now + 365 * 86_400_000 : now - age);
    date.setUTCSeconds(0, 0);
    const tags = TAGS.filter(() => random() < 0.3);
    return {
      slug: `story-${String(index).padStart(3, '0')}`,
      title: status === 'published' ? `Story ${index}: talks & "terms" <${SECTIONS[index % 3]}>` : `UNPUBLISHED-${status}-${index}`,
      section: SECTIONS[index % 3] ?? 'World',
      tags,
      date,
      status,
    };
  });
}

const articles = generate(260);
const published = articles.filter((article) => article.status === 'published');
const unpublished = articles.filter((article) => article.status !== 'published');
const byNewest = [...published].sort((a, b) => b.date.getTime() - a.date.getTime() || a.slug.localeCompare(b.slug));

let content: string;
let site: BuiltSite;

beforeAll(async () => {
  content = await mkdtemp(join(tmpdir(), 'dateline-archive-'));
  for (const article of articles) {
    const folder = join(content, String(article.date.getUTCFullYear()));
    await mkdir(folder, { recursive: true });
    const fields = [
      `title: ${JSON.stringify(article.title)}`,
      'dateline: GAZA',
      `date: ${article.date.toISOString().replace('.000Z', 'Z')}`,
      `summary: "Summary of ${article.slug}."`,
      `section: ${JSON.stringify(article.section)}`,
      `tags: [${article.tags.join(', ')}]`,
      ...(article.status === 'draft' ? ['draft: true'] : []),
    ];
    await writeFile(
      join(folder, `${article.slug}.md`),
      `---\n${fields.join('\n')}\n---\n\nBody of ${article.slug} with the word zanzibar${article.slug.replace(/\D/g, '')}.\n`,
    );
  }
  site = await buildSite({ content });
  if (site.exitCode !== 0) throw new Error(`archive build failed:\n${site.output}`);
}, 600_000);

afterAll(async () => {
  await removeSite(site);
  await rm(content, { recursive: true, force: true });
});

async function page(path: string) {
  return parsePage(await readFile(join(site.dist, path, 'index.html'), 'utf8'));
}

const teaserSlugs = (tree: ReturnType<typeof parsePage>) =>
  selectAll('.teaser__headline a', tree).map((link) => String(link.properties['href']).replace(/^\/articles\/|\/$/g, ''));

/** Every page of a paginated list, followed by its rel=next links from the first. */
async function listPages(path: string): Promise<{ path: string; tree: ReturnType<typeof parsePage> }[]> {
  const pages = [];
  for (let current: string | undefined = path; current !== undefined;) {
    const tree = await page(current);
    pages.push({ path: current, tree });
    const next = select('link[rel=next]', tree) as Element | undefined;
    current = next ? String(next.properties['href']).replace(/^\//, '') : undefined;
  }
  return pages;
}

describe('lists', () => {
  it('page every article newest first at /latest/, 20 a page counted from the oldest, with rel prev/next', async () => {
    const pages = await listPages('latest/');
    // The oldest 20 are page 1 for good; /latest/ holds the newest ones that fill no numbered page yet, with the newest 20.
    const numbered = Math.floor(published.length / PAGE_SIZE) - 1;
    expect(pages.map(({ path }) => path)).toEqual([
      'latest/',
      ...Array.from({ length: numbered }, (_, index) => `latest/${numbered - index}/`),
    ]);
    expect(teaserSlugs(pages[0]!.tree)).toHaveLength(published.length - numbered * PAGE_SIZE);
    expect(pages.slice(1).map(({ tree }) => teaserSlugs(tree).length)).toEqual(Array(numbered).fill(PAGE_SIZE));
    expect(pages.flatMap(({ tree }) => teaserSlugs(tree))).toEqual(byNewest.map((article) => article.slug));
    expect(select('link[rel=prev]', pages[0]!.tree)).toBeUndefined();
    expect((select('link[rel=prev]', pages[1]!.tree) as Element).properties['href']).toBe('/latest/');
    expect((select('link[rel=next]', pages[1]!.tree) as Element).properties['href']).toBe(`/latest/${numbered - 1}/`);
    expect(select('link[rel=next]', pages.at(-1)!.tree)).toBeUndefined();
  });

  it('lead the front page with the newest story, then each section, and the latest with a link to all', async () => {
    const front = await page('');
    expect((select('.teaser--lead .teaser__headline a', front) as Element).properties['href']).toBe(`/articles/${byNewest[0]!.slug}/`);
    const blocks = selectAll('.front__section', front).map((block) => toString(select('h2', block)!));
    expect([...blocks].sort()).toEqual([...SECTIONS].sort());
    const latest = selectAll('.front__latest li a', front).map((link) => String(link.properties['href']));
    expect(latest).toEqual(byNewest.slice(1, 9).map((article) => `/articles/${article.slug}/`));
    expect(select('.front__latest a[href="/latest/"]', front)).toBeDefined();
    // No story twice above the Latest column.
    const above = selectAll('.front__main .teaser__headline a', front).map((link) => String(link.properties['href']));
    expect(new Set(above).size).toBe(above.length);
  });

  it('give every section, tag and month exactly its articles', async () => {
    for (const section of SECTIONS) {
      const slug = section.toLowerCase().replace(' & ', '-and-');
      const listed = (await listPages(`sections/${slug}/`)).flatMap(({ tree }) => teaserSlugs(tree));
      expect(listed, section).toEqual(byNewest.filter((article) => article.section === section).map((article) => article.slug));
    }
    for (const tag of TAGS) {
      const listed = (await listPages(`tags/${tag}/`)).flatMap(({ tree }) => teaserSlugs(tree));
      expect(listed, tag).toEqual(byNewest.filter((article) => article.tags.includes(tag)).map((article) => article.slug));
    }
    const archive = await page('archive/');
    const months = selectAll('.archive__months a', archive).map((link) => String(link.properties['href']).replace(/^\//, ''));
    let counted = 0;
    for (const month of months) counted += (await listPages(month)).flatMap(({ tree }) => teaserSlugs(tree)).length;
    expect(counted).toBe(published.length);
  });

  it('make every public article reachable from the home page by links', async () => {
    const seen = new Set<string>();
    const queue = [''];
    const reached = new Set<string>();
    while (queue.length > 0) {
      const path = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      if (!existsSync(join(site.dist, path, 'index.html'))) continue;
      const tree = await page(path);
      for (const link of selectAll('a[href^="/"]', tree)) {
        const href = String(link.properties['href']).replace(/^\//, '').replace(/#.*$/, '');
        if (href.startsWith('articles/')) reached.add(href.replace(/^articles\/|\/$/g, ''));
        else if (!seen.has(href) && !href.includes('.')) queue.push(href);
      }
    }
    expect([...reached].sort()).toEqual(published.map((article) => article.slug).sort());
  });

  it('show more in the section and related articles on each article', async () => {
    const article = await page(`articles/${byNewest[0]!.slug}`);
    const headings = selectAll('.article__more h2', article).map((node) => toString(node));
    expect(headings[0]).toBe(`More in ${byNewest[0]!.section}`);
    expect(selectAll('.article__more li', article).length).toBeGreaterThan(0);
  });

  it('show the stories of the section published just after and just before the article, not its newest', async () => {
    const world = byNewest.filter((article) => article.section === 'World');
    const middle = world[20]!;
    const more = select('.article__more ul', await page(`articles/${middle.slug}`))!;
    const links = selectAll('a', more).map((link) => String(link.properties['href']));
    expect(links).toEqual([world[18], world[19], world[21], world[22]].map((article) => `/articles/${article!.slug}/`));
  });
});

describe('feeds', () => {
  const feeds = ['feed.xml', 'atom.xml', 'sections/world/feed.xml', 'sections/business/atom.xml'];

  it.each(feeds)('%s reads the same in two independent parsers: items, titles, links', async (feed) => {
    const xml = await readFile(join(site.dist, feed), 'utf8');
    const section = /^sections\/([^/]+)\//.exec(feed)?.[1];
    const expected = byNewest.filter((article) => !section || article.section.toLowerCase().startsWith(section)).slice(0, FEED_SIZE);

    const rowan = parseFeed(xml);
    const rss = await new RssParser().parseString(xml);
    // Atom titles are type="html" (the feed library's choice, and the spec's for markup): rss-parser
    // hands them over undecoded, as a reader's HTML renderer would receive them, so they are decoded once.
    const asText = feed.endsWith('atom.xml') ? (title = '') => unescape(title) : (title = '') => title;
    for (const items of [
      rowan.items.map((item) => ({ title: item.title, url: item.url })),
      rss.items.map((item) => ({ title: asText(item.title), url: item.link })),
    ]) {
      expect(items.map((item) => item.title)).toEqual(expected.map((article) => article.title));
      expect(items.map((item) => item.url)).toEqual(expected.map((article) => `${ORIGIN}/articles/${article.slug}/`));
    }
    for (const item of rowan.items) {
      expect(item.title).not.toMatch(/&(?:amp|lt|gt|quot|#\d+);/);
      expect(existsSync(join(site.dist, new URL(item.url!).pathname, 'index.html')), item.url!).toBe(true);
      expect(item.content).toContain('zanzibar');
      expect(item.published?.toISOString()).toBe(
        published.find((article) => `${ORIGIN}/articles/${article.slug}/` === item.url)?.date.toISOString(),
      );
    }
  });

  it('are linked from every page head', async () => {
    for (const path of ['', `articles/${byNewest[0]!.slug}`, 'archive/']) {
      const types = selectAll('link[rel=alternate]', await page(path)).map((link) => link.properties['type']);
      expect(types).toEqual(expect.arrayContaining(['application/rss+xml', 'application/atom+xml']));
    }
  });
});

describe('sitemaps', () => {
  const parser = new XMLParser({ isArray: (name) => name === 'url' || name === 'sitemap' });
  const read = async (file: string) => parser.parse(await readFile(join(site.dist, file), 'utf8'));

  it('list every public article exactly once, with lastmod, and nothing unpublished', async () => {
    const index = await read('sitemap-index.xml');
    const files: string[] = index.sitemapindex.sitemap.map((entry: { loc: string }) => new URL(entry.loc).pathname.slice(1));
    expect(files).toEqual(['sitemap-pages.xml', 'sitemap-articles-1.xml', 'sitemap-news.xml']);
    const urls: { loc: string; lastmod?: string }[] = [];
    for (const file of files.filter((name) => name.startsWith('sitemap-articles'))) urls.push(...(await read(file)).urlset.url);
    expect(urls.map((url) => url.loc).sort()).toEqual(published.map((article) => `${ORIGIN}/articles/${article.slug}/`).sort());
    for (const url of urls) expect(url.lastmod).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('list every list page, and every listed page exists', async () => {
    const pages: string[] = (await read('sitemap-pages.xml')).urlset.url.map((url: { loc: string }) => new URL(url.loc).pathname);
    expect(pages).toContain('/');
    expect(pages).toContain('/latest/');
    expect(pages).toContain('/latest/2/');
    expect(pages).toContain('/archive/');
    expect(pages).toContain(`/archive/${new Date(now).getUTCFullYear()}/`);
    expect(pages).toContain('/search/');
    for (const path of pages) expect(existsSync(join(site.dist, path, 'index.html')), path).toBe(true);
  });

  it('give Google News the articles of the last 48 hours', async () => {
    const news = (await read('sitemap-news.xml')).urlset.url;
    const recent = byNewest.filter((article) => now - article.date.getTime() <= 48 * 3_600_000);
    expect(news.map((url: { loc: string }) => url.loc)).toEqual(recent.map((article) => `${ORIGIN}/articles/${article.slug}/`));
    expect(news[0]['news:news']['news:publication']).toEqual({ 'news:name': 'Dateline', 'news:language': 'en' });
    expect(news[0]['news:news']['news:title']).toBe(recent[0]!.title);
  });

  it('are named in robots.txt', async () => {
    expect(await readFile(join(site.dist, 'robots.txt'), 'utf8')).toBe(
      `User-agent: *\nAllow: /\n\nSitemap: ${ORIGIN}/sitemap-index.xml\nSitemap: ${ORIGIN}/sitemap-news.xml\n`,
    );
  });
});

describe('nothing unpublished', () => {
  it('appears in any page, feed, sitemap or search file', async () => {
    const files = (await readdir(site.dist, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());
    for (const entry of files) {
      const text = await readFile(join(entry.parentPath, entry.name), 'latin1');
      for (const article of unpublished) {
        expect(text.includes(article.slug) || text.includes(article.title), `${article.slug} in ${entry.name}`).toBe(false);
      }
    }
    expect(unpublished.length).toBeGreaterThan(5);
  });
});

describe('search and the 404 page', () => {
  it('write a search index of the article pages', () => {
    expect(existsSync(join(site.dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(site.output).toMatch(/Search index written for \d+ articles/);
  });

  it('give the 404 page a search box and the latest articles', async () => {
    const tree = parsePage(await readFile(join(site.dist, '404.html'), 'utf8'));
    expect(toString(select('h1', tree)!)).toBe('Page not found');
    expect(selectAll('main form[role=search]', tree)).toHaveLength(1);
    expect(teaserSlugs(tree)).toEqual(byNewest.slice(0, 5).map((article) => article.slug));
  });
});
