import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRONT_MATTER_FIELDS } from '../../src/lib/article/schema.ts';
import { freePort, waitUntil } from '../../scripts/local-server.ts';
import { openBrowser, type Session } from '../support/browser.ts';
import { buildIn, copySite, previewSite, projectRoot, removeSite, runScript, type BuiltSite, type PreviewServer } from '../support/site.ts';

/**
 * The web editor as an editor without git uses it: the real Decap CMS at /admin/, in Chromium,
 * committing to a real git repository through decap-server (the same proxy `npm run editor`
 * starts), in the editorial workflow: save a draft (a branch), mark it ready, publish (merge into
 * main). What lands on main must pass `npm run check` and build into the article page.
 */
const run = promisify(execFile);
const git = (dir: string, ...args: string[]) => run('git', args, { cwd: dir }).then(({ stdout }) => stdout.trim());
const picture = join(projectRoot, 'content', '2024', '07', 'images', 'hostages-chart.png');
const headline = 'Harbour ferry returns after the storm';
const slug = 'harbour-ferry-returns-after-the-storm';

interface EditorConfig {
  readonly collections: readonly { name: string; fields: readonly { name: string; label: string }[] }[];
}

let site: BuiltSite;
let server: PreviewServer;
let proxy: ChildProcess;
let session: Session;

beforeAll(async () => {
  const dir = await copySite(join(projectRoot, 'tests', 'fixtures', 'sites', 'trust'));
  const port = await freePort();
  site = await buildIn(dir, { DATELINE_EDITOR_LOCAL_URL: `http://127.0.0.1:${port}/api/v1` });
  if (site.exitCode !== 0) throw new Error(`site build failed:\n${site.output}`);
  // The site copy is the newsroom's repository: its content/ and code on main, builds ignored.
  await writeFile(join(dir, '.gitignore'), 'node_modules\ndist\n.astro\n.cache\n');
  await git(dir, 'init', '--quiet', '--initial-branch=main');
  await git(dir, 'config', 'user.name', 'Dateline tests');
  await git(dir, 'config', 'user.email', 'tests@dateline.invalid');
  await git(dir, 'add', '.');
  await git(dir, 'commit', '--quiet', '--message', 'The newsroom before the editor');
  proxy = spawn(process.execPath, [join(projectRoot, 'node_modules', 'decap-server', 'dist', 'index.js')], {
    cwd: dir,
    env: { ...process.env, MODE: 'git', PORT: String(port), GIT_REPO_DIRECTORY: dir, LOG_LEVEL: 'error' },
    stdio: 'ignore',
  });
  await waitUntil(
    async () =>
      (
        await fetch(`http://127.0.0.1:${port}/api/v1`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: '{"action":"info"}',
        }).catch(() => undefined)
      )?.ok === true,
    30_000,
    'decap-server did not answer',
  );
  server = await previewSite(site);
  session = await openBrowser();
}, 300_000);

afterAll(async () => {
  await session?.close();
  await server?.stop();
  proxy?.kill();
  await removeSite(site);
});

