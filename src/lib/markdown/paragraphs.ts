import { createHash } from 'node:crypto';
import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { CONTINUE, SKIP, visit } from 'unist-util-visit';

/**
 * Links to the paragraphs of a story. Every paragraph with text gets an id made from its text, so
 * that a link to it (and a quote shared from it, `#p-…:~:text=…`) keeps working across builds while
 * the paragraph says the same; a repeated paragraph takes `-2`, `-3`. Each ends with a "¶" link to
 * itself, which global.css shows on hover and focus. A paragraph whose author gave it an id keeps
 * it; footnotes are left as they are. The pipeline
 * runs this after sanitizing, and after it takes the text for search.
 */

/** Paragraph ids start with this; nothing else on an article page does (a body's own ids start with `user-content-`). */
const PARAGRAPH_ID_PREFIX = 'p-';

/** The class of the "¶" link, which feeds leave out: away from the page it is clutter. */
export const PARAGRAPH_LINK_CLASS = 'paragraph-link';

/** `label`: the link's name for screen readers, in the story's language. */
export function linkParagraphs(tree: Root, label: string): void {
  const used = new Map<string, number>();
  visit(tree, 'element', (node) => {
    if (node.tagName === 'section' && node.properties['dataFootnotes'] !== undefined) return SKIP;
    if (node.tagName !== 'p') return CONTINUE;
    const text = toString(node).replace(/\s+/g, ' ').trim();
    if (text === '') return CONTINUE;
    const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : textId(text, used);
    node.properties['id'] = id;
    node.children.push(
      { type: 'text', value: ' ' },
      {
        type: 'element',
        tagName: 'a',
        properties: { className: [PARAGRAPH_LINK_CLASS], href: `#${id}`, ariaLabel: label },
        children: [{ type: 'text', value: '¶' }],
      },
    );
    return CONTINUE;
  });
}

/** `p-` and 8 hex digits of the text's hash; `used` counts each, so that a repeated paragraph gets `-2`, `-3`. */
function textId(text: string, used: Map<string, number>): string {
  const hash = PARAGRAPH_ID_PREFIX + createHash('sha256').update(text).digest('hex').slice(0, 8);
  const count = (used.get(hash) ?? 0) + 1;
  used.set(hash, count);
  return count === 1 ? hash : `${hash}-${count}`;
}
