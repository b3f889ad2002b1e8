import { posix } from 'node:path';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import type { Root } from 'mdast';
import { definitions } from 'mdast-util-definitions';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { Problem } from './problems.ts';

/**
 * The rules an article body must follow, read from its Markdown syntax tree. The build runs them
 * inside the rendering pipeline (remarkBodyRules in markdown.ts) and `npm run check` on a parse
 * alone, which is several times faster than rendering: one set of rules, two ways to reach it.
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
    if (node.type === 'html') {
      visit(fromHtml(node.value, { fragment: true }), 'element', (element: Element) => {
        const src = element.properties['src'];
        if (element.tagName === 'img' && typeof src === 'string') found.push({ src, syntax: 'html' });
      });
    }
  });
  return found;
}

export interface BodyRules {
  readonly contentDir: string;
  readonly fileExists: (file: string) => boolean;
}

const LOCAL_IMAGE_EXAMPLE = '![Caption](./images/photo.jpg)';

/**
 * Readers must never load anything from another host, and an image that cannot be found would be
 * lost without a word: so every image is a file inside content/, given by a path relative to the article.
 */
export function imageProblems(images: readonly ImageReference[], articleFile: string, rules: BodyRules): Problem[] {
  const problems: Problem[] = [];
  const problem = (found: string, expected: string) => problems.push({ file: articleFile, field: 'body', found, expected });
  for (const { src, syntax } of images) {
    const shown = `the image ${JSON.stringify(src)}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src.trim()) || src.trim().startsWith('//')) {
      problem(
        `${shown}, which is not stored with the article`,
        `images stored next to the article, like ${LOCAL_IMAGE_EXAMPLE}, so that readers never load another site`,
      );
    } else if (syntax === 'html') {
      problem(
        `${shown} in an HTML <img>`,
        `Markdown image syntax, like ${LOCAL_IMAGE_EXAMPLE}, so that the image is resized and published with the article`,
      );
    } else if (src.startsWith('/')) {
      problem(shown, `a path relative to the article file, like ${LOCAL_IMAGE_EXAMPLE}`);
    } else {
      const resolved = posix.normalize(posix.join(posix.dirname(articleFile), safeDecode(src)));
      if (!resolved.startsWith(`${rules.contentDir}/`) || !rules.fileExists(resolved)) {
        problem(
          `${shown}, which is not a file inside ${rules.contentDir}/`,
          `the path of an image file committed next to the article, like ${LOCAL_IMAGE_EXAMPLE}`,
        );
      }
    }
  }
  return problems;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The body's syntax tree, parsed as the build parses it (CommonMark and GFM), without rendering. */
export function parseBody(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
