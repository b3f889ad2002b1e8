import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeSchema } from '../../src/lib/markdown/sanitize.ts';
import { invalidCases, validCases, writeCases } from '../fixtures/hostile/corpus.ts';
import { dangerousMarkup, parsePage } from '../support/html.ts';
import { buildSite, copySite, removeSite, runScript, type BuiltSite } from '../support/site.ts';

/**
 * The hostile corpus through the real build and the real check: every valid case is published with
 * nothing executable left; every invalid case fails both, with the words its label promises.
 */
const PAGE_ELEMENTS = [
  'html',
  'head',
  'body',
  'meta',
  'title',
  'link',
  'script',
  'header',
  'main',
  'footer',
  'article',
  'time',
  'section',
  'figure',
  'figcaption',
  'img',
  'ul',
  'li',
  'button',
  'nav',
  'form',
  'label',
  'input',
  'picture',
  'source',
  'aside',
  'details',
  'summary',
];
const allowedElements = new Set([...(sanitizeSchema.tagNames ?? []), ...PAGE_ELEMENTS]);
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/i;

let corpus: string;
beforeAll(async () => {
  corpus = await mkdtemp(join(tmpdir(), 'dateline-corpus-'));
});
afterAll(() => rm(corpus, { recursive: true, force: true }));

/** Everything wrong with a built page, judged as a whole: head, shell and body. */
function pageProblems(tree: Root): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    // Our own icons (share bar, masthead), inlined from the icon package, are the page's only SVG.
    const className = String(node.properties['className']);
    if (node.tagName === 'span' && (className.includes('share__icon') || className.includes('masthead__icon'))) return SKIP;
    if (!allowedElements.has(node.tagName)) found.push(`<${node.tagName}> is not an element of a clean article page`);
    for (const [property, value] of Object.entries(node.properties)) {
      const name = property.toLowerCase();
      // srcset is ours on the lead image's <picture>; the body check below refuses it in content.
      if (
        name.startsWith('on') ||
        (['style', 'srcdoc', 'formaction', 'srcset'].includes(name) && !['img', 'source'].includes(node.tagName))
      ) {
        found.push(`${name} on <${node.tagName}>`);
      }
      if (
        (name === 'href' || name === 'src') &&
        typeof value === 'string' &&
        DANGEROUS_SCHEME.test(value.replace(/[\u0000-\u0020]/g, ''))
      ) {
        found.push(`${name}="${value}" on <${node.tagName}>`);
      }
      if (name === 'src' && typeof value === 'string' && !value.startsWith('/')) found.push(`src="${value}" is not a file of the site`);
    }
    return CONTINUE;
  });
  for (const script of selectAll('script', tree)) {
    if (script.properties['src'] === '/scripts/share.js' || script.properties['src'] === '/scripts/theme.js') continue;
    if (script.properties['type'] !== 'application/ld+json') found.push('a script that is neither JSON-LD nor ours');
    else JSON.parse(toString(script));
  }
  // The one form is the site's own search box, which sends the reader to our search page.
  for (const form of selectAll('form', tree)) {
    if (!String(form.properties['className']).includes('search-box') || form.properties['action'] !== '/search/')
      found.push('a form that is not the search box');
  }
  for (const meta of selectAll('meta[http-equiv]', tree)) {
    if (String(meta.properties['httpEquiv']) !== 'Content-Security-Policy')
      found.push(`meta http-equiv=${String(meta.properties['httpEquiv'])}`);
  }
  for (const link of selectAll('link', tree)) {
    const href = String(link.properties['href']);
    if (!href.startsWith('/') && !href.startsWith('https://dateline.example.org/')) found.push(`link to ${href}`);
  }
  const body = select('.article__body', tree);
  if (body) found.push(...dangerousMarkup(toHtml(body.children)).map((problem) => `body: ${problem}`));
  return found;
}

describe('valid hostile articles', () => {
  let site: BuiltSite;
  beforeAll(async () => {
    const content = join(corpus, 'valid');
    await writeCases(content, validCases);
    site = await buildSite({ content });
    if (site.exitCode !== 0) throw new Error(`the valid corpus did not build:\n${site.output}`);
  });
  afterAll(() => removeSite(site));

  it(`holds at least 60 labelled cases`, () => {
    expect(validCases.length).toBeGreaterThanOrEqual(60);
    for (const entry of validCases) expect(entry.attacks, entry.name).not.toBe('');
  });

  for (const entry of validCases) {
    it(`${entry.name}: publishes nothing executable (${entry.attacks})`, async () => {
      const file = join(site.dist, 'articles', entry.name, 'index.html');
      expect(existsSync(file)).toBe(true);
      const tree = parsePage(await readFile(file, 'utf8'));
      expect(pageProblems(tree)).toEqual([]);
      const written = entry.fields?.['title'];
      if (typeof written === 'string') {
        // Shown exactly as written, as text, with line breaks folded into spaces as the format says.
        const title = written.replace(/\s+/g, ' ').trim();
        expect(toString(select('h1', tree)!)).toBe(title);
        expect(JSON.parse(toString(select('script[type="application/ld+json"]', tree)!)).headline).toBe(title);
      }
    });
  }

  it('the front page and the latest pages list them all and are clean too', async () => {
    expect(pageProblems(parsePage(await readFile(join(site.dist, 'index.html'), 'utf8')))).toEqual([]);
    let listed = 0;
    // /latest/ shows the newest; the numbered pages, counted from the oldest, hold the rest.
    const pages = [join(site.dist, 'latest', 'index.html')];
    for (let number = 1; existsSync(join(site.dist, 'latest', String(number), 'index.html')); number++) {
      pages.push(join(site.dist, 'latest', String(number), 'index.html'));
    }
    for (const page of pages) {
      const latest = parsePage(await readFile(page, 'utf8'));
      listed += selectAll('.teaser', latest).length;
      expect(pageProblems(latest)).toEqual([]);
    }
    expect(listed).toBe(validCases.length);
  });

  it('npm run check accepts them all', async () => {
    const dir = await copySite(join(corpus, 'valid'));
    try {
      const { exitCode, output } = await runScript('check.ts', ['--root', dir]);
      expect(output).toContain('✓ No problems');
      expect(exitCode).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('invalid files', () => {
  let site: BuiltSite;
  let checkOutput: string;
  let checkExit: number;
  beforeAll(async () => {
    const content = join(corpus, 'invalid');
    await writeCases(content, invalidCases);
    const dir = await copySite(content);
    let check: { exitCode: number; output: string };
    [site, check] = await Promise.all([buildSite({ content }), runScript('check.ts', ['--root', dir])]);
    ({ exitCode: checkExit, output: checkOutput } = check);
    await rm(dir, { recursive: true, force: true });
  });
  afterAll(() => removeSite(site));

  it('holds at least 30 labelled cases', () => {
    expect(invalidCases.length).toBeGreaterThanOrEqual(30);
  });

  it('fail the build and the check, without a stack trace', () => {
    expect(site.exitCode).not.toBe(0);
    expect(checkExit).toBe(1);
    expect(site.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(checkOutput).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
  });

  for (const entry of invalidCases) {
    it(`${entry.name}: says "${entry.gives}"`, () => {
      const file = `content/${entry.name}.md`;
      for (const output of [site.output, checkOutput]) {
        const lines = output.split('\n').filter((line) => line.trim().startsWith(`${file}:`));
        expect(lines.length, `no problem reported for ${file}`).toBeGreaterThan(0);
        expect(
          lines.some((line) => line.includes(entry.gives)),
          lines.join('\n'),
        ).toBe(true);
      }
    });
  }
});
