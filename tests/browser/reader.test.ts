import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, readSite, type Reading, type Session } from '../support/browser.ts';
import { projectRoot, type PreviewServer } from '../support/site.ts';

/**
 * A reader's visit to the site built from the repository's own content/, served on 127.0.0.1 and
 * read in Debian's Chromium. Screenshots land in test-results/screenshots/ for people to look at.
 */
const screenshots = join(projectRoot, 'test-results', 'screenshots');
const SEED_PATH = '/articles/hamas-withdraws-ceasefire-talks/';

let reading: Reading;
let server: PreviewServer;
let session: Session;

beforeAll(async () => {
  reading = await readSite(join(projectRoot, 'content'));
  ({ server, session } = reading);
  await mkdir(screenshots, { recursive: true });
});

afterAll(() => reading?.close());

async function visit(path: string): Promise<Page> {
  const page = await session.context.newPage();
  const response = await page.goto(`${server.url}${path}`);
  expect(response?.status()).toBe(200);
  return page;
}

describe('reading the seed story', () => {
  it('is reached from the home page by its headline', async () => {
    const page = await visit('/');
    // The front page sets it beside the lead and lists it among the latest: either link leads there.
    await page.getByRole('link', { name: 'Hamas pulls out of Gaza ceasefire negotiations' }).first().click();
    await page.waitForURL(`${server.url}${SEED_PATH}`);
    await page.screenshot({ path: join(screenshots, 'home-to-article.png') });
    await page.close();
  });

  it('shows headline, dateline, date, sources and the full text', async () => {
    const page = await visit(SEED_PATH);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hamas pulls out of Gaza ceasefire negotiations');
    const firstParagraph = page.locator('.article__body > p').first();
    expect(await firstParagraph.textContent()).toMatch(/^GAZA — Hamas has stepped back/);
    expect(await firstParagraph.locator('.dateline').isVisible()).toBe(true);
    const published = page.locator('.article__meta time').first();
    expect(await published.getAttribute('datetime')).toBe('2024-07-14T11:20:00+03:00');
    expect(await published.textContent()).toBe('Sunday 14 July 2024, 11:20 GMT+3');
    expect(await page.getByRole('heading', { name: 'Sources' }).isVisible()).toBe(true);
    expect(await page.locator('.sources li').allTextContents()).toContain('Gaza health ministry');
    expect(await page.locator('.article__body').textContent()).toContain('at least 38,443 people');
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(screenshots, 'article-375.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(screenshots, 'article-1280.png'), fullPage: true });
    await page.close();
  });

  it('makes no request to any host but its own, and breaks no rule of its Content Security Policy', async () => {
    session.foreignRequests.length = 0;
    const violations: string[] = [];
    for (const path of ['/', SEED_PATH, '/articles/gaza-hostages-in-figures/', '/articles/hamas-ceasefire-talks-ar/']) {
      const page = await session.context.newPage();
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) violations.push(`${path}: ${message.text()}`);
      });
      await page.goto(`${server.url}${path}`);
      await page.waitForLoadState('networkidle');
      // The stylesheet applied: the CSP allows the site's own files.
      expect(await page.locator('body').evaluate((body) => getComputedStyle(body).marginTop)).toBe('0px');
      await page.close();
    }
    expect(violations).toEqual([]);
    expect(session.foreignRequests).toEqual([]);
  });

  it('opens each share link in a new tab at the service, with the article URL and title', async () => {
    const page = await visit(SEED_PATH);
    const canonical = encodeURIComponent('https://dateline.example.org/articles/hamas-withdraws-ceasefire-talks/');
    const title = encodeURIComponent('Hamas pulls out of Gaza ceasefire negotiations');
    const expected: Record<string, string> = {
      'Share on Facebook': `https://www.facebook.com/sharer/sharer.php?u=${canonical}`,
      'Share on X': `https://x.com/intent/post?text=${title}&url=${canonical}`,
      'Share on WhatsApp': `https://wa.me/?text=${title}%20${canonical}`,
      'Share on Telegram': `https://t.me/share/url?url=${canonical}&text=${title}`,
      'Share on LinkedIn': `https://www.linkedin.com/sharing/share-offsite/?url=${canonical}`,
      'Share on Bluesky': `https://bsky.app/intent/compose?text=${title}%20${canonical}`,
      'Share on Reddit': `https://www.reddit.com/submit?url=${canonical}&title=${title}`,
    };
    for (const [name, url] of Object.entries(expected)) {
      for (const bar of ['top', 'bottom']) {
        session.foreignRequests.length = 0;
        const popup = session.context.waitForEvent('page');
        await page.locator(`.share[data-position=${bar}]`).getByRole('link', { name, exact: true }).click();
        const tab = await popup;
        // The request is stopped before it leaves 127.0.0.1; what matters is where it was going.
        await expect.poll(() => session.foreignRequests[0]).toBe(url);
        expect(await tab.evaluate(() => window.opener)).toBeNull();
        await tab.close();
      }
    }
    // Email opens the reader's mail program with subject and body filled in, and leaves the page where it is.
    const email = page.locator('.share[data-position=top]').getByRole('link', { name: 'Share by email' });
    expect(await email.getAttribute('href')).toBe(`mailto:?subject=${title}&body=${title}%0A%0A${canonical}`);
    expect(await email.getAttribute('target')).toBeNull();
    expect(page.url()).toBe(`${server.url}${SEED_PATH}`);
    await page.close();
  });

  it('copies the article link with the copy button, and says so', async () => {
    await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    const page = await visit(SEED_PATH);
    const copy = page.locator('.share[data-position=top]').getByRole('button', { name: 'Copy link' });
    await copy.click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      'https://dateline.example.org/articles/hamas-withdraws-ceasefire-talks/',
    );
    expect(await copy.getAttribute('data-copied')).toBe('true');
    expect(await copy.locator('.share__status').textContent()).toBe('Link copied');
    await page.close();
  });

  it('shows the native share button exactly when the browser can share', async () => {
    const page = await visit(SEED_PATH);
    const canShare = await page.evaluate(() => typeof navigator.share === 'function');
    expect(await page.locator('.share[data-position=top]').getByRole('button', { name: 'Share…' }).isVisible()).toBe(canShare);
    await page.close();
  });

  it('hands title and URL to the system share sheet where there is one', async () => {
    const page = await session.context.newPage();
    // A browser with a share sheet, as on phones; it records what it was given.
    await page.addInitScript(() => {
      Object.defineProperty(navigator, 'share', {
        value: (data: unknown) => {
          (window as unknown as { shared: unknown }).shared = data;
          return Promise.resolve();
        },
      });
    });
    await page.goto(`${server.url}${SEED_PATH}`);
    await page.locator('.share[data-position=bottom]').getByRole('button', { name: 'Share…' }).click();
    expect(await page.evaluate(() => (window as unknown as { shared: unknown }).shared)).toEqual({
      title: 'Hamas pulls out of Gaza ceasefire negotiations',
      url: 'https://dateline.example.org/articles/hamas-withdraws-ceasefire-talks/',
    });
    await page.close();
  });

  it('unfolds into a complete preview for a real link-preview parser', async () => {
    const { default: ogs } = await import('open-graph-scraper');
    for (const [path, title] of [
      [SEED_PATH, 'Hamas pulls out of Gaza ceasefire negotiations'],
      ['/articles/hamas-ceasefire-talks-ar/', 'حماس تنسحب من مفاوضات وقف إطلاق النار في غزة'],
      ['/', 'Dateline'],
    ] as const) {
      const { result, error } = await ogs({ url: `${server.url}${path}` });
      expect(error).toBe(false);
      expect(result.ogTitle).toBe(title);
      expect(result.ogDescription?.length).toBeGreaterThan(20);
      expect(result.ogUrl).toMatch(/^https:\/\/dateline\.example\.org\//);
      expect(result.twitterCard).toBe('summary_large_image');
      const [image] = result.ogImage ?? [];
      expect(image).toMatchObject({ width: '1200', height: '630', type: 'image/jpeg' });
      expect(image?.url).toMatch(/^https:\/\/dateline\.example\.org\/previews\/[\w-]+\.jpg$/);
      // The picture it names is served by the site itself.
      const served = await fetch(`${server.url}${new URL(image!.url).pathname}`);
      expect(served.headers.get('content-type')).toBe('image/jpeg');
    }
  });
});

