import { join } from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSite, type Reading, type Session } from '../support/browser.ts';
import { projectRoot, type PreviewServer } from '../support/site.ts';

/** axe-core in Chromium on every kind of page, in light and dark: no WCAG 2.2 A or AA violation (target size included). */
const PAGES = [
  '/',
  '/articles/hamas-withdraws-ceasefire-talks/',
  '/articles/hamas-ceasefire-talks-ar/',
  '/articles/gaza-hostages-in-figures/',
  // Corrections boxes in English and Arabic, the corrections log, a site page, an author's page.
  '/articles/euro-2024-final/',
  '/articles/euro-2024-final-ar/',
  '/corrections/',
  '/about/',
  '/authors/maya-rahal/',
  '/sections/world/',
  '/tags/gaza/',
  '/archive/',
  '/archive/2024/07/',
  '/search/',
  '/404.html',
  // The Arabic edition: its front, a section, the archive and the search page.
  '/ar/',
  '/ar/sections/world/',
  '/ar/archive/',
  '/ar/search/',
];

let reading: Reading;
let server: PreviewServer;
let session: Session;

beforeAll(async () => {
  reading = await readSite(join(projectRoot, 'content'));
  ({ server, session } = reading);
});

afterAll(() => reading?.close());

describe('accessibility', () => {
  it('is checked by an axe that sees a violation when there is one', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/`);
    await page.evaluate(() => document.querySelector('main')?.append(Object.assign(document.createElement('img'), { src: '/logo.png' })));
    const results = await new AxeBuilder({ page }).withTags(['wcag2a']).analyze();
    expect(results.violations.map((violation) => violation.id)).toContain('image-alt');
    await page.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`every kind of page passes axe (WCAG 2.2 AA) in ${scheme} mode`, async () => {
      const violations: Record<string, string[]> = {};
      for (const path of PAGES) {
        const page = await session.context.newPage();
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(`${server.url}${path}`);
        const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
        const found = results.violations.map(
          (violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`,
        );
        if (found.length > 0) violations[path] = found;
        await page.close();
      }
      expect(violations).toEqual({});
    });
  }
});
