import { readFile } from 'node:fs/promises';
import { retext } from 'retext';
import smartypants from 'retext-smartypants';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { contentFiles } from '/work/main/src/lib/content.ts';
const root = '/tmp/dateline-bench-TXYFTT/dateline';
const files = (await contentFiles(root)).filter(f => f.endsWith('.md')).slice(0, 300);
const bodies = await Promise.all(files.map(async f => (await readFile(`${root}/${f}`, 'utf8')).split('\n---\n').slice(1).join('\n---\n')));
const parser = unified().use(remarkParse).use(remarkGfm);
const trees = bodies.map(b => parser.runSync(parser.parse(b)));
const p1 = retext().use(smartypants, { ellipses: false, dashes: false, backticks: false });
const p2 = retext().use(smartypants, { quotes: false });
let t1 = 0, t2 = 0, n2 = 0, n2needed = 0;
for (const tree of trees) {
  let all = ''; const nodes = [];
  visit(tree, (node) => { if (node.type === 'text') { all += node.value; nodes.push(node); } else if (['paragraph','heading','tableCell'].includes(node.type)) all += ' '; });
  let t = performance.now(); p1.processSync(all).toString(); t1 += performance.now() - t;
  t = performance.now();
  for (const n of nodes) { n2++; if (/--|\.\.\.|\. \. \.|``|''/.test(n.value)) n2needed++; p2.processSync(n.value).toString(); }
  t2 += performance.now() - t;
}
console.log('pass1 ms/article', (t1 / trees.length).toFixed(2), 'pass2 ms/article', (t2 / trees.length).toFixed(2), 'text nodes/article', n2 / trees.length, 'needing pass2', n2needed / trees.length);