describe('search', () => {
  it('finds an article by a word of its body, from the masthead search, and opens it with the keyboard', async () => {
    const page = await visit('/');
    const violations: string[] = [];
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
    });
    await page.locator('.masthead').getByRole('link', { name: 'Search' }).click();
    await page.waitForURL(`${server.url}/search/`);
    await page.getByRole('searchbox', { name: 'Search articles' }).fill('Haniyeh');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}/search/?q=Haniyeh`);
    const first = page.locator('[data-search-results] a').first();
    await expect.poll(() => first.textContent(), { timeout: 10_000 }).toBe('Hamas pulls out of Gaza ceasefire negotiations');
    expect(await page.locator('[data-search-status]').textContent()).toBe('Results for “Haniyeh”: 1');
    expect(await page.locator('[data-search-results] mark').first().textContent()).toContain('Haniyeh');
    // Headline, then dateline and date, then a snippet that does not repeat the headline and says
    // with an ellipsis where it cuts into the text.
    const result = page.locator('[data-search-results] li').first();
    expect(await result.locator('.search__meta').textContent()).toBe('GAZA 14 July 2024');
    expect(await result.locator('time').getAttribute('datetime')).toBe('2024-07-14T11:20:00+03:00');
    const snippet = String(await result.locator('p:not(.search__meta)').textContent());
    expect(snippet).toMatch(/^… .+ …$/);
    expect(snippet).not.toContain('Hamas pulls out of Gaza ceasefire negotiations');
    await page.screenshot({ path: join(screenshots, 'search-results-1280.png') });
    // From the search field: Tab past the button to the first result, Enter to open it.
    await page.locator('#search-page-query').focus();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Hamas pulls out of Gaza ceasefire negotiations');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${server.url}${SEED_PATH}`);
    expect(violations).toEqual([]);
    await page.close();
  });

  it('finds Arabic articles, and says so when nothing matches', async () => {
    const page = await visit('/search/?q=' + encodeURIComponent('هنية'));
    await expect
      .poll(() => page.locator('[data-search-results] a').first().textContent(), { timeout: 10_000 })
      .toBe('حماس تنسحب من مفاوضات وقف إطلاق النار في غزة');
    await page.locator('#search-page-query').fill('qwertyuiopasdf');
    await expect.poll(() => page.locator('[data-search-status]').textContent()).toBe('No articles found.');
    expect(await page.locator('[data-search-results] li').count()).toBe(0);
    await page.close();
  });
});

