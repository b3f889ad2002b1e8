import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { serveContent, type PreviewServer } from './site.ts';

/**
 * Debian's Chromium, driven by playwright-core, with the flags this closed network needs (without
 * them Chromium hangs reaching Google's services). Every request to a host other than 127.0.0.1 is
 * refused and recorded, so a test can assert that none was made and where a link would have gone.
 */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Session {
  readonly context: BrowserContext;
  /** Every URL the page tried to reach outside 127.0.0.1, in order. */
  readonly foreignRequests: string[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  readonly javaScriptEnabled?: boolean;
  /** Ignore the pages' Content Security Policy, to test what the sanitizer alone prevents. */
  readonly bypassCSP?: boolean;
}

export async function openBrowser(options: BrowserOptions = {}): Promise<Session> {
  // A fresh profile per session, so no state leaks between tests or runs.
  const profile = await mkdtemp(join(tmpdir(), 'dateline-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: FLAGS,
    headless: true,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    bypassCSP: options.bypassCSP ?? false,
    viewport: { width: 1280, height: 900 },
  });
  const foreignRequests: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.protocol === 'data:' || url.protocol === 'blob:') {
      await route.continue();
    } else {
      foreignRequests.push(url.href);
      await route.abort('blockedbyclient');
    }
  });
  return {
    context,
    foreignRequests,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface Reading {
  readonly server: PreviewServer;
  readonly session: Session;
  close(): Promise<void>;
}

/** A content tree built and served on 127.0.0.1, and a browser to read it in: what a browser test starts from. */
export async function readSite(content: string): Promise<Reading> {
  const served = await serveContent(content);
  const session = await openBrowser().catch(async (error: unknown) => {
    await served.stop();
    throw error;
  });
  return {
    server: served.server,
    session,
    close: async () => {
      await session.close();
      await served.stop();
    },
  };
}
