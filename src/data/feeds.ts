import { experimental_AstroContainer } from 'astro/container';
import { getEntry, render } from 'astro:content';
import type { Article } from '../lib/article/article.ts';
import { renderFeed } from '../lib/outputs/feeds.ts';
import type { Group } from '../lib/site/lists.ts';
import { absoluteUrl, articlePath, feedPath, sectionPath, sitePath } from '../lib/site/urls.ts';
import { siteConfig } from '../site.config.ts';
import { cachedBodyHtml } from './bodies.ts';
import { perBuild, perBuildByKey } from './per-build.ts';
import { siteIndex } from './site-index.ts';

/**
 * The site's feeds and each section's: the newest `feedSize` articles in full. Bodies come from the
 * cache like the page's (src/data/bodies.ts); a body with images is rendered through Astro's
 * container, which gives the HTML <Content /> gives on the page. Kept apart from the page's module:
 * the container brings in the build's random key, which would make every article page look changed
 * to the incremental build.
 */
type FeedFormat = 'rss' | 'atom';

/** The site's feed: its newest articles. */
export async function siteFeed(format: FeedFormat): Promise<string> {
  return feedFor((await siteIndex()).newest, format);
}

/** One feed of each format per section, at sections/<section>/feed.xml and atom.xml. */
export async function sectionFeedPaths() {
  return (await siteIndex()).sections.map((section) => ({ params: { section: section.slug }, props: { section } }));
}

export function sectionFeed(section: Group, format: FeedFormat): Promise<string> {
  return feedFor(section.articles, format, section);
}

async function feedFor(articles: readonly Article[], format: FeedFormat, section?: Group): Promise<string> {
  const items = await Promise.all(
    articles.slice(0, siteConfig.feedSize).map(async (article) => ({
      article,
      url: absoluteUrl(siteConfig, articlePath(siteConfig, article.slug)),
      html: await feedBody(article.slug),
    })),
  );
  return renderFeed(
    {
      title: section ? `${siteConfig.name} — ${section.name}` : siteConfig.name,
      description: siteConfig.description,
      lang: siteConfig.lang,
      link: absoluteUrl(siteConfig, section ? sectionPath(siteConfig, section.slug) : sitePath(siteConfig)),
      rssUrl: absoluteUrl(siteConfig, feedPath(siteConfig, 'rss', section?.slug)),
      atomUrl: absoluteUrl(siteConfig, feedPath(siteConfig, 'atom', section?.slug)),
      copyright: siteConfig.name,
      items,
    },
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
