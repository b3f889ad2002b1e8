/**
 * Every URL the site writes comes from here, so that `site` and `base` (a project path such as
 * `/dateline/` on GitHub Pages) are applied once and the same way everywhere.
 */
export interface SiteAddress {
  /** Origin without a path: `https://news.example.org`. */
  readonly url: string;
  /** Base path with leading and trailing slash: `/` or `/dateline/`. */
  readonly base: string;
}

/** A path inside the site, with the base path in front: `sitePath(site, 'articles/x/')` → `/dateline/articles/x/`. */
export function sitePath(site: SiteAddress, path = ''): string {
  return `${site.base}${path.replace(/^\/+/, '')}`;
}

export function articlePath(site: SiteAddress, slug: string): string {
  return sitePath(site, `articles/${slug}/`);
}

/** The absolute form of a site path, as links in previews, feeds and share buttons need it. */
export function absoluteUrl(site: SiteAddress, path: string): string {
  return new URL(path, site.url).href;
}

/** The generated link-preview picture of an article, or of the site (`site`) for its own pages. */
export function previewPath(site: SiteAddress, name: string): string {
  return sitePath(site, `previews/${name}.jpg`);
}
