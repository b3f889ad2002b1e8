import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

/**
 * Finds anything in HTML from an article body that could run code, load another site's content,
 * submit data or take over an id of the page: what the sanitizer must never let through.
 * The HTML is parsed as a browser would (parse5), so entity and case tricks are already decoded.
 */
const FORBIDDEN_ELEMENTS = new Set([
  'base',
  'button',
  'embed',
  'form',
  'frame',
  'frameset',
  'iframe',
  'link',
  'math',
  'meta',
  'noscript',
  'object',
  'script',
  'select',
  'style',
  'svg',
  'template',
  'textarea',
]);
const FORBIDDEN_ATTRIBUTES = new Set(['style', 'srcset', 'srcdoc', 'formaction', 'action', 'autofocus', 'tabindex', 'accesskey']);
const URL_ATTRIBUTES = ['href', 'src', 'cite', 'action', 'formaction', 'poster', 'data', 'background', 'longdesc', 'xlink:href'];
const DANGEROUS_SCHEME = /^(?:javascript|vbscript|data):/i;

export function dangerousMarkup(html: string): string[] {
  const tree: Root = fromHtml(html, { fragment: true });
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    const name = node.tagName.toLowerCase();
    if (FORBIDDEN_ELEMENTS.has(name)) found.push(`<${name}>`);
    if (name === 'input' && !(node.properties['disabled'] && node.properties['type'] === 'checkbox'))
      found.push('<input> that is not a disabled checkbox');
    for (const [property, value] of Object.entries(node.properties)) {
      const attribute = attributeName(property);
      if (attribute.startsWith('on')) found.push(`${attribute} on <${name}>`);
      if (FORBIDDEN_ATTRIBUTES.has(attribute)) found.push(`${attribute} on <${name}>`);
      if (URL_ATTRIBUTES.includes(attribute) && typeof value === 'string' && DANGEROUS_SCHEME.test(value.replace(/[\u0000-\u0020]/g, ''))) {
        found.push(`${attribute}="${value}" on <${name}>`);
      }
      if ((attribute === 'id' || attribute === 'name') && typeof value === 'string' && !ownId(name, attribute, value)) {
        found.push(`${attribute}="${value}" without the user-content- prefix on <${name}>`);
      }
    }
  });
  return found;
}

/** An id from the body's author carries `user-content-`; the pipeline's own paragraph ids are made from the text (paragraphs.ts). */
function ownId(element: string, attribute: string, value: string): boolean {
  return value.startsWith('user-content-') || (element === 'p' && attribute === 'id' && /^p-[0-9a-f]{8}(-\d+)?$/.test(value));
}

/** hast names properties in camelCase (`onClick`, `srcSet`); attributes are compared in lowercase. */
function attributeName(property: string): string {
  return property.toLowerCase();
}

/** A built page, parsed as a browser would, for queries with CSS selectors (hast-util-select). */
export function parsePage(html: string): Root {
  return fromHtml(html);
}
