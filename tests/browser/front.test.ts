import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSite, type Reading, type Session } from '../support/browser.ts';
import { projectRoot, type PreviewServer } from '../support/site.ts';

/**
 * The front page and the masthead as readers see them, at a phone's 375×812 and a laptop's
 * 1280×900, on the site built from content/. Screenshots land in test-results/screenshots/.
 */
const screenshots = join(projectRoot, 'test-results', 'screenshots');
const PHONE = { width: 375, height: 812 };
const LAPTOP = { width: 1280, height: 900 };

let reading: Reading;
let server: PreviewServer;
let session: Session;

beforeAll(async () => {
  reading = await readSite(join(projectRoot, 'content'));
  ({ server, session } = reading);
  await mkdir(screenshots, { recursive: true });
});

afterAll(() => reading?.close());

async function open(path: string, viewport: { width: number; height: number }, colorScheme: 'light' | 'dark' = 'light') {
  const page = await session.context.newPage();
  await page.setViewportSize(viewport);
  await page.emulateMedia({ colorScheme });
  await page.goto(`${server.url}${path}`);
  // Pictures above the fold are decoded before anything is measured or photographed.
  await page.evaluate(() => Promise.all([...document.images].filter((image) => image.loading !== 'lazy').map((image) => image.decode())));
  return page;
}

describe('the front page', () => {
  it('leads with the featured story and its picture, in the first screen of a phone', async () => {
    const page = await open('/', PHONE);
    const lead = page.locator('.teaser--lead');
    expect(await lead.locator('.teaser__headline').textContent()).toBe('Biden ends his re-election campaign and backs Harris');
    const picture = lead.locator('img');
    expect(await picture.evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
    const box = await picture.boundingBox();
    expect(box && box.y + box.height).toBeLessThan(PHONE.height);
    await page.screenshot({ path: join(screenshots, 'front-375.png'), fullPage: true });
    await page.close();
  });

  it('sets stories side by side on a wide screen, the latest in a column of their own', async () => {
    for (const scheme of ['light', 'dark'] as const) {
      const page = await open('/', LAPTOP, scheme);
      const lead = await page.locator('.teaser--lead').boundingBox();
      const secondary = await page.locator('.front__secondary .teaser').first().boundingBox();
      const latest = await page.locator('.front__latest').boundingBox();
      if (!lead || !secondary || !latest) throw new Error('the front page lacks its lead, secondary stories or latest column');
      expect(secondary.x).toBeGreaterThanOrEqual(lead.x + lead.width);
      expect(secondary.y).toBeLessThan(lead.y + lead.height / 2);
      expect(latest.x).toBeGreaterThan(secondary.x + secondary.width);
      expect(await page.locator('.front__section').count()).toBeGreaterThanOrEqual(3);
      await page.screenshot({ path: join(screenshots, `front-1280-${scheme}.png`) });
      await page.close();
    }
  });

  it('moves nothing while pictures load: every teaser picture has its size and shape set', async () => {
    const page = await open('/', LAPTOP);
    const pictures = await page.locator('img.teaser__picture').evaluateAll((images: HTMLImageElement[]) =>
      images.map((image) => ({
        width: image.getAttribute('width'),
        height: image.getAttribute('height'),
        ratio: getComputedStyle(image).aspectRatio,
      })),
    );
    expect(pictures.length).toBeGreaterThanOrEqual(6);
    for (const picture of pictures)
      expect(picture).toMatchObject({ width: expect.any(String), height: expect.any(String), ratio: '3 / 2' });
    await page.close();
  });
});

describe('the masthead on a phone', () => {
  it('fits one row, so that the story starts on the first screen', async () => {
    const page = await open('/articles/hamas-withdraws-ceasefire-talks/', PHONE);
    const masthead = await page.locator('.masthead').boundingBox();
    expect(masthead?.height).toBeLessThan(80);
    const first = await page.locator('.article__body p').first().boundingBox();
    expect(first?.y).toBeLessThan(PHONE.height);
    await page.screenshot({ path: join(screenshots, 'article-375-first-screen.png') });
    await page.close();
  });

  it('opens the sections menu without a script, with every section, the archive and the other editions', async () => {
    const page = await session.context.newPage();
    await page.setViewportSize(PHONE);
    await page.route('**/*.js', (route) => route.abort());
    await page.goto(`${server.url}/`);
    const menu = page.locator('.masthead__menu');
    await menu.locator('summary').click();
    const links = menu.getByRole('navigation', { name: 'Sections' }).getByRole('link');
    expect(await links.allTextContents()).toEqual(['Politics', 'Sport', 'Technology', 'World', 'Archive', 'العربية']);
    expect(await links.first().isVisible()).toBe(true);
    await page.close();
  });

  it('shows the theme switch state on screen and to screen readers', async () => {
    const page = await open('/', PHONE);
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    const track = page.locator('.theme-toggle__switch');
    const colour = () => track.evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    const off = await colour();
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    await expect.poll(colour).not.toBe(off);
    await page.close();
  });
});

describe('small things done properly', () => {
  it('aligns table cells as the Markdown asks: numbers to the right', async () => {
    const page = await open('/articles/gaza-hostages-in-figures/', LAPTOP);
    const alignments = await page
      .locator('.article__body tbody tr:first-child td')
      .evaluateAll((cells) => cells.map((cell) => getComputedStyle(cell).textAlign));
    // Chromium reports the align attribute's alignment as -webkit-left and -webkit-right.
    expect(alignments.map((alignment) => alignment.replace('-webkit-', ''))).toEqual(['left', 'right']);
    await page.close();
  });

  it('gives tags, the section kicker and footnote numbers room for a finger', async () => {
    const page = await open('/articles/gaza-hostages-in-figures/', PHONE);
    const sizes = async (selector: string) =>
      page
        .locator(selector)
        .evaluateAll((links) => links.map((link) => link.getBoundingClientRect()).map(({ width, height }) => Math.min(width, height)));
    for (const size of [...(await sizes('.article__tags a')), ...(await sizes('.article__kicker a'))])
      expect(size).toBeGreaterThanOrEqual(44);
    const footnotes = await sizes('.article__body sup > a');
    expect(footnotes.length).toBeGreaterThan(0);
    for (const size of footnotes) expect(size).toBeGreaterThanOrEqual(24);
    await page.close();
  });
});
