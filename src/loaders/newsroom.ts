import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import { readArticleBody } from '../build/body-cache.ts';
import type { Rendered } from '../build/newsroom-files.ts';
import type { AuthorProfile } from '../lib/newsroom/authors.ts';
import type { SitePage } from '../lib/newsroom/site-pages.ts';
import { sharedContentCheck, syncAndWatch } from './articles.ts';

/**
 * The collections of the newsroom's own files: site pages (content/pages/) and author profiles
 * (content/authors/). They come from the same content check as the articles (articles.ts), run once
 * for all three collections, so `npm run check` and the build see them alike.
 */
export type StoredSitePage = SitePage & { readonly htmlKey: string };
export type StoredAuthor = AuthorProfile & { readonly htmlKey: string };

export function sitePageLoader(): Loader {
  return {
    name: 'dateline-site-pages',
    schema: z.custom<StoredSitePage>(),
    load: (context) => syncAndWatch(context, async () => store(context, (await sharedContentCheck(context)).pages)),
  };
}

export function authorLoader(): Loader {
  return {
    name: 'dateline-authors',
    schema: z.custom<StoredAuthor>(),
    load: (context) => syncAndWatch(context, async () => store(context, (await sharedContentCheck(context)).authors)),
  };
}

async function store(context: LoaderContext, files: readonly Rendered<SitePage | AuthorProfile>[]): Promise<void> {
  const root = fileURLToPath(context.config.root);
  const keep = new Set(files.map(({ item }) => item.slug));
  for (const id of context.store.keys()) {
    if (!keep.has(id)) context.store.delete(id);
  }
  for (const { item, htmlKey, localImagePaths } of files) {
    if (!htmlKey) throw new Error(`${item.file}: the content check rendered no body`);
    const data = { ...item, htmlKey };
    const entry = {
      id: item.slug,
      data: data as unknown as Record<string, unknown>,
      filePath: item.file,
      digest: context.generateDigest(JSON.stringify(data)),
    };
    if (localImagePaths.length === 0) {
      context.store.set(entry);
      continue;
    }
    // As for articles: Astro's image pipeline finds a body's pictures in the store's rendered HTML.
    const { html } = readArticleBody(root, htmlKey);
    context.store.set({ ...entry, rendered: { html, metadata: { imagePaths: [...localImagePaths] } }, assetImports: [...localImagePaths] });
  }
}
