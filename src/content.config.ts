import { defineCollection } from 'astro:content';
import { articleLoader } from './loaders/articles.ts';
import { authorLoader, sitePageLoader } from './loaders/newsroom.ts';

export const collections = {
  articles: defineCollection({ loader: articleLoader() }),
  pages: defineCollection({ loader: sitePageLoader() }),
  authors: defineCollection({ loader: authorLoader() }),
};
