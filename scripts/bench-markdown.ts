#!/usr/bin/env node
/**
 * `npm run bench:markdown -- [folder]`: milliseconds of one core per article for the Markdown
 * processors involved in issue #10's comparison, on the same articles in one run. The plain Astro 7
 * baseline of `npm run bench` renders with Astro's default processor (Sätteri, native code, no
 * sanitizing); the stack fixes ours to remark/rehype with rehype-sanitize. By default the articles
 * are `npm run bench`'s generator's, written to a temporary folder; give a folder of .md files to
 * measure others.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { createSatteriMarkdownProcessor } from '@astrojs/markdown-satteri';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { SYNTAX_HIGHLIGHT, markdownOptions } from '../src/lib/markdown/pipeline.ts';
import { sanitizeSchema } from '../src/lib/markdown/sanitize.ts';

const ARTICLES = 600;
const WARM_UP = 100;

let folder = process.argv[2];
let generated: string | undefined;
if (!folder) {
  // The same articles `npm run bench` builds (its generator, same seed), without the builds.
  generated = await mkdtemp(join(tmpdir(), 'dateline-markdown-'));
  const bench = spawnSync(
    process.execPath,
    [join(import.meta.dirname, 'bench.ts'), '--articles', String(ARTICLES), '--articles-only', generated],
    { stdio: 'inherit' },
  );
  if (bench.status !== 0) process.exit(bench.status ?? 1);
  folder = generated;
}

const files = (await readdir(folder, { recursive: true }))
  .map(String)
  .filter((name) => name.endsWith('.md'))
  .sort()
  .slice(0, ARTICLES);
// Everything after the front matter's closing fence.
const bodies = await Promise.all(
  files.map(async (name) => (await readFile(join(folder, name), 'utf8')).split('\n---\n').slice(1).join('\n---\n')),
);
const context = { frontmatter: { dateline: 'GAZA', lang: 'en' } };

async function measure(name: string, render: (body: string) => Promise<unknown>): Promise<void> {
  for (const body of bodies.slice(0, WARM_UP)) await render(body);
  const started = performance.now();
  for (const body of bodies) await render(body);
  console.log(`${name.padEnd(64)} ${((performance.now() - started) / bodies.length).toFixed(2).padStart(6)} ms`);
}

const satteri = await createSatteriMarkdownProcessor({ syntaxHighlight: false });
await measure("Astro 7's default processor (Sätteri), the baseline's", (body) => satteri.render(body, context));

const minimal = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);
await measure('remark-parse, gfm, remark-rehype, raw, sanitize, stringify, direct', (body) => minimal.process(body));

const astroSanitizing = await createMarkdownProcessor({
  syntaxHighlight: false,
  smartypants: false,
  rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema]],
  image: {},
});
await measure('the same through @astrojs/markdown-remark', (body) => astroSanitizing.render(body, context));

const ours = await createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: SYNTAX_HIGHLIGHT, image: {} });
await measure("Dateline's pipeline (typography, slugs, links, text, dateline)", (body) => ours.render(body, context));

if (generated) await rm(generated, { recursive: true, force: true });
