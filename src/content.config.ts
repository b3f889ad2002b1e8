import { defineCollection } from 'astro:content';
import { articleLoader } from './loaders/articles.ts';

export const collections = {
  articles: defineCollection({ loader: articleLoader() }),
};
