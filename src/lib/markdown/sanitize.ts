import type { Element, Nodes, Root, Text } from 'hast';
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Every id and name from a body starts with this, so it cannot be the id of something on the page around it. */
export const CLOBBER_PREFIX = 'user-content-';

const REMOVED_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'accessKey', 'action', 'encType', 'method', 'tabIndex']);
const REMOVED_ELEMENTS = new Set(['picture', 'source']);

/**
 * Our sanitize schema: GitHub's, with these departures.
 * - Elements newsrooms use for quotes, figures and bidirectional text are allowed.
 * - `picture`/`source` go: `srcset` URLs are not protocol-checked, so they are a way around `src`.
 * - Form-related and focus-stealing attributes (`action`, `method`, `accessKey`, `tabIndex`, …) go.
 * - Elements whose content is code, not text (`style`, `template`, `svg`, `math`, …), are removed with
 *   their content instead of being unwrapped into stray text.
 * - Ids and names keep GitHub's `user-content-` prefix, so no heading or anchor in a body can clobber
 *   an id of the page around it.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !REMOVED_ELEMENTS.has(name)),
    'abbr',
    'bdi',
    'bdo',
    'caption',
    'cite',
    'figcaption',
    'figure',
    'mark',
    'small',
    'time',
    'u',
    'wbr',
  ],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([name]) => !REMOVED_ELEMENTS.has(name))),
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => typeof attribute !== 'string' || !REMOVED_ATTRIBUTES.has(attribute)),
  },
  clobberPrefix: CLOBBER_PREFIX,
  strip: [
    ...(defaultSchema.strip ?? []),
    'iframe',
    'math',
    'noembed',
    'noframes',
    'noscript',
    'object',
    'embed',
    'select',
    'style',
    'svg',
    'template',
    'textarea',
    'title',
    'xmp',
  ],
};

/** The options remark-rehype runs with: the sanitizer adds the one prefix to footnote ids, so remark-rehype adding its own would double it. */
export const REMARK_REHYPE_OPTIONS = { clobberPrefix: '' } as const;

/**
 * A piece of raw HTML in a body, as Markdown found it: what the removal report needs to tell the
 * HTML's own content from the text written after it.
 */
export interface HtmlSource {
  /** Offset of its first character in the body. */
  readonly offset: number;
  /** 1-based line of the body where it starts. */
  readonly line: number;
  /** The HTML as Markdown hands it on (inside a block quote or list, without their `>` or indent). */
  readonly value: string;
  /** An HTML block, rather than HTML inside a paragraph, heading or table cell. */
  readonly block: boolean;
  /** Offset where its block ends: the HTML block itself, or the paragraph (heading, cell) that holds it. */
  readonly blockEnd: number;
}

/**
 * What the sanitizer takes out of a body, with the body's line (1-based): an element with or without
 * its content, an attribute, or (`swallowed`) an element removed with the text written after it,
 * which raw HTML that is never closed turns into its content.
 */
export type Removal =
  | { readonly kind: 'element'; readonly tagName: string; readonly line: number; readonly withContent: boolean }
  | {
      readonly kind: 'attribute';
      readonly attribute: string;
      readonly tagName: string;
      readonly line: number;
      /** `value` when the attribute is allowed but not with this value (a `javascript:` link, say). */
      readonly refused: 'name' | 'value';
    }
  | {
      readonly kind: 'swallowed';
      /** `!--` for an HTML comment. */
      readonly tagName: string;
      readonly line: number;
      /** The last line of text that would be lost with it. */
      readonly lastLine: number;
      /** The line of its closing tag, when it has one (after the text it swallowed). */
      readonly closedAt?: number;
    };

export interface SanitizedBody {
  readonly tree: Root;
  readonly removals: Removal[];
}

const sanitizeTree = rehypeSanitize(sanitizeSchema);
const KEPT_ELEMENTS = new Set(sanitizeSchema.tagNames);
const STRIPPED_ELEMENTS = new Set(sanitizeSchema.strip);
const REQUIRED_ANCESTORS: Readonly<Record<string, readonly string[]>> = sanitizeSchema.ancestors ?? {};

