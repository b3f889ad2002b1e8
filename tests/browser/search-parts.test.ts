import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from '../support/browser.ts';
import { buildIn, copySite, previewSite, projectRoot, removeSite, type BuiltSite, type PreviewServer } from '../support/site.ts';

/**
 * The search index comes in parts by year (src/lib/outputs/search-shards.ts); the search page merges them.
 * Here a site with articles from 2019 and 2024 is built with one year per part, and searched in
 * Chromium as a reader would.
 */
let site: BuiltSite;
let server: PreviewServer;
let session: Session;

beforeAll(async () => {
  const dir = await copySite(join(projectRoot, 'tests', 'fixtures', 'sites', 'good'));
  const file = join(dir, 'content', 'deep', 'er', 'still', 'bare-date.md');
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.replace('date: 2024-07-10', 'date: 2019-03-10')}\nA paragraph from an older year.\n`);
  site = await buildIn(dir, { DATELINE_SEARCH_SHARD_SIZE: '1' });
  expect(site.exitCode, site.output).toBe(0);
  expect(site.output).toContain('in 2 parts');
  server = await previewSite(site);
  session = await openBrowser();
});

afterAll(async () => {
  await session?.close();
  await server?.stop();
  await removeSite(site);
});

/** Where the reader tests leave screenshots for people to look at. */
const screenshots = join(projectRoot, 'test-results', 'screenshots');

async function resultsFor(query: string, screenshot?: string): Promise<{ titles: string[]; status: string | null }> {
  const page = await session.context.newPage();
  const failed: string[] = [];
  page.on('response', (response) => {
    if (response.status() >= 400) failed.push(response.url());
  });
  await page.goto(`${server.url}/search/?q=${encodeURIComponent(query)}`);
  const status = page.locator('[data-search-status]');
  await expect.poll(() => status.textContent(), { timeout: 10_000 }).toMatch(/Results for|No articles/);
  const titles = await page.locator('[data-search-results] a').allTextContents();
  const links = await page
    .locator('[data-search-results] a')
    .evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')));
  expect(links.every((href) => href?.startsWith('/articles/'))).toBe(true);
  expect(failed).toEqual([]);
  const text = await status.textContent();
  if (screenshot) {
    await mkdir(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, screenshot), fullPage: true });
  }
  await page.close();
  return { titles, status: text };
}

describe('a search index in parts', () => {
  it('finds an article that only an older part holds', async () => {
    expect(await resultsFor('folders')).toEqual({ titles: ['Filed on a bare date'], status: 'Results for “folders”: 1' });
  });

  it('ranks the results of every part together, and counts them all', async () => {
    const { titles, status } = await resultsFor('paragraph', 'search-parts-1280.png');
    expect(titles).toContain('Filed on a bare date');
    expect(titles).toContain('Talks & truce: "fine" says official');
    expect(status).toBe(`Results for “paragraph”: ${titles.length}`);
  });

  it('finds articles of the newest part as before', async () => {
    expect((await resultsFor('standfirst')).titles).toEqual(['Talks & truce: "fine" says official']);
  });
});
