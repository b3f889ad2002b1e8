import type { Article } from '../../src/lib/article/article.ts';

/** A complete published article for tests that need the model, not a file; override what matters. */
export function anArticle(overrides: Partial<Article> = {}): Article {
  return {
    slug: 'gaza-talks',
    file: 'content/gaza-talks.md',
    title: 'Gaza talks',
    dateline: 'GAZA',
    date: { instant: new Date('2024-07-14T08:20:00Z'), hasTime: true },
    authors: ['Dateline staff'],
    section: 'World',
    tags: [],
    sources: [],
    featured: false,
    lang: 'en',
    dir: 'ltr',
    status: 'published',
    readingMinutes: 1,
    ...overrides,
  };
}
