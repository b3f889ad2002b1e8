import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type Session } from '../support/browser.ts';
import { copySite, devServer, projectRoot, type PreviewServer } from '../support/site.ts';

/**
 * `npm run dev` as an editor uses it: a mistake in one article shows in the browser, over the page
 * they have open, with the same lines as the terminal, while every other article keeps updating.
 */
let dir: string;
let server: PreviewServer;
let session: Session;

beforeAll(async () => {
  dir = await copySite(join(projectRoot, 'tests', 'fixtures', 'sites', 'trust'));
  server = await devServer(dir);
  session = await openBrowser();
}, 300_000);

afterAll(async () => {
  await session?.close();
  await server?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function edit(file: string, change: (text: string) => string): Promise<() => Promise<void>> {
  const path = join(dir, file);
  const before = await readFile(path, 'utf8');
  await writeFile(path, change(before));
  return () => writeFile(path, before);
}

describe('the dev server', () => {
  it('shows an article’s problems in the browser and keeps the other articles updating', async () => {
    const page = await session.context.newPage();
    await page.goto(`${server.url}/articles/news/`);
    await page.locator('h1').waitFor();

    const restore = await edit('content/2024/analysis.md', (text) => text.replace(/^dateline:.*$/m, 'dateline: ""'));
    const overlay = page.locator('vite-error-overlay');
    const line = 'content/2024/analysis.md:3: dateline — found an empty text, expected the place the story was filed from';
    await overlay.getByText(line).waitFor({ timeout: 30_000 });

    // Another article, edited while the first is broken, still reaches its page.
    const restoreNews = await edit('content/2024/news.md', (text) => text.replace(/^title: .*$/m, 'title: "The harbour reopens at dawn"'));
    const other = await session.context.newPage();
    await expect
      .poll(
        async () => {
          await other.goto(`${server.url}/articles/news/`);
          return other.locator('h1').first().textContent();
        },
        { timeout: 30_000 },
      )
      .toBe('The harbour reopens at dawn');
    // A page opened while the problem lasts shows it too.
    await other.locator('vite-error-overlay').getByText(line).waitFor({ timeout: 30_000 });

    // Fixed: the pages reload without the overlay.
    await restore();
    await overlay.waitFor({ state: 'detached', timeout: 30_000 });
    await other.locator('vite-error-overlay').waitFor({ state: 'detached', timeout: 30_000 });
    await restoreNews();
    await page.close();
    await other.close();
  });
});
