import { posix } from 'node:path';
import { closestMatch } from './problems.ts';

/** The names of the files in a folder, given from the project root; none when it does not exist. */
export type ListFolder = (folder: string) => readonly string[];

const IMAGE_EXTENSIONS = new Set(['.avif', '.gif', '.jpeg', '.jpg', '.png', '.webp']);

/**
 * The image file whose name is nearest to a missing one, for "did you mean" hints: a wrong extension
 * (`hostages-chart.jpg` for `hostages-chart.png`), a letter case the build server tells apart when the
 * editor's laptop did not (`Chart.PNG`), a typo. It looks in the folder the path names, the article's
 * folder and the article's `images/` folder, all inside `contentDir`, and gives a path relative to the
 * article; none when no name is near enough to be the one meant (the nearness of schema.ts's field names).
 */
export function nearestImage(
  missing: string,
  articleFile: string,
  rules: { contentDir: string; listFolder?: ListFolder | undefined },
): string | undefined {
  if (!rules.listFolder) return undefined;
  const articleFolder = posix.dirname(articleFile);
  const images: { path: string; name: string }[] = [];
  for (const folder of new Set([posix.dirname(missing), articleFolder, posix.join(articleFolder, 'images')])) {
    if (folder !== rules.contentDir && !folder.startsWith(`${rules.contentDir}/`)) continue;
    for (const name of rules.listFolder(folder)) {
      if (IMAGE_EXTENSIONS.has(posix.extname(name).toLowerCase())) images.push({ path: posix.join(folder, name), name });
    }
  }
  const best = closestMatch(posix.basename(missing), images, (image) => image.name);
  if (!best || best.path === missing) return undefined;
  const relative = posix.relative(articleFolder, best.path);
  return relative.startsWith('../') ? relative : `./${relative}`;
}
