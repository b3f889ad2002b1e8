// @ts-check
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { SYNTAX_HIGHLIGHT, markdownOptions } from './src/lib/markdown.ts';
import { searchIndex } from './src/search-index.ts';
import { siteConfig } from './src/site.config.ts';

export default defineConfig({
  site: siteConfig.url,
  base: siteConfig.base,
  output: 'static',
  integrations: [searchIndex()],
  trailingSlash: 'always',
  // Stylesheets stay files: the Content Security Policy allows no inline style.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // Readers' browsers must never reach another host, so Astro's dev toolbar and telemetry stay off.
  devToolbar: { enabled: false },
  markdown: {
    processor: unified(markdownOptions),
    syntaxHighlight: SYNTAX_HIGHLIGHT,
  },
});
