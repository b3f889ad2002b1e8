import type { Article } from './lib/articles.ts';
import { renderFeed } from './lib/feeds.ts';
import { absoluteUrl, articlePath, feedPath, sectionPath, sitePath } from './lib/urls.ts';
import { articleBody } from './article-html.ts';
import { siteConfig } from './site.config.ts';

/** The site's feeds and each section's: the newest `feedSize` articles in full. */
export async function feedFor(articles: readonly Article[], format: 'rss' | 'atom', section?: { slug: string; name: string }): Promise<string> {
  const items = await Promise.all(
    articles.slice(0, siteConfig.feedSize).map(async (article) => ({
      article,
      url: absoluteUrl(siteConfig, articlePath(siteConfig, article.slug)),
      html: await articleBody(article.slug),
    })),
  );
  return renderFeed({
    title: section ? `${siteConfig.name} — ${section.name}` : siteConfig.name,
    description: siteConfig.description,
    lang: siteConfig.lang,
    link: absoluteUrl(siteConfig, section ? sectionPath(siteConfig, section.slug) : sitePath(siteConfig)),
    rssUrl: absoluteUrl(siteConfig, feedPath(siteConfig, 'rss', section?.slug)),
    atomUrl: absoluteUrl(siteConfig, feedPath(siteConfig, 'atom', section?.slug)),
    copyright: siteConfig.name,
    items,
  }, format);
}

export const xmlResponse = (xml: string, type: string) => new Response(xml, { headers: { 'Content-Type': `${type}; charset=utf-8` } });
