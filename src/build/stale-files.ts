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
  const removedSet = new Set(removed);
  const holding = new Set(present.filter((path) => !removedSet.has(path)).flatMap(foldersOf));
  const emptied = new Set(removed.flatMap(foldersOf).filter((folder) => !holding.has(folder)));
  return [...emptied].sort((a, b) => b.split('/').length - a.split('/').length || (a < b ? -1 : 1));
}

/** `a/b/c.html` is in `a/b` and `a`. */
function foldersOf(path: string): string[] {
  const parts = path.split('/').slice(0, -1);
  return parts.map((_, index) => parts.slice(0, index + 1).join('/'));
}
