import type { Nodes, Root } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';

/**
 * Typographic quotes, dashes and ellipses ("a" → “a”, -- → —, ... → …), exactly as Astro's
 * `smartypants` option gives them through remark-smartypants, at a third of the cost. Both hand the
 * text to retext-smartypants twice: once for quotes, over all the text of the document at once so
 * that a quote pairs across links and emphasis; once more for dashes, ellipses and backtick quotes,
 * text node by text node. Parsing text into retext's sentence trees is what costs (about 2 ms an
 * article each way), so this plugin skips the first pass when there is no straight quote anywhere and
 * the second for every text node that holds none of the character pairs it could change. Anything
 * those passes would have changed still goes through them, unchanged: tests/unit/markdown/typography.test.ts
 * compares both plugins over generated and hostile articles.
 */

/** Node types whose text is read; code counts as letters, so it keeps its place but is never changed. */
const LITERALS = new Set(['text', 'inlineCode']);
/** Blocks whose text starts afresh: a space before each, so a quote at their start opens. */
const BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);
/** What the second pass could change: `--`, dots (spaced or not), ``` `` ``` and `''`. */
const SECOND_PASS_CANDIDATE = /--|\.\s*\.|``|''/;
const STRAIGHT_QUOTE = /["']/;

type Literal = Extract<Nodes, { value: string }>;

export const remarkTypography: Plugin<[], Root> = () => {
  const quotes = retext().use(retextSmartypants, { ellipses: false, dashes: false, backticks: false });
  const dashesAndEllipses = retext().use(retextSmartypants, { quotes: false });

  return (tree) => {
    const parts: (Literal | 'block')[] = [];
    visit(tree, (node, _index, parent) => {
      if (!parent) return;
      if (LITERALS.has(node.type)) parts.push(node as Literal);
      else if (BLOCKS.has(node.type)) parts.push('block');
    });

    let text = '';
    for (const part of parts) {
      if (part === 'block') text += ' ';
      else text += part.type === 'text' ? part.value : 'A'.repeat(part.value.length);
    }
    // Quotes never change the length of the text, so each node's slice of it is still where it was.
    if (STRAIGHT_QUOTE.test(text)) text = quotes.processSync(text).toString();

    let start = 0;
    for (const part of parts) {
      if (part === 'block') {
        start += 1;
        continue;
      }
      const end = start + part.value.length;
      if (part.type === 'text') {
        const value = text.slice(start, end);
        part.value = SECOND_PASS_CANDIDATE.test(value) ? dashesAndEllipses.processSync(value).toString() : value;
      }
      start = end;
    }
  };
};
