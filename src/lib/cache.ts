import { join } from 'node:path';

/**
 * Everything a build keeps for the next one lives under `.cache/` at the project root (git-ignored,
 * kept between runs by the deploy workflow): `previews/` for link-preview pictures, and `astro/` for
 * Astro's content store and optimised images (astro.config.mjs sets `cacheDir`). Deleting any folder
 * in it is always safe: it only means "render that again".
 */
export const CACHE_DIR = '.cache';

export function cacheFolder(root: string, name: 'previews'): string {
  return join(root, CACHE_DIR, name);
}