describe('on small phones', () => {
  it('no page scrolls sideways, from 320 px up', async () => {
    const page = await session.context.newPage();
    for (const width of [320, 375]) {
      await page.setViewportSize({ width, height: 812 });
      for (const path of [
        '/',
        SEED_PATH,
        '/articles/gaza-hostages-in-figures/',
        '/articles/hamas-ceasefire-talks-ar/',
        '/ar/',
        '/ar/sections/world/',
        '/archive/',
        '/search/',
        '/sections/world/',
        '/404.html',
      ]) {
        await page.goto(`${server.url}${path}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${path} at ${width} px`).toBeLessThanOrEqual(width);
      }
    }
    await page.screenshot({ path: join(screenshots, 'home-375.png'), fullPage: true });
    await page.close();
  });
});

describe('themes and print', () => {
  it('switches to dark and back with the toggle, remembers the choice, and follows the system otherwise', async () => {
    const page = await session.context.newPage();
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(`${server.url}${SEED_PATH}`);
    const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const light = await background();
    const toggle = page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const dark = await background();
    expect(dark).not.toBe(light);
    await page.reload();
    expect(await background()).toBe(dark);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(screenshots, 'article-375-dark.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: join(screenshots, 'article-1280-dark.png'), fullPage: true });
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect(await background()).toBe(light);
    // No choice stored: the system setting decides, even without the script.
    await page.evaluate(() => localStorage.clear());
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    expect(await background()).toBe(dark);
    await page.close();
  });

  it('prints the article alone, with its address', async () => {
    const page = await visit(SEED_PATH);
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.masthead__nav', '.masthead__tools', '.share', '.site-footer']) {
      expect(await page.locator(hidden).first().isVisible(), hidden).toBe(false);
    }
    expect(await page.locator('.print-only').textContent()).toBe(
      'Printed from https://dateline.example.org/articles/hamas-withdraws-ceasefire-talks/',
    );
    expect(await page.locator('.print-only').isVisible()).toBe(true);
    expect(await page.locator('.article__body').isVisible()).toBe(true);
    await page.close();
  });
});

