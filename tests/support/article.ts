import type { Article } from '../../src/lib/article/article.ts';
import type { ListPage } from '../../src/lib/site/paging.ts';

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
    corrections: [],
    featured: false,
    kind: 'news',
    lang: 'en',
    dir: 'ltr',
    status: 'published',
    readingMinutes: 1,
    ...overrides,
  };
}

/** A page of a list as a list route hands it to its page (paging.ts): its articles and where it sits. */
export function aListPage(data: readonly Article[], number?: number, current = '/'): ListPage<Article> {
  return { data, number, url: { current } };
}
