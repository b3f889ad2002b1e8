import type {
  AdvertiserContentArticle,
  CreativeWork,
  Graph,
  NewsArticle,
  NewsMediaOrganization,
  Organization,
  Person,
  WebPage,
  WebSite,
  WithContext,
} from 'schema-dts';
import serialize from 'serialize-javascript';
import type { Article } from '../article/article.ts';
import type { ArticleKind } from '../article/schema.ts';
import { isoWithOffset } from '../article/dates.ts';
import { nameKey, type AuthorProfile } from '../newsroom/authors.ts';
import { POLICY_PROPERTIES, type Policies } from '../newsroom/policies.ts';
import { absoluteUrl, articlePath, authorPath, frontPath, sitePagePath, sitePath, type SiteAddress } from './urls.ts';

/**
 * schema.org JSON-LD: one NewsArticle per article page, WebSite and Organization on the home page,
 * typed with schema-dts, and written into the page so that no text from an article can end the
 * `<script>` block it sits in.
 */
export interface PublisherSite extends SiteAddress {
  readonly name: string;
  readonly description: string;
  readonly lang: string;
  readonly timeZone: string;
  readonly defaultByline: string;
  /** Path of the publisher's logo inside the site, such as `logo.png`. */
  readonly logo: string;
  /** The site pages of the newsroom's policies, by schema.org property. */
  readonly policies?: Policies | undefined;
}

/** Google shows at most 110 characters of a NewsArticle headline. */
export const HEADLINE_MAX = 110;

/** The lead image as the site publishes it: an absolute URL of one of its optimised files, and its size. */
export interface PublishedImage {
  readonly url: string;
  readonly width: number;
  readonly height: number;
}

export interface NewsArticleExtras {
  /** The article's preview card. */
  readonly imageUrl?: string | undefined;
  /** Its lead image's largest published file, described with its caption. */
  readonly lead?: PublishedImage | undefined;
  /** The story's language versions (this article among them) and the one the others translate. */
  readonly translations?: { readonly original: Article; readonly versions: readonly Article[] } | undefined;
  /** The profiles of the article's bylines: their authors are `Person`s with a page and links. */
  readonly profiles?: readonly AuthorProfile[] | undefined;
}

/**
 * The schema.org type of each kind of piece. A fact check without the details of the claim it
 * checks (a `ClaimReview` wants them) is a plain `NewsArticle`. Sponsored content is not news: an
 * `AdvertiserContentArticle`, which has no dateline.
 */
const NEWS_TYPES = {
  news: 'ReportageNewsArticle',
  analysis: 'AnalysisNewsArticle',
  opinion: 'OpinionNewsArticle',
  explainer: 'BackgroundNewsArticle',
  review: 'ReviewNewsArticle',
  'fact-check': 'NewsArticle',
} as const satisfies Record<Exclude<ArticleKind, 'sponsored'>, NewsArticle['@type']>;

export type ArticleStructuredData = WithContext<NewsArticle> | WithContext<AdvertiserContentArticle>;

export function newsArticle(article: Article, site: PublisherSite, extras: NewsArticleExtras = {}): ArticleStructuredData {
  const body = articleBody(article, site, extras);
  if (article.kind === 'sponsored') return { ...body, '@type': 'AdvertiserContentArticle' };
  return { ...body, '@type': NEWS_TYPES[article.kind], dateline: article.dateline };
}

/** What every kind's structured data says. */
function articleBody(article: Article, site: PublisherSite, extras: NewsArticleExtras) {
  const { imageUrl, lead, translations, profiles = [] } = extras;
  const byName = new Map(profiles.map((profile) => [nameKey(profile.name), profile]));
  const url = absoluteUrl(site, articlePath(site, article.slug));
  return {
    '@context': 'https://schema.org' as const,
    headline: shortenHeadline(article.title),
    ...(article.summary ? { description: article.summary } : {}),
    datePublished: isoWithOffset(article.date.instant, site.timeZone),
    dateModified: isoWithOffset((article.updated ?? article.date).instant, site.timeZone),
    author: article.authors.map((name) => author(name, site, byName.get(nameKey(name)))),
    publisher: organization(site),
    image: [
      ...(lead && article.image
        ? [
            {
              '@type': 'ImageObject' as const,
              url: lead.url,
              width: String(lead.width),
              height: String(lead.height),
              description: article.image.alt,
              ...(article.image.caption ? { caption: article.image.caption } : {}),
              ...(article.image.credit ? { creditText: article.image.credit } : {}),
            },
          ]
        : []),
      imageUrl ?? absoluteUrl(site, sitePath(site, site.logo)),
    ],
    mainEntityOfPage: { '@type': 'WebPage' as const, '@id': url },
    url,
    articleSection: article.section,
    ...(article.tags.length > 0 ? { keywords: [...article.tags] } : {}),
    inLanguage: article.lang,
    ...(article.backstory ? { backstory: article.backstory } : {}),
    ...(article.corrections.length > 0
      ? {
          correction: article.corrections.map((correction) => ({
            '@type': 'CorrectionComment' as const,
            text: correction.text,
            datePublished: isoWithOffset(correction.date.instant, site.timeZone),
          })),
        }
      : {}),
    ...(translations ? translationLinks(article, translations.original, translations.versions, site) : {}),
    ...(article.sources.length > 0
      ? {
          citation: article.sources.map((source): CreativeWork => ({
            '@type': 'CreativeWork',
            name: source.name,
            ...(source.url ? { url: source.url } : {}),
          })),
        }
      : {}),
  };
}

