/**
 * The base path a build in dist/ was made for. Astro's preview serves dist/ under the base of its own
 * configuration, which comes from DATELINE_BASE at the time of the preview; a build made with another
 * base then answers 404 everywhere. robots.txt names the sitemap index by its absolute address, which
 * every build writes at the root of its base (src/pages/robots.txt.ts), so the build says it itself.
 */
export function baseOfBuild(robotsTxt: string): string | undefined {
  for (const line of robotsTxt.split(/\r?\n/)) {
    const address = /^sitemap:\s*(\S+)$/i.exec(line.trim())?.[1];
    if (!address || !URL.canParse(address)) continue;
    const path = new URL(address).pathname;
    if (path.endsWith('/sitemap-index.xml')) return path.slice(0, -'sitemap-index.xml'.length);
  }
  return undefined;
}
