/**
 * `node scripts/bench-changes.ts --articles N`: how many files of dist/ one editorial change touches,
 * which is what a deploy uploads (issue #20). Generates the same seeded archive as `npm run bench`,
 * builds it, then makes three changes one after the other, rebuilding after each and comparing every
 * file of dist/ by hash: (a) a body edit of an old article, (b) a headline edit of the newest article,
 * (c) one new article, newer than all. Prints the counts, and the changed files by kind of page.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { snapshot } from './dist-snapshot.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '2000' },
    keep: { type: 'boolean', default: false },
  },
});
const root = resolve(import.meta.dirname, '..');
const work = await mkdtemp(join(tmpdir(), 'dateline-changes-'));
const content = join(work, 'content');

for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
  await cp(join(root, entry), join(work, entry), { recursive: true });
}
await symlink(join(root, 'node_modules'), join(work, 'node_modules'), 'dir');
run([join(root, 'scripts', 'bench.ts'), '--articles', values.articles, '--articles-only', content], root);

function run(args: string[], cwd: string): void {
  const result = spawnSync(process.execPath, args, {
    cwd,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', CI: 'true' },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed:\n${result.stdout.slice(-4000)}\n${result.stderr.slice(-4000)}`);
}

// The kind of file a dist/ path is, for the breakdown: `articles/*/index.html`, `sections/*/N/index.html`.
function kindOf(path: string): string {
  const [top = '', ...rest] = path.split('/');
  if (top === 'pagefind' || rest.length === 0) return rest.length === 0 ? path : `${top}/…`;
  const last = rest.pop() ?? '';
  const name = last === 'index.html' || last.endsWith('.xml') ? last : '*';
  return [top, ...rest.map((part) => (/^\d+$/.test(part) ? 'N' : '*')), name].join('/');
}

async function buildAndCompare(change: string, before: Map<string, string>): Promise<Map<string, string>> {
  const started = Date.now();
  run([join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'], work);
  const after = await snapshot(work);
  const changed = [...after].filter(([path, hash]) => before.get(path) !== hash).map(([path]) => path);
  const removed = [...before.keys()].filter((path) => !after.has(path));
  const kinds = Map.groupBy([...changed, ...removed], kindOf);
  console.log(
    `${change}: ${changed.length} files to upload (new or changed), ${removed.length} to delete; built in ${Math.round((Date.now() - started) / 1000)} s`,
  );
  for (const [kind, paths] of [...kinds].sort((a, b) => b[1].length - a[1].length).slice(0, 20))
    console.log(`  ${String(paths.length).padStart(5)} ${kind}`);
  return after;
}

/** Every article file with its `date:` line, oldest first. */
async function articlesByDate(): Promise<{ file: string; date: string }[]> {
  const files = (await readdir(content, { recursive: true })).filter((name) => name.endsWith('.md'));
  const dated = await Promise.all(
    files.map(async (name) => {
      const text = await readFile(join(content, name), 'utf8');
      return { file: join(content, name), date: /^date: (.+)$/m.exec(text)?.[1] ?? '' };
    }),
  );
  return dated.sort((a, b) => a.date.localeCompare(b.date) || a.file.localeCompare(b.file));
}

let state = await buildAndCompare('cold build', new Map());
const dated = await articlesByDate();
const oldest = dated[0]!;
const newest = dated.at(-1)!;

await writeFile(oldest.file, `${await readFile(oldest.file, 'utf8')}\nAn added paragraph, as an editor's correction would add.\n`);
state = await buildAndCompare('(a) body edit of an old article', state);

const newestText = await readFile(newest.file, 'utf8');
await writeFile(newest.file, newestText.replace(/^title: .*$/m, 'title: A headline the editor rewrote'));
state = await buildAndCompare('(b) headline edit of the newest article', state);

// The newest article again, an hour later: same section and tags, so it lands where news lands.
const later = new Date(Date.parse(newest.date) + 3_600_000).toISOString().replace('.000Z', 'Z');
const added = newestText.replace(/^title: .*$/m, 'title: A story filed an hour later').replace(/^date: .*$/m, `date: ${later}`);
await mkdir(join(content, later.slice(0, 4), later.slice(5, 7)), { recursive: true });
await writeFile(join(content, later.slice(0, 4), later.slice(5, 7), 'filed-an-hour-later.md'), added);
state = await buildAndCompare('(c) one new article', state);

if (values.keep) console.log(`Kept ${work}`);
else await rm(work, { recursive: true, force: true });