describe('an Arabic article', () => {
  it('reads right to left with Arabic interface words', async () => {
    const page = await visit('/articles/hamas-ceasefire-talks-ar/');
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const body = page.locator('.article__body > p').first();
    const box = await body.boundingBox();
    const dateline = await body.locator('.dateline').boundingBox();
    // Right to left: the dateline lead-in sits at the right-hand end of the first line.
    expect(dateline!.x + dateline!.width).toBeGreaterThan(box!.x + box!.width - 2);
    expect(await page.getByRole('heading', { name: 'المصادر' }).isVisible()).toBe(true);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.screenshot({ path: join(screenshots, 'article-ar-375.png'), fullPage: true });
    await page.close();
  });

  it('is one click from the English version and back, with the Read in switcher', async () => {
    const page = await visit(SEED_PATH);
    const switcher = page.getByRole('navigation', { name: 'Read in:' });
    await switcher.getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(`${server.url}/articles/hamas-ceasefire-talks-ar/`);
    expect(await page.locator('html').getAttribute('lang')).toBe('ar');
    const back = page.getByRole('navigation', { name: 'اقرأ بلغة:' });
    expect(await back.getByRole('link', { name: 'العربية' }).getAttribute('aria-current')).toBe('page');
    await back.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(`${server.url}${SEED_PATH}`);
    await page.close();
  });

  it('leads to the Arabic edition, whose front is Arabic from masthead to footer', async () => {
    const page = await visit('/');
    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'العربية' }).click();
    await page.waitForURL(`${server.url}/ar/`);
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    expect(await page.getByRole('link', { name: 'بحث' }).isVisible()).toBe(true);
    expect(await page.locator('.site-footer').textContent()).toContain('أخبار من حيث تقع');
    await page.screenshot({ path: join(screenshots, 'front-ar-1280.png') });
    await page.close();
  });
});

