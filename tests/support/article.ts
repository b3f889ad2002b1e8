import type { Article } from '../../src/lib/article/article.ts';
import type { ListPage } from '../../src/lib/site/page-keys.ts';

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

/** A page of a list as Astro's paginate() hands it to a page: its articles and where it sits. */
export function aListPage(data: readonly Article[], currentPage = 1, lastPage = 1, current = '/'): ListPage {
  return {
    data,
    start: 0,
    end: data.length - 1,
    total: data.length,
    currentPage,
    size: 20,
    lastPage,
    url: { current, prev: undefined, next: undefined },
  };
}
