/**
 * Every URL the site writes comes from here, so that `site` and `base` (a project path such as
 * `/dateline/` on GitHub Pages) are applied once and the same way everywhere.
 */
export interface SiteAddress {
  /** Origin without a path: `https://news.example.org`. */
  readonly url: string;
  /** Base path with leading and trailing slash: `/` or `/dateline/`. */
  readonly base: string;
  /**
   * The folder of an edition's own pages (its front, lists, feeds and search): `ar/`; empty or absent
   * for the site language's edition. Articles, pictures and scripts are the same for every edition.
   */
  readonly edition?: string | undefined;
}

/** A path inside the site, with the base path in front: `sitePath(site, 'articles/x/')` → `/dateline/articles/x/`. */
export function sitePath(site: SiteAddress, path = ''): string {
  return `${site.base}${path.replace(/^\/+/, '')}`;
}

/** A path among an edition's own pages: `editionPath(arabic, 'search/')` → `/ar/search/`. */
function editionPath(site: SiteAddress, path: string): string {
  return sitePath(site, `${site.edition ?? ''}${path}`);
}

/** The front page of the site, or of an edition: `/`, `/ar/`. */
export function frontPath(site: SiteAddress): string {
  return editionPath(site, '');
}

export function articlePath(site: SiteAddress, slug: string): string {
  return sitePath(site, `articles/${slug}/`);
}

/** The absolute form of a site path, as links in previews, feeds and share buttons need it. */
export function absoluteUrl(site: SiteAddress, path: string): string {
  return new URL(path, site.url).href;
}

/** The generated preview card of an article, or of the site (`site`) for its own pages. */
export function previewPath(site: SiteAddress, name: string): string {
  return sitePath(site, `previews/${name}.jpg`);
}

export function sectionPath(site: SiteAddress, slug: string): string {
  return editionPath(site, `sections/${slug}/`);
}

export function tagPath(site: SiteAddress, slug: string): string {
  return editionPath(site, `tags/${slug}/`);
}

/** The archive, a year of it, or a month: `archive/`, `archive/2024/07/`. */
export function archivePath(site: SiteAddress, year?: string, month?: string): string {
  return editionPath(site, ['archive', year, month].filter(Boolean).join('/') + '/');
}

/** Every article, newest first, page after page: where the front page's Latest column continues. */
export function latestPath(site: SiteAddress): string {
  return editionPath(site, 'latest/');
}

export function searchPath(site: SiteAddress): string {
  return editionPath(site, 'search/');
}

/** The site's feeds, or a section's: `feed.xml` (RSS 2.0) and `atom.xml`. */
export function feedPath(site: SiteAddress, format: 'rss' | 'atom', sectionSlug?: string): string {
  const file = format === 'rss' ? 'feed.xml' : 'atom.xml';
  return editionPath(site, sectionSlug ? `sections/${sectionSlug}/${file}` : file);
}

/** A site page (About, a policy) from content/pages/: `about/`. */
export function sitePagePath(site: SiteAddress, slug: string): string {
  return sitePath(site, `${slug}/`);
}

/** An author's page, with the bio and the author's articles: `authors/maya-rahal/`. */
export function authorPath(site: SiteAddress, slug: string): string {
  return sitePath(site, `authors/${slug}/`);
}

/** The site-wide log of corrections: `corrections/`, `corrections/2/`… (every edition's, in one list). */
export function correctionsPath(site: SiteAddress): string {
  return sitePath(site, 'corrections/');
}

/** The feeds of the corrections log: `corrections/feed.xml` (RSS 2.0) and `corrections/atom.xml`. */
export function correctionsFeedPath(site: SiteAddress, format: 'rss' | 'atom'): string {
  return sitePath(site, `corrections/${format === 'rss' ? 'feed.xml' : 'atom.xml'}`);
}

/** The web editor, where editors without git write and submit articles. */
export function editorPath(site: SiteAddress): string {
  return sitePath(site, 'admin/');
}
