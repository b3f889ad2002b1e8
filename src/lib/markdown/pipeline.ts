import { createMarkdownProcessor, type UnifiedProcessorOptions } from '@astrojs/markdown-remark';
import type { Element, ElementContent, Root } from 'hast';
import type { Root as MdastRoot } from 'mdast';
import { toString } from 'hast-util-to-string';
import rehypeExternalLinks from 'rehype-external-links';
import rehypeRaw from 'rehype-raw';
import rehypeSlug from 'rehype-slug';
import type { Plugin } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { interfaceText } from '../site/i18n.ts';
import { linkParagraphs } from './paragraphs.ts';
import { countWords } from './reading.ts';
import { htmlSources, imageReferences, type ImageReference } from './references.ts';
import { CLOBBER_PREFIX, REMARK_REHYPE_OPTIONS, sanitizeWithReport, type HtmlSource, type Removal } from './sanitize.ts';
import { remarkTypography } from './typography.ts';

/**
 * The one Markdown pipeline. `@astrojs/markdown-remark`'s unified processor runs remark-parse,
 * remark-gfm (tables, footnotes, autolinks, strikethrough) and remark-rehype with raw HTML kept;
 * these rehype plugins then turn that raw HTML into elements, give headings ids, and sanitize
 * everything before anything of ours is added. Astro's own plugins that run after ours only read
 * headings and image references.
 */

/** What the loader tells the pipeline about the article being rendered (Astro passes it as `frontmatter`). */
export interface RenderContext {
  /** Empty for the site's own pages and author bios, which have no dateline lead-in. */
  readonly dateline: string;
  readonly lang: string;
  /** Filled in by the pipeline: the text of the sanitized body, for the search index. */
  text?: string;
  /** Filled in by the pipeline: the number of words in the sanitized body. */
  words?: number;
  /** Filled in by the pipeline: the images the body refers to. */
  images?: ImageReference[];
  /** Filled in by the pipeline: what the sanitizer removed from the body, for the body rules. */
  removals?: Removal[];
}

/** The id of the footnotes heading, which remark-rehype writes in English. */
const FOOTNOTE_LABEL_ID = `${CLOBBER_PREFIX}footnote-label`;

/**
 * Links within the body (`[see below](#the-figures)`, footnote references) point at ids that the
 * sanitizer has prefixed; this gives their `href`s the same prefix, after sanitizing.
 */
const rehypePrefixFragmentLinks: Plugin<[], Root> = () => (tree) => {
  visit(tree, 'element', (node) => {
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#') && href.length > 1) {
      const target = href.slice(1);
      node.properties['href'] = `#${target.startsWith(CLOBBER_PREFIX) ? target : CLOBBER_PREFIX + target}`;
    }
  });
};

/** "GAZA —" as the lead-in of an article's first paragraph, as wire copy does; added after sanitizing, as ours. */
const rehypeDatelineLeadIn: Plugin<[], Root> = () => (tree, file) => {
  const { dateline } = renderContext(file);
  if (dateline === '') return;
  const leadIn: Element = {
    type: 'element',
    tagName: 'span',
    properties: { className: ['dateline'] },
    children: [{ type: 'text', value: `${dateline} —` }],
  };
  const firstParagraph = tree.children.find((node): node is Element => node.type === 'element' && node.tagName === 'p');
  if (firstParagraph) {
    firstParagraph.children.unshift(leadIn, { type: 'text', value: ' ' });
  } else {
    tree.children.unshift({ type: 'element', tagName: 'p', properties: {}, children: [leadIn] });
  }
};

/** Links to every paragraph (paragraphs.ts), named in the article's language. */
const rehypeParagraphLinks: Plugin<[], Root> = () => (tree, file) => {
  linkParagraphs(tree, interfaceText(renderContext(file).lang).paragraphLink);
};

/** Words of the sanitized body, for the reading time, and the footnotes heading in the article's language. */
const rehypeArticleText: Plugin<[], Root> = () => (tree, file) => {
  const context = renderContext(file);
  context.text = toString(tree);
  context.words = countWords(context.text, context.lang);
  const label = tree.children
    .find((node): node is Element => node.type === 'element' && node.tagName === 'section')
    ?.children.find((node): node is Element => node.type === 'element' && node.properties['id'] === FOOTNOTE_LABEL_ID);
  if (label) {
    const heading: ElementContent = { type: 'text', value: interfaceText(context.lang).footnotes };
    label.children = [heading];
  }
};

/** The raw HTML of each body being rendered, from the Markdown tree to the sanitizer's report. */
const htmlOfBody = new WeakMap<VFile, HtmlSource[]>();

/** Records the images the body refers to and where its raw HTML is, for the body rules (body-rules.ts). */
const remarkBodyRules: Plugin<[], MdastRoot> = () => (tree, file) => {
  renderContext(file).images = imageReferences(tree);
  htmlOfBody.set(file, htmlSources(tree));
};

/** rehype-sanitize with our schema, recording what it removed for the body rules (sanitize.ts). */
const rehypeSanitizeWithReport: Plugin<[], Root> = () => (tree, file) => {
  const { tree: clean, removals } = sanitizeWithReport(tree, htmlOfBody.get(file) ?? []);
  renderContext(file).removals = removals;
  return clean;
};

function renderContext(file: VFile): RenderContext {
  const astro = file.data['astro'] as { frontmatter?: Partial<RenderContext> } | undefined;
  const context = astro?.frontmatter;
  if (typeof context?.dateline !== 'string' || typeof context.lang !== 'string') {
    throw new Error('The article pipeline needs a dateline and lang; render articles through the article loader.');
  }
  return context as RenderContext;
}

/** News copy has no code to colour; astro.config.mjs and `createArticleRenderer` both say so. */
export const SYNTAX_HIGHLIGHT = false;

/** Options for `unified()` from `@astrojs/markdown-remark`, used by astro.config.mjs and the tests alike. */
export const markdownOptions: UnifiedProcessorOptions = {
  gfm: true,
  // Astro's smartypants, as fast as it can be: remarkTypography takes its place (typography.ts).
  smartypants: false,
  remarkPlugins: [remarkTypography, remarkBodyRules],
  remarkRehype: REMARK_REHYPE_OPTIONS,
  rehypePlugins: [
    rehypeRaw,
    rehypeSlug,
    rehypeSanitizeWithReport,
    [rehypeExternalLinks, { rel: ['noopener', 'noreferrer'], target: false }],
    rehypePrefixFragmentLinks,
    rehypeArticleText,
    rehypeParagraphLinks,
    rehypeDatelineLeadIn,
  ],
};

/**
 * The pipeline as the build runs it, outside Astro: what `npm run check` and the tests render with.
 * Remote image domains stay empty, as in the loader, so Astro never fetches an image.
 */
export function createArticleRenderer() {
  return createMarkdownProcessor({ ...markdownOptions, syntaxHighlight: SYNTAX_HIGHLIGHT, image: {} });
}
