import type { Root as HtmlRoot } from 'hast';
import type { Nodes } from 'mdast';
import rehypeRaw from 'rehype-raw';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { parseBody, type BodyFindings } from '../article/body-rules.ts';
import { htmlSources, imageReferences } from './references.ts';
import { REMARK_REHYPE_OPTIONS, sanitizeWithReport } from './sanitize.ts';

/**
 * What the body rules need of a body, found without rendering it, for `npm run check`: the same
 * findings the pipeline records (pipeline.ts), from the same Markdown tree, HTML parser and sanitizer.
 * Only a body the sanitizer could change goes on past the Markdown parse: one with raw HTML, or with
 * a link or image address in a scheme it might refuse. Most bodies stop there.
 */
const toHtmlTree = unified()
  // Astro's processor turns Markdown into HTML with raw HTML kept and these options (pipeline.ts).
  .use(remarkRehype, { allowDangerousHtml: true, ...REMARK_REHYPE_OPTIONS })
  .use(rehypeRaw);

/** Addresses the sanitizer keeps in links and images alike: no scheme, or http: or https:, in the letter case it compares. */
const KEPT_ADDRESS = /^(?:https?:|[^:]*(?:[/?#]|$))/;

export function inspectBody(markdown: string): BodyFindings {
  const tree = parseBody(markdown);
  const images = imageReferences(tree);
  const sources = htmlSources(tree);
  if (sources.length === 0 && !hasUnusualAddress(tree)) return { images, removals: [] };
  const html = toHtmlTree.runSync(tree, markdown) as HtmlRoot;
  return { images, removals: sanitizeWithReport(html, sources).removals };
}

/** A link, image or definition whose address the sanitizer might refuse: a scheme other than http: or https:. */
function hasUnusualAddress(node: Nodes): boolean {
  if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !KEPT_ADDRESS.test(node.url)) return true;
  // A plain loop: unist-util-visit's bookkeeping costs more than the whole test on a long article.
  return 'children' in node && node.children.some(hasUnusualAddress);
}
