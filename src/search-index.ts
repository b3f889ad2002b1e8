import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { close, createIndex } from 'pagefind';
import { siteConfig } from './site.config.ts';

/**
 * Full-text search on a static host: once Astro has written dist/, Pagefind indexes the article
 * pages (what `data-pagefind-body` marks, with section and tags as filters) into dist/pagefind/,
 * which the search page loads in the reader's browser. One index for every language, so that a
 * search finds Arabic and English articles alike.
 */
export function searchIndex(): AstroIntegration {
  return {
    name: 'dateline-search-index',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const site = fileURLToPath(dir);
        const response = await createIndex({ forceLanguage: new Intl.Locale(siteConfig.lang).language });
        const { index } = response;
        if (!index) throw new Error(`Pagefind could not start: ${response.errors.join('; ')}`);
        const { errors, page_count: pages } = await index.addDirectory({ path: site });
        if (errors.length > 0) throw new Error(`Pagefind could not index the site: ${errors.join('; ')}`);
        await index.writeFiles({ outputPath: join(site, 'pagefind') });
        await close();
        logger.info(`Search index written for ${pages} pages.`);
      },
    },
  };
}
