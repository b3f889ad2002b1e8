import type { Article } from '../article/article.ts';
import { isoWithOffset } from '../article/dates.ts';
import { memoized } from './memo.ts';
import { PREVIEW_HEIGHT, PREVIEW_WIDTH } from '../outputs/preview-card.ts';
import { absoluteUrl, previewPath } from './urls.ts';

/**
 * The tags link previews are built from: Open Graph (Facebook, WhatsApp, LinkedIn, Telegram…),
 * Twitter cards, and the article's times, section and tags. Every URL in them is absolute.
 */
export interface MetaTag {
  /** Open Graph tags use `property`, Twitter cards `name`. */
  readonly attribute: 'property' | 'name';
  readonly key: string;
  readonly content: string;
}

export interface PreviewImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly type: string;
  readonly alt: string;
}

export interface PageMeta {
  readonly siteName: string;
  readonly title: string;
  readonly description: string;
  readonly url: string;
  readonly lang: string;
  readonly image: PreviewImage;
}

export interface SitePage {
  readonly site: {
    readonly name: string;
    readonly description: string;
    readonly lang: string;
    readonly url: string;
    readonly base: string;
  };
  /** The page's own title, without the site name; none for the site's front page. */
  readonly title?: string | undefined;
  readonly description: string;
  /** Absolute URL of the page. */
  readonly url: string;
}

/** The tags of a page of the site's own (lists, archive, search): the site's preview card. */
export function sitePageMetaTags(page: SitePage): MetaTag[] {
  const { site } = page;
  return pageMetaTags({
    siteName: site.name,
    title: page.title ? `${page.title} — ${site.name}` : site.name,
    description: page.description,
    url: page.url,
    lang: site.lang,
    image: {
      url: absoluteUrl(site, previewPath(site, 'site')),
      width: PREVIEW_WIDTH,
      height: PREVIEW_HEIGHT,
      type: 'image/jpeg',
      alt: `${site.name}: ${site.description}`,
    },
  });
}

/** Tags every page has: what it is, where it lives, and the picture its link unfolds into. */
export function pageMetaTags(page: PageMeta, type: 'website' | 'article' = 'website'): MetaTag[] {
  const og = (key: string, content: string): MetaTag => ({ attribute: 'property', key: `og:${key}`, content });
  const twitter = (key: string, content: string): MetaTag => ({ attribute: 'name', key: `twitter:${key}`, content });
  return [
    og('type', type),
    og('site_name', page.siteName),
    og('title', page.title),
    og('description', page.description),
    og('url', page.url),
    og('locale', openGraphLocale(page.lang)),
    og('image', page.image.url),
    og('image:secure_url', page.image.url),
    og('image:type', page.image.type),
    og('image:width', String(page.image.width)),
    og('image:height', String(page.image.height)),
    og('image:alt', page.image.alt),
    twitter('card', 'summary_large_image'),
    twitter('title', page.title),
    twitter('description', page.description),
    twitter('image', page.image.url),
    twitter('image:alt', page.image.alt),
  ];
}

export function articleMetaTags(article: Article, page: PageMeta, timeZone: string): MetaTag[] {
  const tag = (key: string, content: string): MetaTag => ({ attribute: 'property', key: `article:${key}`, content });
  return [
    ...pageMetaTags(page, 'article'),
    tag('published_time', isoWithOffset(article.date.instant, timeZone)),
    tag('modified_time', isoWithOffset((article.updated ?? article.date).instant, timeZone)),
    tag('section', article.section),
    ...article.tags.map((value) => tag('tag', value)),
  ];
}

/** Open Graph writes locales as language_TERRITORY; the platform's likely-subtags data fills the territory. */
export const openGraphLocale = memoized((lang) => {
  const locale = new Intl.Locale(lang).maximize();
  return locale.region ? `${locale.language}_${locale.region}` : locale.language;
});