describe('the web editor', () => {
  it('is loaded on /admin/ only, never on a reader’s page, and is kept out of search engines', async () => {
    const pages = (await readdir(site.dist, { recursive: true })).filter((file) => file.endsWith('.html'));
    const loading: string[] = [];
    for (const page of pages) if ((await readFile(join(site.dist, page), 'utf8')).includes('decap-cms')) loading.push(page);
    expect(loading).toEqual(['admin/index.html']);
    const admin = await readFile(join(site.dist, 'admin', 'index.html'), 'utf8');
    expect(admin).toContain('<meta name="robots" content="noindex, nofollow">');
    const sitemaps = (await readdir(site.dist)).filter((file) => file.startsWith('sitemap'));
    for (const sitemap of sitemaps) expect(await readFile(join(site.dist, sitemap), 'utf8')).not.toContain('/admin/');
  });

  it('writes, illustrates, submits and publishes an article that passes the check and builds', async () => {
    const page = await session.context.newPage();
    page.on('dialog', (dialog) => void dialog.accept()); // "Are you sure you want to publish this entry?"
    await page.goto(`${server.url}/admin/`);
    await page.getByRole('button', { name: 'Login' }).click();
    await page.getByRole('link', { name: 'Site pages' }).waitFor();
    // The Articles list holds the fixture's eight articles, not the site pages and profiles filed beside them.
    const entries = page.locator('a[href*="/collections/articles/entries/"]');
    await entries.nth(7).waitFor();
    expect(await entries.count()).toBe(8);
    const titles = await entries.allTextContents();
    expect(titles).not.toContainEqual(expect.stringContaining('About'));
    expect(titles[0]).toContain('رأي في إعادة فتح الميناء'); // newest first
    await page.getByRole('link', { name: 'Site pages' }).click();
    await page.locator('a[href$="/collections/pages/entries/about"]').waitFor();

    await page.goto(`${server.url}/admin/#/collections/articles/new`);
    // Every field of the format is offered, in its order, then the story.
    const config = parse(await (await fetch(`${server.url}/admin/config.yml`)).text()) as EditorConfig;
    const fields = config.collections.find((collection) => collection.name === 'articles')!.fields;
    expect(fields.map((field) => field.name)).toEqual([...FRONT_MATTER_FIELDS, 'body']);
    for (const field of fields) await page.locator('label', { hasText: field.label }).first().waitFor();
    await page.getByLabel('Headline').fill(headline);
    await page.getByLabel('Dateline').fill('HAIFA');
    await page.getByLabel('Summary').fill('The ferry runs again after a week of repairs to the pier.');
    await page.getByText('Markdown', { exact: true }).click();
    await page.locator('[contenteditable=true]').last().click();
    await page.keyboard.type('The first ferry since the storm left the pier at nine.');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Passengers said the crossing was calm.');

    await page.getByRole('button', { name: 'Choose an image' }).click();
    await page.locator('input[type=file]').setInputFiles(picture);
    await page.getByRole('button', { name: 'Choose selected' }).click();
    await page.getByLabel('Alt text').fill('A bar chart of ferry crossings by week');
    await page.getByLabel('Credit').fill('Dateline graphics');

    // Saving submits: a branch of its own, nothing on main yet.
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Status: Draft' }).waitFor();
    const branches = await git(site.dir, 'branch', '--list', 'cms/*');
    expect(branches).toMatch(new RegExp(`cms/articles/\\d{4}/\\d{2}/${slug}`));
    expect(await git(site.dir, 'ls-tree', '-r', '--name-only', 'main', 'content')).not.toContain(slug);

    await page.getByRole('button', { name: 'Status: Draft' }).click();
    await page.getByText('Ready', { exact: true }).click();
    await page.getByRole('button', { name: 'Status: Ready' }).waitFor();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByText('Publish now', { exact: true }).click();
    await waitUntil(async () => (await git(site.dir, 'branch', '--list', 'cms/*')) === '', 30_000, 'the entry was not merged');
    await page.close();

    // Merged into main: the article under content/<year>/<month>/, its picture next to it.
    const files = (await git(site.dir, 'show', '--name-only', '--format=', 'main')).split('\n');
    const article = files.find((file) => file.endsWith(`/${slug}.md`));
    expect(article).toMatch(new RegExp(`^content/\\d{4}/\\d{2}/${slug}\\.md$`));
    expect(files).toContain(`${article!.replace(/[^/]+$/, '')}hostages-chart.png`);
    expect(await git(site.dir, 'status', '--porcelain')).toBe('');
    const text = await readFile(join(site.dir, article!), 'utf8');
    expect(text).toMatch(/^date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/m);
    expect(text).not.toMatch(/: ""$|: \[\]$/m); // cleared fields are left out, not written empty

    const check = await runScript('check.ts', ['--root', site.dir]);
    expect(check.output).toContain('No problems');
    expect(check.output).toContain('0 warnings');
    expect(check.exitCode).toBe(0);

    const rebuilt = await buildIn(site.dir);
    expect(rebuilt.exitCode, rebuilt.output).toBe(0);
    const html = await readFile(join(rebuilt.dist, 'articles', slug, 'index.html'), 'utf8');
    expect(html).toContain(headline);
    expect(html).toContain('HAIFA');
    expect(html).toContain('alt="A bar chart of ferry crossings by week"');
    expect(html).toContain('Dateline graphics');
    expect(html).toContain('Passengers said the crossing was calm.');
    expect(session.foreignRequests).toEqual([]);
  });
});
