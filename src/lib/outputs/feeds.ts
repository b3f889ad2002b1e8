import { Feed } from 'feed';
import { escape } from 'html-escaper';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { CONTINUE, visit } from 'unist-util-visit';
import type { Article } from '../article/article.ts';
import { PARAGRAPH_LINK_CLASS } from '../markdown/paragraphs.ts';
import { kindLabel } from '../site/view.ts';

/**
 * RSS 2.0 and Atom feeds, written by the `feed` library: each item with its full sanitized body,
 * every link in it absolute, and its dates.
 */
export interface FeedItem {
  readonly article: Article;
  /** Absolute URL of the article page. */
  readonly url: string;
  /** The article body as the page shows it (sanitized by the pipeline). */
  readonly html: string;
}

export interface FeedDescription {
  readonly title: string;
  readonly description: string;
  readonly lang: string;
  /** Absolute URL of the page the feed follows (home page or section). */
  readonly link: string;
  readonly rssUrl: string;
  readonly atomUrl: string;
  readonly copyright: string;
  readonly items: readonly FeedItem[];
}

/**
 * RSS titles and descriptions are plain text; Atom's, as `feed` writes them, are `type="html"`, so
 * for Atom they are HTML-escaped first: a headline reading "<b>" stays those three characters.
 */
export function renderFeed(description: FeedDescription, format: 'rss' | 'atom'): string {
  return format === 'rss' ? buildFeed(description, (text) => text).rss2() : buildFeed(description, escape).atom1();
}

function buildFeed(description: FeedDescription, asText: (text: string) => string): Feed {
  const newestChange = Math.max(0, ...description.items.map(({ article }) => (article.updated ?? article.date).instant.getTime()));
  const feed = new Feed({
    title: asText(description.title),
    description: asText(description.description),
    id: description.link,
    link: description.link,
    language: description.lang,
    copyright: description.copyright,
    // The newest change, not the build time, so that an unchanged site writes unchanged feeds.
    updated: new Date(newestChange),
    feedLinks: { rss: description.rssUrl, atom: description.atomUrl },
  });
  for (const { article, url, html } of description.items) {
    const kind = kindLabel(article);
    feed.addItem({
      // Sponsored content is labelled wherever it is read, feed readers included.
      title: asText(kind?.sponsored ? `${kind.text}: ${article.title}` : article.title),
      id: url,
      link: url,
      description: asText(article.summary ?? article.title),
      content: absoluteBody(html, url),
      date: (article.updated ?? article.date).instant,
      published: article.date.instant,
      author: article.authors.map((name) => ({ name })),
      category: [...(kind ? [kind.text] : []), article.section, ...article.tags].map((name) => ({ name })),
    });
  }
  return feed;
}

/**
 * The site feed and each section's share most of their items, in RSS and in Atom: each body is
 * made absolute once per build (the last result per page is kept, and used while the body is the same).
 */
const absoluteBodies = new Map<string, { html: string; absolute: string }>();

function absoluteBody(html: string, pageUrl: string): string {
  const known = absoluteBodies.get(pageUrl);
  if (known?.html === html) return known.absolute;
  const absolute = absoluteLinks(html, pageUrl);
  absoluteBodies.set(pageUrl, { html, absolute });
  return absolute;
}

/**
 * Feed readers show an item away from its page: relative links and image sources are made absolute,
 * and the "¶" links that end the page's paragraphs are left out.
 */
export function absoluteLinks(html: string, pageUrl: string): string {
  const tree = fromHtml(html, { fragment: true });
  visit(tree, 'element', (node: Element, index, parent) => {
    const className = node.properties['className'];
    if (parent && index !== undefined && Array.isArray(className) && className.includes(PARAGRAPH_LINK_CLASS)) {
      parent.children.splice(index, 1);
      return index;
    }
    for (const attribute of ['href', 'src']) {
      const value = node.properties[attribute];
      if (typeof value === 'string' && value !== '' && URL.canParse(value, pageUrl))
        node.properties[attribute] = new URL(value, pageUrl).href;
    }
    const srcSet = node.properties['srcSet'];
    if (typeof srcSet === 'string' || Array.isArray(srcSet)) {
      node.properties['srcSet'] = (Array.isArray(srcSet) ? srcSet.map(String) : srcSet.split(','))
        .map((candidate) => {
          const [url = '', ...descriptor] = String(candidate).trim().split(/\s+/);
          return [new URL(url, pageUrl).href, ...descriptor].join(' ');
        })
        .join(', ');
    }
    return CONTINUE;
  });
  return toHtml(tree);
}
