import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Nodes, Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import { visit } from 'unist-util-visit';
import type { HtmlSource } from './sanitize.ts';

/**
 * What a body's Markdown tree refers to, recorded by the pipeline (pipeline.ts) and by `inspectBody`
 * for the body rules (body-rules.ts): its images, and its pieces of raw HTML.
 */
export interface ImageReference {
  readonly src: string;
  /** Markdown `![alt](src)` or a raw HTML `<img>`. */
  readonly syntax: 'markdown' | 'html';
}

/** Every image a body refers to, in Markdown syntax (references included) or in raw HTML. */
export function imageReferences(tree: Root): ImageReference[] {
  const definition = definitions(tree);
  const found: ImageReference[] = [];
  visit(tree, (node) => {
    if (node.type === 'image') found.push({ src: node.url, syntax: 'markdown' });
    if (node.type === 'imageReference') {
      const url = definition(node.identifier)?.url;
      if (url) found.push({ src: url, syntax: 'markdown' });
    }
    // Only HTML that names an <img> (or an <image>, which HTML parses as one) can hold one: the rest is not parsed again.
    if (node.type === 'html' && /<im(?:g|age)/i.test(node.value)) {
      visit(fromHtml(node.value, { fragment: true }), 'element', (element: Element) => {
        const src = element.properties['src'];
        if (element.tagName === 'img' && typeof src === 'string') found.push({ src, syntax: 'html' });
      });
    }
  });
  return found;
}

/** Block nodes whose raw HTML is inline: it belongs to them, and ends with them. */
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'tableCell']);

/** The body's pieces of raw HTML in order, for the sanitizer's report of what it removed (sanitize.ts). */
export function htmlSources(tree: Root): HtmlSource[] {
  const found: HtmlSource[] = [];
  const walk = (node: Nodes, blockEnd: number | undefined) => {
    if (node.type === 'html') {
      const { start, end } = node.position ?? {};
      if (start?.offset !== undefined && end?.offset !== undefined) {
        found.push({
          offset: start.offset,
          line: start.line,
          value: node.value,
          block: blockEnd === undefined,
          blockEnd: blockEnd ?? end.offset,
        });
      }
    } else if ('children' in node) {
      const end = TEXT_BLOCKS.has(node.type) ? node.position?.end.offset : blockEnd;
      for (const child of node.children) walk(child, end);
    }
  };
  walk(tree, undefined);
  return found;
}
