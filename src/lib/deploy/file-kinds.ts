import { contentType, lookup } from 'mime-types';

/**
 * What each file of a built site is, as object storage serves it: its Content-Type, how long browsers
 * and CDNs may keep it (Cache-Control), and when a deploy uploads it. Paths are relative to dist/, with
 * `/` between folders.
 *
 * A file whose name changes with its content can be kept for ever; every other file keeps its address
 * across builds, and a cache may serve the old copy for as long as its max-age, so that age is a
 * promise of how late a change may reach readers.
 */
export type FileKind =
  /** Named by a hash of its content: Astro's bundles and images, the parts of the search index. */
  | 'hashed'
  /** An article's link-preview picture, under a name that stays when its headline changes. */
  | 'preview-card'
  /** A picture or font from public/: same name for ever, changed only when the design changes. */
  | 'media'
  | 'page'
  /** What points readers and crawlers to pages: feeds, sitemaps, robots.txt. */
  | 'index'
  /** Everything else: unhashed scripts and styles, the search index's entry files. */
  | 'other';

export const CACHE_CONTROL: Readonly<Record<FileKind, string>> = {
  hashed: 'public, max-age=31536000, immutable',
  // Social networks keep their own copy of a card for days whatever we say; an hour here is about our
  // CDN and new shares: a corrected headline reaches new cards within the hour, and a story that is
  // shared widely still has its card served from the cache.
  'preview-card': 'public, max-age=3600',
  // A day-old logo harms nobody, and the favicon is asked for by every page.
  media: 'public, max-age=86400',
  // News changes by the minute: five minutes is as late as a correction or a new story may reach a reader.
  page: 'public, max-age=300',
  index: 'public, max-age=300',
  // Scripts and the search index's entry files go with the pages that load them, so they age alike.
  other: 'public, max-age=300',
};

/**
 * Pagefind names the parts of its index by a hash of their content (`en_1f856a6.pf_fragment`,
 * `pagefind.en_683d0ab8a9.pf_meta`), listed by an entry file (`pagefind-entry.json`) that keeps its name.
 */
const PAGEFIND_PARTS = /\.pf_(?:fragment|index|filter|meta)$/;
const MEDIA = /\.(?:png|jpe?g|gif|webp|avif|svg|ico|woff2?)$/;

export function fileKind(path: string): FileKind {
  if (path.startsWith('_astro/') || (path.startsWith('pagefind/') && PAGEFIND_PARTS.test(path))) return 'hashed';
  if (path.startsWith('previews/') && path.endsWith('.jpg')) return 'preview-card';
  if (path.endsWith('.html')) return 'page';
  if (/\.(?:xml|txt)$/.test(path)) return 'index';
  if (MEDIA.test(path)) return 'media';
  return 'other';
}

export interface ObjectHeaders {
  readonly contentType: string;
  readonly cacheControl: string;
}

/** Types from the mime-db registry, with `charset=utf-8` where the type calls for one (text, JSON, JavaScript). */
export function objectHeaders(path: string): ObjectHeaders {
  const type = lookup(path);
  return {
    // Pagefind's index parts and wasm have extensions of their own: its script reads them as bytes.
    contentType: type ? contentType(type) || type : 'application/octet-stream',
    cacheControl: CACHE_CONTROL[fileKind(path)],
  };
}

/**
 * The order of a deploy, so that a reader or crawler arriving mid-way never follows a link to what is not
 * there yet: first what pages load (bundles, pictures, scripts, the search index), then the pages, then
 * what links to pages (feeds, sitemaps). A new article is thus readable before any feed announces it.
 */
export const UPLOAD_WAVES: readonly (readonly FileKind[])[] = [['hashed', 'preview-card', 'media', 'other'], ['page'], ['index']];
