import { Feed } from 'feed';
import { escape } from 'html-escaper';
import type { Element } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { toHtml } from 'hast-util-to-html';
import { CONTINUE, visit } from 'unist-util-visit';
import type { Article } from '../article/article.ts';
import { PARAGRAPH_LINK_CLASS } from '../markdown/paragraphs.ts';
import type { LoggedCorrection } from '../site/corrections.ts';
import { interfaceText } from '../site/i18n.ts';
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

/** What a feed says about itself. */
export interface FeedChannel {
  readonly title: string;
  readonly description: string;
  readonly lang: string;
  /** Absolute URL of the page the feed follows (home page, section, corrections page). */
  readonly link: string;
  readonly rssUrl: string;
  readonly atomUrl: string;
  readonly copyright: string;
}

export interface FeedDescription extends FeedChannel {
  readonly items: readonly FeedItem[];
}

/** One item as the `feed` library takes it, in plain text: escaped for Atom by `buildFeed`. */
interface FeedEntry {
  readonly title: string;
  readonly id: string;
  readonly link: string;
  readonly description: string;
  /** HTML. */
  readonly content: string;
  readonly date: Date;
  readonly published: Date;
  readonly authors: readonly string[];
  readonly categories: readonly string[];
}

/**
 * RSS titles and descriptions are plain text; Atom's, as `feed` writes them, are `type="html"`, so
 * for Atom they are HTML-escaped first: a headline reading "<b>" stays those three characters.
 */
export function renderFeed(description: FeedDescription, format: 'rss' | 'atom'): string {
  const entries = description.items.map(({ article, url, html }): FeedEntry => {
    const kind = kindLabel(article);
    return {
      // Sponsored content is labelled wherever it is read, feed readers included.
      title: kind?.sponsored ? `${kind.text}: ${article.title}` : article.title,
      id: url,
      link: url,
      description: article.summary ?? article.title,
      content: absoluteBody(html, url),
      date: (article.updated ?? article.date).instant,
      published: article.date.instant,
      authors: article.authors,
      categories: [...(kind ? [kind.text] : []), article.section, ...article.tags],
    };
  });
  return writeFeed(description, entries, format);
}

/** A correction in the corrections feed: its article, that article's page and its Corrections box. */
export interface CorrectionItem {
  readonly logged: LoggedCorrection;
  /** Absolute URL of the article page. */
  readonly url: string;
  /** Absolute URL of the article's Corrections box. */
  readonly correctionUrl: string;
}

/**
 * The corrections feed: one item per correction, newest first, titled "Correction: <headline>" in
 * the article's language, holding the correction's text and a link to the corrected article. Each
 * item's id names the article and the correction's instant, so a second correction is a new item.
 */
export function renderCorrectionsFeed(channel: FeedChannel, items: readonly CorrectionItem[], format: 'rss' | 'atom'): string {
  const entries = items.map(({ logged: { article, correction }, url, correctionUrl }): FeedEntry => {
    const text = interfaceText(article.lang);
    return {
      title: `${text.correction}: ${article.title}`,
      id: `${correctionUrl}-${correction.date.instant.toISOString()}`,
      link: correctionUrl,
      description: correction.text,
      content: `<p>${escape(correction.text)}</p>\n<p><a href="${escape(url)}">${escape(article.title)}</a></p>`,
      date: correction.date.instant,
      published: correction.date.instant,
      authors: article.authors,
      categories: [article.section],
    };
  });
  return writeFeed(channel, entries, format);
}

function writeFeed(channel: FeedChannel, entries: readonly FeedEntry[], format: 'rss' | 'atom'): string {
  return format === 'rss' ? buildFeed(channel, entries, (text) => text).rss2() : buildFeed(channel, entries, escape).atom1();
}

function buildFeed(channel: FeedChannel, entries: readonly FeedEntry[], asText: (text: string) => string): Feed {
  const newestChange = Math.max(0, ...entries.map((entry) => entry.date.getTime()));
  const feed = new Feed({
    title: asText(channel.title),
    description: asText(channel.description),
    id: channel.link,
    link: channel.link,
    language: channel.lang,
    copyright: channel.copyright,
    // The newest change, not the build time, so that an unchanged site writes unchanged feeds.
    updated: new Date(newestChange),
    feedLinks: { rss: channel.rssUrl, atom: channel.atomUrl },
  });
  for (const entry of entries) {
    feed.addItem({
      title: asText(entry.title),
      id: entry.id,
      link: entry.link,
      description: asText(entry.description),
      content: entry.content,
      date: entry.date,
      published: entry.published,
      author: entry.authors.map((name) => ({ name })),
      category: entry.categories.map((name) => ({ name })),
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
