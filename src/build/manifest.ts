import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndexedArticle } from '../lib/outputs/search-shards.ts';
import { cacheFolder, writeAtomically } from './cache.ts';

/**
 * What the content sync of a build hands to the end of the same build (src/integration/dateline.ts): each
 * published article with the names of its rendered body and preview card in `.cache/`, from which
 * the preview cards are copied into the site and the search index is built. It is written anew
 * by every build, so deleting it is as safe as deleting any other part of `.cache/`.
 */
export interface PublishedArticle extends IndexedArticle {
  /** Name of the preview card under `.cache/previews/`. */
  readonly previewKey: string;
}

const FILE = 'published.json';

export async function writeBuildManifest(root: string, published: readonly PublishedArticle[]): Promise<void> {
  await writeAtomically(join(cacheFolder(root, 'build'), FILE), JSON.stringify(published));
}

/** Read at once (not awaited), so that its reader gets it even while Vite keeps the main thread busy. */
export function readBuildManifest(root: string): PublishedArticle[] {
  const path = join(cacheFolder(root, 'build'), FILE);
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PublishedArticle[];
  } catch (error) {
    throw new Error(`${path} is missing or unreadable: it is written by the content sync at the start of the same build`, { cause: error });
  }
}
