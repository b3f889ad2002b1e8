// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { SYNTAX_HIGHLIGHT, markdownOptions } from './src/lib/markdown/pipeline.ts';
import { dateline } from './src/integration/dateline.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  output: 'static',
  // Everything kept between builds lives under .cache/ (see src/build/cache.ts): Astro's content store
  // and optimised images too, per project, so that copies sharing node_modules never share a cache.
  cacheDir: './.cache/astro',
  integrations: [dateline()],
  trailingSlash: 'always',
  // Stylesheets stay files: the Content Security Policy allows no inline style.
  // Several pages at once: while one waits on the disk (an incremental build mostly copies pages
  // back from .cache/astro/), another renders.
  build: { format: 'directory', inlineStylesheets: 'never', concurrency: 8 },
  // Readers' browsers must never reach another host, so Astro's dev toolbar and telemetry stay off.
  devToolbar: { enabled: false },
  // Pages whose content and code are unchanged since the last build are copied from .cache/astro/
  // instead of rendered (their keys: src/lib/site/page-keys.ts).
  experimental: { incrementalBuild: true },
  // Builds into the previous dist/ instead of an emptied one: unchanged pages stay where they are, and
  // what this build did not write is removed at its end (src/integration/dateline.ts, src/build/stale-files.ts).
  // Only if the previous build finished: else dist/ is emptied first (src/build/unfinished-build.ts).
  vite: { build: { emptyOutDir: false } },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: SYNTAX_HIGHLIGHT,
  },
});
