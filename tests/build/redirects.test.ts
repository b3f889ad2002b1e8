import { existsSync } from 'node:fs';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Element, Root } from 'hast';
import { select } from 'hast-util-select';
import { toString } from 'hast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser } from '../support/browser.ts';
import { parsePage } from '../support/html.ts';
import { buildSite, projectRoot, removeSite, type BuiltSite } from '../support/site.ts';

/**
 * Moved articles (`aliases`): each earlier slug of a published article is a page at its old address
 * that sends readers and crawlers on to the article, under the site's base path and in the article's
 * language; no sitemap, feed, list or search record names it, and drafts and scheduled articles
 * publish none.
 */
const ORIGIN = 'https://news.example.org';
const BASE = '/dateline/';
const ALIASES = ['talks-stall', 'gaza-talks-2024', 'old-hudna'];

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({
    content: join(projectRoot, 'tests', 'fixtures', 'sites', 'moved'),
    env: { DATELINE_SITE: ORIGIN, DATELINE_BASE: BASE },
  });
  if (site.exitCode !== 0) throw new Error(`build failed:\n${site.output}`);
});
afterAll(() => removeSite(site));

async function page(path: string): Promise<Root> {
  return parsePage(await readFile(join(site.dist, path, 'index.html'), 'utf8'));
}

function attribute(tree: Root, selector: string, name: string): unknown {
  return (select(selector, tree) as Element | undefined)?.properties[name];
}

describe('the old address of a moved article', () => {
  it('sends readers on at once, names the new address as canonical and keeps itself out of search results', async () => {
    for (const alias of ['talks-stall', 'gaza-talks-2024']) {
      const old = await page(`articles/${alias}`);
      expect(attribute(old, 'meta[http-equiv="refresh"]', 'content')).toBe('0; url=/dateline/articles/talks-resume/');
      expect(attribute(old, 'link[rel="canonical"]', 'href')).toBe(`${ORIGIN}/dateline/articles/talks-resume/`);
      expect(attribute(old, 'meta[name="robots"]', 'content')).toBe('noindex');
      expect(attribute(old, 'main a', 'href')).toBe('/dateline/articles/talks-resume/');
      expect(toString(select('main', old)!).trim()).toBe('This article has moved to a new address: Talks resume in Doha');
      expect(attribute(old, 'html', 'lang')).toBe('en');
      expect(attribute(old, 'html', 'dir')).toBe('ltr');
    }
  });

  it('speaks the language of the article', async () => {
    const old = await page('articles/old-hudna');
    expect(attribute(old, 'html', 'lang')).toBe('ar');
    expect(attribute(old, 'html', 'dir')).toBe('rtl');
    expect(attribute(old, 'meta[http-equiv="refresh"]', 'content')).toBe('0; url=/dateline/articles/hudna/');
    expect(toString(select('main', old)!).trim()).toBe('انتقل هذا المقال إلى عنوان جديد: استئناف المحادثات في الدوحة');
  });

  it('is published for public articles only', () => {
    for (const path of ['articles/draft-old', 'articles/scheduled-old', 'articles/draft-moved', 'articles/scheduled-moved']) {
      expect(existsSync(join(site.dist, path)), path).toBe(false);
    }
  });

  it('is in no sitemap, feed, list or other page', async () => {
    const entries = await readdir(site.dist, { recursive: true, withFileTypes: true });
    const files = entries
      .filter((entry) => entry.isFile() && /\.(?:html|xml|json|txt)$/.test(entry.name))
      .map((entry) => relative(site.dist, join(entry.parentPath, entry.name)))
      .filter((file) => !ALIASES.some((alias) => file.startsWith(`articles/${alias}/`)));
    expect(files).toContain('sitemap-articles-1.xml');
    expect(files).toContain('feed.xml');
    expect(await readFile(join(site.dist, 'sitemap-articles-1.xml'), 'utf8')).toContain('/dateline/articles/talks-resume/');
    for (const file of files) {
      const text = await readFile(join(site.dist, file), 'utf8');
      for (const alias of ALIASES) expect(text.includes(`articles/${alias}/`), `${alias} in ${file}`).toBe(false);
    }
  });

  it('opens the article in Chromium', async () => {
    // dist/ served straight from the disk at the base path: no server needed for a few pages.
    const origin = 'http://127.0.0.1:9';
    const session = await openBrowser();
    try {
      const tab = await session.context.newPage();
      await tab.route(`${origin}/**`, async (route) => {
        const path = new URL(route.request().url()).pathname;
        const file = join(site.dist, path.slice(BASE.length), path.endsWith('/') ? 'index.html' : '');
        await (path.startsWith(BASE) && existsSync(file) ? route.fulfill({ path: file }) : route.fulfill({ status: 404 }));
      });
      await tab.goto(`${origin}${BASE}articles/talks-stall/`);
      await tab.waitForURL(`${origin}${BASE}articles/talks-resume/`);
      expect(await tab.locator('h1').textContent()).toContain('Talks resume in Doha');
      expect(session.foreignRequests).toEqual([]);
    } finally {
      await session.close();
    }
  });
});
