import type { Article } from '../article/article.ts';
import type { Group } from './lists.ts';

/**
 * A front page: what a newspaper puts where. The lead story gets the largest headline and its
 * picture; two to four secondary stories with pictures sit beside it; each section then shows its
 * latest stories; a "Latest" column lists the newest with their dates. No story is shown twice
 * above the Latest column, which is chronological by design.
 */
export interface Front {
  readonly lead?: Article | undefined;
  readonly secondary: readonly Article[];
  readonly sections: readonly FrontSection[];
  readonly latest: readonly Article[];
}

export interface FrontSection {
  readonly section: Pick<Group, 'slug' | 'name'>;
  readonly articles: readonly Article[];
}

export interface FrontSizes {
  /** Secondary stories at most; at least two where there are enough stories. */
  readonly secondary: number;
  /** Stories in each section's block. */
  readonly perSection: number;
  /** Stories in the Latest column. */
  readonly latest: number;
}

const FRONT_SIZES: FrontSizes = { secondary: 4, perSection: 3, latest: 8 };

/**
 * The front of the site (`sections` given) or of one section (no `sections`). `newest` is newest
 * first. The newest `featured` article leads; without one, the newest article does.
 */
export function buildFront(newest: readonly Article[], sections: readonly Group[] = [], sizes: FrontSizes = FRONT_SIZES): Front {
  const lead = newest.find((article) => article.featured) ?? newest[0];
  const others = newest.filter((article) => article !== lead);
  // Secondary stories are told with their pictures; without two pictured stories, the newest serve.
  const pictured = others.filter((article) => article.image);
  const secondary = (pictured.length >= 2 ? pictured : others).slice(0, sizes.secondary);
  const shown = new Set<Article>([...(lead ? [lead] : []), ...secondary]);
  const blocks = sections
    .map((group) => ({
      section: { slug: group.slug, name: group.name },
      articles: group.articles.filter((article) => !shown.has(article)).slice(0, sizes.perSection),
    }))
    .filter((block) => block.articles.length > 0)
    // The section with the newest story comes first, as a front page follows the news.
    .sort((a, b) => newestTime(b.articles) - newestTime(a.articles));
  return { lead, secondary, sections: blocks, latest: others.slice(0, sizes.latest) };
}

function newestTime(articles: readonly Article[]): number {
  return articles[0]?.date.instant.getTime() ?? 0;
}
