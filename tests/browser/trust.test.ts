import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSite, type Reading } from '../support/browser.ts';
import { projectRoot } from '../support/site.ts';

/** What a reader sees of the trust signals, in English and Arabic, on the trust fixture site. */
let reading: Reading;
beforeAll(async () => {
  reading = await readSite(join(projectRoot, 'tests', 'fixtures', 'sites', 'trust'));
}, 180_000);
afterAll(() => reading?.close());

async function open(path: string) {
  const page = await reading.session.context.newPage();
  await page.goto(`${reading.server.url}${path}`);
  return page;
}

describe('trust signals in the browser', () => {
  it('shows the kind of piece above the headline and on teasers, in English and Arabic', async () => {
    const analysis = await open('/articles/analysis/');
    await expect(analysis.locator('.article__header .kind-label').textContent()).resolves.toBe('Analysis');
    expect(await analysis.locator('.article__header .kind-label').isVisible()).toBe(true);
    const arabic = await open('/articles/opinion-ar/');
    const label = arabic.locator('.article__header .kind-label');
    expect(await label.isVisible()).toBe(true);
    expect(await label.textContent()).toBe('رأي');
    const section = await open('/sections/world/');
    expect(await section.locator('.teaser .kind-label', { hasText: 'Sponsored' }).first().isVisible()).toBe(true);
    for (const page of [analysis, arabic, section]) await page.close();
  });

  it('shows the corrections box, newest first, and the corrections log links to it', async () => {
    const log = await open('/corrections/');
    await log.locator('.log__entry a[href="/articles/opinion-ar/#corrections"]').click();
    await log.waitForURL('**/articles/opinion-ar/#corrections');
    const box = log.locator('#corrections');
    expect(await box.isVisible()).toBe(true);
    expect(await box.locator('h2').textContent()).toBe('تصحيحات');
    expect(await box.evaluate((element) => getComputedStyle(element).direction)).toBe('rtl');
    // The box is scrolled into view: the reader lands on it.
    expect(await box.evaluate((element) => element.getBoundingClientRect().top)).toBeLessThan(900);
    const english = await open('/articles/news/');
    const items = await english.locator('#corrections li').allTextContents();
    expect(items.map((item) => item.slice(0, 20))).toEqual(['Friday 12 July 2024,', 'Thursday 11 July 202']);
    await log.close();
    await english.close();
  });

  it('takes a reader from a byline to the author and from the footer to the policies', async () => {
    const article = await open('/articles/news/');
    await article.locator('.article__byline a', { hasText: 'Maya Rahal' }).click();
    await article.waitForURL('**/authors/maya-rahal/');
    expect(await article.locator('h1').textContent()).toBe('Maya Rahal');
    await article.locator('.site-footer a', { hasText: 'Corrections policy' }).click();
    await article.waitForURL('**/corrections-policy/');
    expect(await article.locator('h1').textContent()).toBe('Corrections policy');
    await article.close();
  });

  it('passes axe (WCAG 2.2 AA) on labelled and corrected articles, the log, site pages and author pages, light and dark', async () => {
    const paths = [
      '/articles/news/',
      '/articles/sponsored/',
      '/articles/opinion-ar/',
      '/corrections/',
      '/about/',
      '/about-ar/',
      '/authors/maya-rahal/',
      '/ar/',
    ];
    const violations: Record<string, string[]> = {};
    for (const scheme of ['light', 'dark'] as const) {
      for (const path of paths) {
        const page = await reading.session.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${reading.server.url}${path}`);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const found = results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
        if (found.length > 0) violations[`${scheme} ${path}`] = found;
        await page.close();
      }
    }
    expect(violations).toEqual({});
    expect(reading.session.foreignRequests).toEqual([]);
  });
});
