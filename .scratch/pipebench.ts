import { readFile } from 'node:fs/promises';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { markdownOptions } from '/work/main/src/lib/markdown.ts';
import { contentFiles } from '/work/main/src/lib/content.ts';
const root = process.argv[2] ?? '/tmp/dateline-bench-TXYFTT/dateline';
const files = (await contentFiles(root)).filter(f => f.endsWith('.md')).slice(0, 400);
const bodies = await Promise.all(files.map(async f => (await readFile(`${root}/${f}`, 'utf8')).split('\n---\n').slice(1).join('\n---\n')));
async function run(name, opts) {
  const p = await createMarkdownProcessor({ ...opts, syntaxHighlight: false, image: {} });
  for (const b of bodies.slice(0, 50)) await p.render(b, { frontmatter: { dateline: 'X', lang: 'en' } });
  const t = performance.now();
  for (const b of bodies) await p.render(b, { frontmatter: { dateline: 'X', lang: 'en' } });
  console.log(name.padEnd(30), ((performance.now() - t) / bodies.length).toFixed(2), 'ms');
}
await run('full', markdownOptions);
await run('no smartypants', { ...markdownOptions, smartypants: false });



import { remarkBodyRules } from '/work/main/src/lib/markdown.ts';
await run('no typography at all', { ...markdownOptions, remarkPlugins: [remarkBodyRules] });
await run('remark-smartypants (Astro)', { ...markdownOptions, smartypants: true, remarkPlugins: [remarkBodyRules] });
await run('no rehype plugins, no typo', { ...markdownOptions, remarkPlugins: [remarkBodyRules], rehypePlugins: [] });
