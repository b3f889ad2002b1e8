/**
 * How a long list (the latest articles, a section, a tag, a month, an author's articles, the
 * corrections log) is cut into pages that stay put as it grows. Pages are counted from the oldest
 * item: page 1 holds the oldest `pageSize`, page 2 the next ones, and so on. The list's first page
 * (its address without a number) shows the newest: the items of no numbered page yet, with the
 * newest full group, so between `pageSize` and 2 × `pageSize` − 1 of them (all of them in a shorter
 * list). A new item then changes the first page alone, and every `pageSize` items one numbered page
 * appears (and the page before it gains its link). A deploy uploads the pages that changed, not the
 * whole list again, and a link to a numbered page shows the same items for good.
 */
export interface ListPage<Item> {
  /** Newest first. */
  readonly data: readonly Item[];
  /** The number in the page's address, counted from the oldest page; none on the list's first page. */
  readonly number?: number | undefined;
  /** The page's address; `prev` is the newer page, `next` the older one, as `rel=prev/next` reads them. */
  readonly url: { readonly current: string; readonly prev?: string | undefined; readonly next?: string | undefined };
}

/** How many numbered pages a list of `items` has besides its first page. */
function numberedPageCount(items: number, pageSize: number): number {
  return Math.max(0, Math.floor(items / pageSize) - 1);
}

/** The address of a page of the list at `listPath` (which ends in `/`): the list's own for its first page. */
function listPagePath(listPath: string, number?: number): string {
  return number === undefined ? listPath : `${listPath}${number}/`;
}

/** Every page of a list, its first page first, then the numbered pages going back in time. */
export function stablePages<Item>(newest: readonly Item[], pageSize: number, listPath: string): ListPage<Item>[] {
  const numbered = numberedPageCount(newest.length, pageSize);
  const first: ListPage<Item> = {
    data: newest.slice(0, newest.length - numbered * pageSize),
    url: { current: listPath, next: numbered > 0 ? listPagePath(listPath, numbered) : undefined },
  };
  const older = Array.from({ length: numbered }, (_, index): ListPage<Item> => {
    const number = numbered - index;
    const end = newest.length - (number - 1) * pageSize;
    return {
      data: newest.slice(end - pageSize, end),
      number,
      url: {
        current: listPagePath(listPath, number),
        prev: listPagePath(listPath, number === numbered ? undefined : number + 1),
        next: number > 1 ? listPagePath(listPath, number - 1) : undefined,
      },
    };
  });
  return [first, ...older];
}

/** The addresses of every page of a list of `items`, as stablePages makes them: for the sitemaps. */
export function stablePagePaths(listPath: string, items: number, pageSize: number): string[] {
  const numbered = numberedPageCount(items, pageSize);
  return [listPath, ...Array.from({ length: numbered }, (_, index) => listPagePath(listPath, numbered - index))];
}
