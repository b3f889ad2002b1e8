/**
 * Which files in dist/ a build leaves behind. Dateline builds into the dist/ of the previous build
 * rather than an emptied one: Astro then leaves every unchanged page where it is instead of copying
 * it back from its cache (10,000 copies after a one-article edit), and nothing has to be deleted
 * first. What the new build did not write is then removed, so dist/ holds exactly what a build from
 * nothing would: the pages and endpoints Astro reports, the files of public/, and the folders the
 * build writes whole each time (Vite's bundles, the search index).
 *
 * Paths are relative to dist/, with `/` between folders.
 */
export function staleOutputs(present: readonly string[], written: ReadonlySet<string>, rewrittenFolders: readonly string[]): string[] {
  const inFolder = (path: string, folders: readonly string[]) => folders.some((folder) => path.startsWith(`${folder}/`));
  return present.filter((path) => !written.has(path) && !inFolder(path, rewrittenFolders) && !inFolder(path, UNTOUCHED_FOLDERS));
}

/** Never the build's: a dist/ that is also a git checkout (a gh-pages worktree) keeps its history, as Astro's own emptying keeps it. */
const UNTOUCHED_FOLDERS = ['.git'];

/** Folders that hold nothing once the stale files are gone, deepest first, so each can be removed in turn. */
export function emptiedFolders(present: readonly string[], removed: readonly string[]): string[] {
  const holding = new Set<string>();
  const removedSet = new Set(removed);
  for (const path of present) {
    if (removedSet.has(path)) continue;
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) holding.add(path.slice(0, slash));
  }
  const folders = new Set<string>();
  for (const path of removed) {
    for (let slash = path.indexOf('/'); slash !== -1; slash = path.indexOf('/', slash + 1)) {
      const folder = path.slice(0, slash);
      if (!holding.has(folder)) folders.add(folder);
    }
  }
  return [...folders].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}