/**
 * The body through the sanitizer, and what it removed. The sanitizer says nothing of what it drops,
 * so the body's tree before it is compared with the tree it returns: an element is kept, unwrapped or
 * removed with its content by the same test the sanitizer applies (its name and ancestors), and every
 * kept element is the next one of the clean tree in document order, whose attributes it compares.
 * `sources` are the body's pieces of raw HTML (references.ts), to tell what an element swallowed.
 */
export function sanitizeWithReport(tree: Root, sources: readonly HtmlSource[]): SanitizedBody {
  const clean = sanitizeTree(tree);
  const kept = elementsInOrder(clean);
  const removals: Removal[] = unclosedComments(sources);
  let next = 0;
  const ancestors: string[] = [];
  const walk = (parent: Root | Element, parentLine: number) => {
    for (const node of parent.children) {
      // Text is always kept; comments (editors' notes) and doctypes always go, which is no news.
      if (node.type !== 'element') continue;
      const name = node.tagName;
      const line = node.position?.start.line ?? parentLine;
      if (keeps(name, ancestors)) {
        const counterpart = kept[next++];
        if (counterpart?.tagName !== name) {
          throw new Error(
            `The removal report lost step with the sanitizer at <${name}> on line ${line}; sanitize.ts must follow hast-util-sanitize`,
          );
        }
        for (const [property, value] of Object.entries(node.properties)) {
          if (value !== undefined && value !== null && value !== false && !(property in counterpart.properties)) {
            const refused = allowsAttribute(name, property) ? 'value' : 'name';
            removals.push({ kind: 'attribute', attribute: attributeName(property), tagName: name, line, refused });
          }
        }
      } else if (STRIPPED_ELEMENTS.has(name)) {
        removals.push(swallowedText(node, sources) ?? { kind: 'element', tagName: name, line, withContent: true });
        continue;
      } else {
        removals.push({ kind: 'element', tagName: name, line, withContent: false });
      }
      ancestors.push(name);
      walk(node, line);
      ancestors.pop();
    }
  };
  walk(tree, 1);
  if (next !== kept.length) throw new Error('The removal report lost step with the sanitizer; sanitize.ts must follow hast-util-sanitize');
  return { tree: clean, removals };
}

/** hast-util-sanitize's test: an allowed name, and where the schema asks for one, an allowed ancestor. */
function keeps(name: string, ancestors: readonly string[]): boolean {
  if (!KEPT_ELEMENTS.has(name)) return false;
  const required = Object.hasOwn(REQUIRED_ANCESTORS, name) ? REQUIRED_ANCESTORS[name] : undefined;
  return !required || required.some((ancestor) => ancestors.includes(ancestor));
}

/** Whether the schema allows the attribute on the element by its name, whatever its value. */
function allowsAttribute(tagName: string, property: string): boolean {
  const attributes = sanitizeSchema.attributes ?? {};
  return [attributes[tagName] ?? [], attributes['*'] ?? []].some((allowed) =>
    allowed.some((entry) => {
      const name = typeof entry === 'string' ? entry : entry[0];
      return name === property || (name === 'data*' && /^data[A-Z]/.test(property));
    }),
  );
}

function elementsInOrder(tree: Root): Element[] {
  const found: Element[] = [];
  const walk = (parent: Root | Element) => {
    for (const node of parent.children) {
      if (node.type !== 'element') continue;
      found.push(node);
      walk(node);
    }
  };
  walk(tree);
  return found;
}

/** The attribute as written in HTML, from hast's property name (`onClick` → `onclick`, `className` → `class`). */
function attributeName(property: string): string {
  if (property === 'className') return 'class';
  if (property === 'htmlFor') return 'for';
  if (/^(?:data|aria)[A-Z]/.test(property)) {
    const [prefix, rest] = [property.slice(0, 4), property.slice(4)];
    return prefix === 'data' ? `data${rest.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}` : `aria-${rest.toLowerCase()}`;
  }
  return property.replace(/^(?:http|accept)(?=[A-Z])/, (prefix) => `${prefix}-`).toLowerCase();
}

