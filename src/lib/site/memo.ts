/**
 * Remembers what a pure function of one string returned. For the small, repeating inputs a build
 * asks about on every page (language tags, section and tag names): working them out
 * through `Intl` or transliteration each time cost seconds over a 10,000-article build.
 */
export function memoized<T>(compute: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (known.has(text)) return known.get(text) as T;
    const value = compute(text);
    known.set(text, value);
    return value;
  };
}
