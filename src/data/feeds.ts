import { experimental_AstroContainer } from 'astro/container';
import { getEntry, render } from 'astro:content';
import type { Article } from '../lib/article/article.ts';
import { renderCorrectionsFeed, renderFeed } from '../lib/outputs/feeds.ts';
import { correctionUrl } from '../lib/site/corrections.ts';
import { interfaceText } from '../lib/site/i18n.ts';
import { siteConfig } from '../site.config.ts';
import type { Group } from '../lib/site/lists.ts';
import type { Edition } from '../lib/site/editions.ts';
import { absoluteUrl, articlePath, correctionsFeedPath, correctionsPath, feedPath, frontPath, sectionPath } from '../lib/site/urls.ts';
import { cachedBodyHtml } from './bodies.ts';
import { perBuild, perBuildByKey } from './per-build.ts';
import { corrections, editionIndex, editionPaths, everyEdition, inEdition, siteOf } from './site-index.ts';

/**
 * The feeds of each edition and of each of its sections: the newest `feedSize` articles in full.
 * Bodies come from the cache like the page's (src/data/bodies.ts); a body with images is rendered through Astro's
 * container, which gives the HTML <Content /> gives on the page. Kept apart from the page's module:
 * the container brings in the build's random key, which would make every article page look changed
 * to the incremental build.
 */
type FeedFormat = 'rss' | 'atom';

/** One feed of each format per edition: `feed.xml` and `atom.xml` at its front, `ar/feed.xml`… */
export function editionFeedPaths() {
  return editionPaths();
}

/** An edition's feed: its newest articles. */
export async function editionFeed(edition: Edition, format: FeedFormat): Promise<string> {
  return feedFor(edition, (await editionIndex(edition.lang)).newest, format);
}

/** One feed of each format per section of each edition, at sections/<section>/feed.xml and atom.xml. */
export function sectionFeedPaths() {
  return everyEdition(async (edition) =>
    (await editionIndex(edition.lang)).sections.map((section) => {
      const { params, props } = inEdition(edition);
      return { params: { ...params, section: section.slug }, props: { ...props, section } };
    }),
  );
}

export function sectionFeed(edition: Edition, section: Group, format: FeedFormat): Promise<string> {
  return feedFor(edition, section.articles, format, section);
}

async function feedFor(edition: Edition, articles: readonly Article[], format: FeedFormat, section?: Group): Promise<string> {
  const site = siteOf(edition);
  const items = await Promise.all(
    articles.slice(0, site.feedSize).map(async (article) => ({
      article,
      url: absoluteUrl(site, articlePath(site, article.slug)),
      html: await feedBody(article.slug),
    })),
  );
  return renderFeed(
    {
      title: section ? `${site.name} — ${section.name}` : site.name,
      description: site.description,
      lang: site.lang,
      link: absoluteUrl(site, section ? sectionPath(site, section.slug) : frontPath(site)),
      rssUrl: absoluteUrl(site, feedPath(site, 'rss', section?.slug)),
      atomUrl: absoluteUrl(site, feedPath(site, 'atom', section?.slug)),
      copyright: site.name,
      items,
    },
    format,
  );
}

/** The corrections log's feed: its newest `feedSize` corrections, in the site's language. */
export async function correctionsFeed(format: FeedFormat): Promise<string> {
  const site = siteConfig;
  const heading = interfaceText(site.lang).correctionsLog;
  const items = (await corrections()).slice(0, site.feedSize).map((logged) => ({
    logged,
    url: absoluteUrl(site, articlePath(site, logged.article.slug)),
    correctionUrl: correctionUrl(site, logged.article),
  }));
  return renderCorrectionsFeed(
    {
      title: `${site.name} — ${heading}`,
      description: interfaceText(site.lang).correctionsLogIntro,
      lang: site.lang,
      link: absoluteUrl(site, correctionsPath(site)),
      rssUrl: absoluteUrl(site, correctionsFeedPath(site, 'rss')),
      atomUrl: absoluteUrl(site, correctionsFeedPath(site, 'atom')),
      copyright: site.name,
    },
    items,
    format,
  );
}

const container = perBuild(() => experimental_AstroContainer.create());

/**
 * The body of the article with that slug, for the feeds: each is read once per build, and only if a
 * feed asks for it (the site feed and the section feeds share most of their articles).
 */
const feedBody = perBuildByKey(async (slug): Promise<string> => {
  const entry = await getEntry('articles', slug);
  if (!entry) throw new Error(`No article "${slug}" to put in a feed`);
  const cached = cachedBodyHtml(entry);
  if (cached !== undefined) return cached;
  const { Content } = await render(entry);
  return (await container()).renderToString(Content);
});
