/**
 * Values worked out once per build and shared by every page, feed and sitemap that asks: the site
 * index, the news sitemap's articles, the feeds' bodies. The dev server's content changes while it
 * runs, so there each call works its value out afresh: no page ever shows what an earlier request saw.
 * Every such value in src/data/ goes through here, so none can be forgotten by the dev server.
 */
export function perBuild<T>(compute: () => T): () => T {
  let kept: { value: T } | undefined;
  return () => {
    if (import.meta.env.DEV) return compute();
    kept ??= { value: compute() };
    return kept.value;
  };
}

/** `perBuild` for a value per key, such as each article's body for the feeds. */
export function perBuildByKey<T>(compute: (key: string) => T): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    if (import.meta.env.DEV) return compute(key);
    if (!kept.has(key)) kept.set(key, compute(key));
    return kept.get(key) as T;
  };
}
