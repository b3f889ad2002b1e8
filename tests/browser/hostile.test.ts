import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validCases, writeCases } from '../fixtures/hostile/corpus.ts';
import { openBrowser, type Session } from '../support/browser.ts';
import { buildSite, previewSite, removeSite, type BuiltSite, type PreviewServer } from '../support/site.ts';

/**
 * Every valid hostile article, opened in Chromium with its Content Security Policy switched off, so
 * that only the sanitizer stands between the payloads and the reader: no dialog may open, and the
 * probe every payload sets (`window.__pwned`) must stay unset, even after every element has been
 * clicked, hovered and focused. Then the policy alone, against a script planted in a built page.
 */
let corpus: string;
let site: BuiltSite;
let server: PreviewServer;

beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'dateline-corpus-'));
  await writeCases(corpus, validCases);
  site = await buildSite({ content: corpus });
  if (site.exitCode !== 0) throw new Error(`the valid corpus did not build:\n${site.output}`);
  server = await previewSite(site);
});

afterAll(async () => {
  await server?.stop();
  await removeSite(site);
  await rm(corpus, { recursive: true, force: true });
});

/** Loads a page, provokes every handler a payload could hide in, and reports what ran. */
async function whatRan(session: Session, path: string): Promise<string[]> {
  const page: Page = await session.context.newPage();
  const ran: string[] = [];
  page.on('dialog', async (dialog) => {
    ran.push(`${dialog.type()}: ${dialog.message()}`);
    await dialog.dismiss();
  });
  await page.goto(`${server.url}${path}`, { waitUntil: 'load' });
  await page.evaluate(() => {
    for (const element of document.querySelectorAll('body *')) {
      for (const type of ['click', 'mouseover', 'focus', 'toggle', 'error', 'load', 'change', 'start', 'animationstart']) {
        element.dispatchEvent(new Event(type, { bubbles: false }));
      }
    }
  });
  await page.waitForTimeout(50);
  const probe = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
  if (probe !== undefined) ran.push(`window.__pwned = ${String(probe)}`);
  await page.close();
  return ran;
}

describe('the sanitizer alone, with the Content Security Policy bypassed', () => {
  let session: Session;
  beforeAll(async () => {
    session = await openBrowser({ bypassCSP: true });
  });
  afterAll(() => session?.close());

  it('lets no payload of the corpus run, on any article page or the home page', async () => {
    const ran: Record<string, string[]> = {};
    for (const path of ['/', ...validCases.map((entry) => `/articles/${entry.name}/`)]) {
      const found = await whatRan(session, path);
      if (found.length > 0) ran[path] = found;
    }
    expect(ran).toEqual({});
    expect(session.foreignRequests).toEqual([]);
  });
});

describe('the Content Security Policy alone', () => {
  const planted = `<script>window.__pwned = 'inline script'</script><img src="../../favicon.svg" onload="window.__pwned = 'handler'" alt="">`;

  beforeAll(async () => {
    // A built page with a script planted in it, as if one had got past the sanitizer.
    const html = await readFile(join(site.dist, 'articles', validCases[0]!.name, 'index.html'), 'utf8');
    await mkdir(join(site.dist, 'planted'), { recursive: true });
    await writeFile(
      join(site.dist, 'planted', 'index.html'),
      html.replace(/<div class="article__body"[^>]*>/, (opening) => `${opening}${planted}`),
    );
  });

  it('stops a planted inline script and handler', async () => {
    const session = await openBrowser();
    try {
      expect(await whatRan(session, '/planted/')).toEqual([]);
    } finally {
      await session.close();
    }
  });

  it('is what stopped them: without it, the planted script runs and the probe sees it', async () => {
    const session = await openBrowser({ bypassCSP: true });
    try {
      expect((await whatRan(session, '/planted/')).length).toBeGreaterThan(0);
    } finally {
      await session.close();
    }
  });
});