/**
 * The original names each translation (`workTranslation`); each translation names the original
 * (`translationOfWork`), the version readers of other languages are sent to.
 */
function translationLinks(article: Article, original: Article, versions: readonly Article[], site: PublisherSite): Partial<NewsArticle> {
  const reference = (version: Article): CreativeWork => ({
    '@type': 'NewsArticle',
    url: absoluteUrl(site, articlePath(site, version.slug)),
    headline: shortenHeadline(version.title),
    inLanguage: version.lang,
  });
  if (article.slug !== original.slug) return { translationOfWork: reference(original) };
  return { workTranslation: versions.filter((version) => version.slug !== original.slug).map(reference) };
}

/** A front page's description of the site (or of its edition) and of who publishes it, the same newsroom for every edition. */
export function siteGraph(site: PublisherSite): Graph {
  const front = absoluteUrl(site, frontPath(site));
  const publisher = `${absoluteUrl(site, sitePath(site))}#organization`;
  const website: WebSite = {
    '@type': 'WebSite',
    '@id': `${front}#website`,
    name: site.name,
    description: site.description,
    url: front,
    inLanguage: site.lang,
    publisher: { '@id': publisher },
  };
  return { '@context': 'https://schema.org', '@graph': [website, { ...organization(site), '@id': publisher }] };
}

/**
 * JSON for a `<script type="application/ld+json">` block: serialize-javascript escapes `<`, `>`,
 * `/` and the line separators, so a `</script>` in a headline stays text inside the JSON.
 */
export function jsonLdText(data: ArticleStructuredData | Graph | WithContext<WebPage>): string {
  return serialize(data, { isJSON: true, space: 0 });
}

/** The newsroom, with the pages of its policies (publishingPrinciples, correctionsPolicy…) where the site has them. */
export function organization(site: PublisherSite): Exclude<NewsMediaOrganization, string> {
  const policies = POLICY_PROPERTIES.flatMap((property) => {
    const slug = site.policies?.[property];
    return slug ? [[property, absoluteUrl(site, sitePagePath(site, slug))] as const] : [];
  });
  return {
    '@type': 'NewsMediaOrganization',
    name: site.name,
    url: absoluteUrl(site, sitePath(site)),
    logo: { '@type': 'ImageObject', url: absoluteUrl(site, sitePath(site, site.logo)) },
    ...Object.fromEntries(policies),
  };
}

/**
 * The site's default byline is the newsroom, not a person; a name with a profile is a `Person` with
 * the author's page, role and pages elsewhere; any other name, a `Person` by name alone.
 */
function author(name: string, site: PublisherSite, profile?: AuthorProfile): Person | Organization {
  if (name === site.defaultByline) return { '@type': 'Organization', name };
  return profile ? person(profile, site) : { '@type': 'Person', name };
}

export function person(profile: AuthorProfile, site: PublisherSite): Person {
  return {
    '@type': 'Person',
    name: profile.name,
    url: absoluteUrl(site, authorPath(site, profile.slug)),
    ...(profile.role ? { jobTitle: profile.role } : {}),
    ...(profile.sameAs.length > 0 ? { sameAs: [...profile.sameAs] } : {}),
  };
}

function shortenHeadline(title: string): string {
  const characters = [...title];
  if (characters.length <= HEADLINE_MAX) return title;
  const cut = characters.slice(0, HEADLINE_MAX - 1).join('');
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > HEADLINE_MAX / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