/**
 * An element removed with its content that holds text written after it, which would be lost with it
 * unseen: content past the end of its own block (the paragraph after an `<iframe>` left open), or,
 * when it is never closed, past its own line (an HTML block that Markdown runs on to the end, as it
 * does after `<textarea>`, `<style>` or `<script>`). The HTML parser keeps accurate lines; its offsets
 * are accurate within each piece of HTML, and never past it, so they place content in its piece.
 */
function swallowedText(element: Element, sources: readonly HtmlSource[]): Removal | undefined {
  const start = element.position?.start;
  const source = start?.offset === undefined ? undefined : sourceAt(sources, start.offset);
  if (!start || !source) return undefined;
  let lastLine = start.line;
  let pastBlock = false;
  const visit = (node: Nodes) => {
    if (node.type === 'text') {
      const end = textEnd(node);
      if (end && /\S/.test(node.value)) {
        pastBlock ||= end.offset > source.blockEnd;
        lastLine = Math.max(lastLine, end.line);
      }
      return;
    }
    if (node.type !== 'element' && node.type !== 'root') return;
    if (node.type === 'element' && node !== element) {
      const end = node.position?.end;
      if (end?.offset !== undefined && end.offset > source.blockEnd) {
        pastBlock = true;
        lastLine = Math.max(lastLine, end.line);
      }
    }
    node.children.forEach(visit);
    // A <template> keeps its content apart, as a document of its own.
    if (node.type === 'element' && node.content) visit(node.content);
  };
  visit(element);
  const closedAt = closingLine(element, sources);
  if (!pastBlock && (closedAt !== undefined || lastLine === start.line)) return undefined;
  return { kind: 'swallowed', tagName: element.tagName, line: start.line, lastLine, ...(closedAt === undefined ? {} : { closedAt }) };
}

/**
 * Where a text ends, without the line breaks it ends with: the parser's end, or when the parser left
 * it out (text it flushed between two pieces of HTML), its start and what it holds.
 */
function textEnd(text: Text): { line: number; offset: number } | undefined {
  const { start, end } = text.position ?? {};
  const trailing = /\n*$/.exec(text.value)?.[0].length ?? 0;
  if (end?.offset !== undefined) return { line: end.line - trailing, offset: end.offset - trailing };
  if (start?.offset === undefined) return undefined;
  const held = text.value.slice(0, text.value.length - trailing);
  return { line: start.line + held.split('\n').length - 1, offset: start.offset + held.length };
}

/** The line of the element's closing tag, if it has one: the HTML that holds its end ends with `</name>`. */
function closingLine(element: Element, sources: readonly HtmlSource[]): number | undefined {
  const end = element.position?.end;
  const offset = end?.offset;
  const source = offset === undefined ? undefined : sourceAt(sources, offset, true);
  if (!end || offset === undefined || !source) return undefined;
  const before = source.value.slice(0, offset - source.offset).toLowerCase();
  const tag = before.lastIndexOf(`</${element.tagName.toLowerCase()}`);
  return tag !== -1 && /^[^<>]*>$/.test(before.slice(tag + 2 + element.tagName.length)) ? end.line : undefined;
}

/** The piece of HTML that holds the offset (sources are in body order); `end` counts its last offset in. */
function sourceAt(sources: readonly HtmlSource[], offset: number, end = false): HtmlSource | undefined {
  let low = 0;
  let high = sources.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const source = sources[middle]!;
    const last = source.offset + source.value.length;
    if (offset < source.offset) high = middle - 1;
    else if (offset > last || (offset === last && !end)) low = middle + 1;
    else return source;
  }
  return undefined;
}

/**
 * An HTML comment opened at the start of an HTML block and never closed: Markdown runs the block on
 * to the end of the article (or of its block quote or list item), and the comment takes all of it.
 */
function unclosedComments(sources: readonly HtmlSource[]): Removal[] {
  return sources
    .filter((source) => source.block && source.value.startsWith('<!--') && !source.value.includes('-->'))
    .map((source) => ({ source, lines: source.value.trimEnd().split('\n').length }))
    .filter(({ lines }) => lines > 1)
    .map(({ source, lines }): Removal => ({ kind: 'swallowed', tagName: '!--', line: source.line, lastLine: source.line + lines - 1 }));
}