describe('without JavaScript', () => {
  it('the article reads in full, with its share links', async () => {
    const noScript = await openBrowser({ javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      await page.goto(`${server.url}${SEED_PATH}`);
      expect(await page.locator('.article__body').textContent()).toContain('at least 38,443 people');
      expect(await page.locator('.share a').count()).toBe(16);
      // Without JavaScript the copy and native-share buttons stay hidden: they could not work.
      expect(await page.locator('.share button').filter({ visible: true }).count()).toBe(0);
      expect(noScript.foreignRequests).toEqual([]);
    } finally {
      await noScript.close();
    }
  });
});

describe('sharing a passage', () => {
  /**
   * Selects the first sentence of the last paragraph of the body that starts with one, dragging the
   * mouse over it as a reader would (which also sets where Tab goes next), and returns it.
   */
  async function selectSentence(page: Page): Promise<string> {
    const { sentence, from, to } = await page.evaluate(() => {
      const paragraphs = [...document.querySelectorAll<HTMLParagraphElement>('.article__body > p[id]')].reverse();
      const text = paragraphs
        .flatMap((paragraph) => [...paragraph.childNodes])
        .find((node): node is Text => node instanceof Text && /\S+ \S+ \S+ \S+.*\./.test(node.data));
      if (!text) throw new Error('no paragraph of text to select from');
      const start = text.data.search(/\S/);
      const end = text.data.indexOf('.', start) + 1;
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, end);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rects = [...range.getClientRects()];
      const [first, last] = [rects[0]!, rects.at(-1)!];
      const rtl = getComputedStyle(text.parentElement!).direction === 'rtl';
      return {
        sentence: text.data.slice(start, end),
        from: { x: rtl ? first.right - 1 : first.left + 1, y: first.top + first.height / 2 },
        to: { x: rtl ? last.left + 1 : last.right - 1, y: last.top + last.height / 2 },
      };
    });
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(to.x, to.y, { steps: 8 });
    await page.mouse.up();
    return sentence;
  }

  /** Highlighted pixels (the ::target-text colour of the light theme, #ffe08a) in the first screen. */
  async function highlightedPixels(page: Page): Promise<number> {
    const png = await page.screenshot();
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    let count = 0;
    for (let index = 0; index < data.length; index += info.channels) {
      if (Math.abs(data[index]! - 0xff) < 4 && Math.abs(data[index + 1]! - 0xe0) < 4 && Math.abs(data[index + 2]! - 0x8a) < 4) count++;
    }
    return count;
  }

  for (const [language, path] of [
    ['English', SEED_PATH],
    ['Arabic', '/articles/hamas-ceasefire-talks-ar/'],
  ] as const) {
    it(`turns a selected ${language} sentence into a link that opens on it, highlighted, from the keyboard`, async () => {
      await session.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      const page = await visit(path);
      // Without a share sheet (as on desktop Linux), the link is copied.
      await page.evaluate(() => Object.defineProperty(navigator, 'share', { value: undefined }));
      const sentence = await selectSentence(page);
      const button = page.getByRole('button', { name: language === 'English' ? 'Share quote' : 'شارك الاقتباس' });
      await button.waitFor({ state: 'visible' });
      // Tab goes from the selection to the paragraph's own link, then to the button under it.
      for (let presses = 0; presses < 4 && !(await button.evaluate((element) => element === document.activeElement)); presses++) {
        await page.keyboard.press('Tab');
      }
      await expect.poll(() => button.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page
        .getByRole('status')
        .filter({ hasText: /Link copied|نُسخ الرابط/ })
        .waitFor();
      const link = await page.evaluate(() => navigator.clipboard.readText());
      const url = new URL(link);
      expect(url.pathname).toBe(path);
      expect(url.hash).toMatch(/^#p-[0-9a-f]{8}:~:text=/);
      const quoted = decodeURIComponent(url.hash.split(':~:text=')[1]!.split(',').at(-1)!);
      expect(sentence.replace(/\s+/g, ' ')).toContain(quoted);
      await page.close();

      const opened = await session.context.newPage();
      await opened.goto(`${server.url}${url.pathname}${url.hash}`);
      await expect.poll(() => opened.evaluate(() => window.scrollY)).toBeGreaterThan(100);
      await expect.poll(() => highlightedPixels(opened)).toBeGreaterThan(500);
      await opened.screenshot({ path: join(screenshots, `quote-${language.toLowerCase()}.png`) });
      await opened.close();
    });
  }

  it('labels an explainer above its headline, on the page and on its teaser', async () => {
    const page = await visit('/articles/gaza-hostages-in-figures/');
    expect(await page.locator('.article__header .kind-label').textContent()).toBe('Explainer');
    expect(await page.locator('.article__header .kind-label').isVisible()).toBe(true);
    await page.goto(`${server.url}/latest/`);
    const teaser = page.locator('.teaser', { hasText: 'Gaza hostages' });
    expect(await teaser.locator('.kind-label').textContent()).toBe('Explainer');
    await page.close();
  });

  it('gives every paragraph a link to itself, seen on hover and focus, that needs no script', async () => {
    const page = await visit(SEED_PATH);
    const link = page.locator('.article__body > p[id] > .paragraph-link').nth(1);
    const id = await link.evaluate((element) => element.parentElement?.id);
    expect(await link.getAttribute('href')).toBe(`#${id}`);
    expect(await link.evaluate((element) => getComputedStyle(element).opacity)).toBe('0');
    await link.focus();
    await expect.poll(() => link.evaluate((element) => getComputedStyle(element).opacity)).toBe('1');
    await page.close();
  });
});
