/**
 * `npm run bench:page`: the weight and speed budget of the pages readers open, measured on a fresh
 * build of the site: bytes of HTML and CSS before the article text, render-blocking requests, script
 * weight, and Lighthouse's mobile scores, in Debian's Chromium. Prints a table and JSON, and exits 1
 * when a budget is missed. A benchmark, not a test: run it before a release, not on every commit.
 */
import { spawn, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { freePort, waitForHttp } from './local-server.ts';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const astro = join(root, 'node_modules', 'astro', 'bin', 'astro.mjs');
const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
const PAGES = [
  '/articles/hamas-withdraws-ceasefire-talks/',
  '/articles/gaza-hostages-in-figures/',
  '/articles/hamas-ceasefire-talks-ar/',
  '/',
];
const BUDGET = { criticalBytes: 14 * 1024, scriptBytes: 5 * 1024, blockingRequests: 1, score: 1 };
const CHROMIUM_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const build = spawnSync(process.execPath, [astro, 'build'], { cwd: root, env, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const port = await freePort();
const server = spawn(process.execPath, [astro, 'preview', '--host', '127.0.0.1', '--port', String(port), '--force'], {
  cwd: root,
  env,
  stdio: 'ignore',
});
const origin = `http://127.0.0.1:${port}`;
await waitForHttp(origin, 30_000);

const brotli = (text: string | Buffer) => brotliCompressSync(text).byteLength;
const rows = [];
const chrome = await launch({ chromePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium', chromeFlags: CHROMIUM_FLAGS });
try {
  for (const path of PAGES) {
    const html = await readFile(join(dist, path, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    const stylesheets = [...head.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1] ?? '');
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((match) => ({ attributes: match[1] ?? '', src: /\bsrc="([^"]+)"/.exec(match[1] ?? '')?.[1] ?? '' }))
      .filter(({ src }) => src !== '');
    const blockingScripts = scripts.filter(({ attributes }) => !/\b(defer|async)\b|type="module"/.test(attributes));
    const css = (await Promise.all(stylesheets.map((href) => readFile(join(dist, href))))).reduce((sum, file) => sum + brotli(file), 0);
    const js = (await Promise.all(scripts.map(({ src }) => readFile(join(dist, src))))).reduce((sum, file) => sum + brotli(file), 0);
    // What a reader's browser needs before the first words of the story: the HTML up to the body text, and the CSS.
    const bodyStart = html.indexOf('class="article__body"');
    const beforeText = brotli(bodyStart === -1 ? html : html.slice(0, bodyStart)) + css;
    const report = await lighthouse(`${origin}${path}`, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
      formFactor: 'mobile',
    });
    const categories = report?.lhr.categories ?? {};
    const score = (id: string) => categories[id]?.score ?? 0;
    rows.push({
      page: path,
      htmlBrotli: brotli(html),
      htmlGzip: gzipSync(html).byteLength,
      criticalBytes: beforeText,
      blockingRequests: stylesheets.length + blockingScripts.length,
      scriptBytes: js,
      performance: score('performance'),
      accessibility: score('accessibility'),
      bestPractices: score('best-practices'),
      seo: score('seo'),
    });
  }
} finally {
  await chrome.kill();
  server.kill();
}

const misses = rows.flatMap((row) => [
  ...(row.criticalBytes > BUDGET.criticalBytes
    ? [`${row.page}: ${row.criticalBytes} B of HTML and CSS before the text (budget ${BUDGET.criticalBytes})`]
    : []),
  ...(row.scriptBytes > BUDGET.scriptBytes ? [`${row.page}: ${row.scriptBytes} B of script (budget ${BUDGET.scriptBytes})`] : []),
  ...(row.blockingRequests > BUDGET.blockingRequests
    ? [`${row.page}: ${row.blockingRequests} render-blocking requests (budget ${BUDGET.blockingRequests})`]
    : []),
  ...(['performance', 'accessibility', 'bestPractices', 'seo'] as const)
    .filter((key) => row[key] < BUDGET.score)
    .map((key) => `${row.page}: Lighthouse ${key} ${row[key]}`),
]);

console.table(rows);
console.log(JSON.stringify({ budget: BUDGET, pages: rows, misses }, null, 2));
console.log(misses.length === 0 ? '✓ Every page is within budget.' : `✗ ${misses.length} budget misses:\n${misses.join('\n')}`);
process.exitCode = misses.length === 0 ? 0 : 1;
