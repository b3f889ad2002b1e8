import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { z } from 'astro/zod';
import type { Rendered } from '../build/newsroom-files.ts';
import type { AuthorProfile } from '../lib/newsroom/authors.ts';
import type { SitePage } from '../lib/newsroom/site-pages.ts';
import { replaceEntries, sharedContentCheck, syncAndWatch } from './articles.ts';

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

function store(context: LoaderContext, files: readonly Rendered<SitePage | AuthorProfile>[]): Promise<void> {
  return replaceEntries(
    context,
    fileURLToPath(context.config.root),
    files.map(({ item, htmlKey, localImagePaths }) => {
      if (!htmlKey) throw new Error(`${item.file}: the content check rendered no body`);
      return { slug: item.slug, file: item.file, data: { ...item, htmlKey }, localImagePaths };
    }),
  );
}
