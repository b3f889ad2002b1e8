/**
 * `npm run editor`: the web editor on an editor's own machine, without GitHub. Starts decap-server,
 * which lets the editor at /admin/ commit to this repository (each article on its own `cms/…` branch
 * until it is published, as pull requests on GitHub), and the dev server, which shows the result.
 * The same pair drives the editor's browser test (tests/browser/editor.test.ts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');
if (!existsSync(join(root, '.git'))) {
  process.stderr.write(`${root} is not a git repository; the editor commits to one. Run npm run editor in a clone of the site.\n`);
  process.exit(2);
}
// The address the editor's configuration looks for (src/data/editor.ts).
const proxy = new URL(process.env['DATELINE_EDITOR_LOCAL_URL'] || 'http://127.0.0.1:8081/api/v1');
const require = createRequire(import.meta.url);

const children: ChildProcess[] = [
  spawn(process.execPath, [join(dirname(require.resolve('decap-server/package.json')), 'dist', 'index.js')], {
    cwd: root,
    env: { ...process.env, MODE: 'git', PORT: proxy.port || '80', GIT_REPO_DIRECTORY: root },
    stdio: 'inherit',
  }),
  spawn(
    process.execPath,
    [join(dirname(require.resolve('astro/package.json')), 'bin', 'astro.mjs'), 'dev', '--host', '127.0.0.1', ...process.argv.slice(2)],
    {
      cwd: root,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: 'inherit',
    },
  ),
];
process.stdout.write('The editor is at /admin/ on the dev server below (http://127.0.0.1:4321/admin/ unless the port is taken).\n');
// Either one stopping (or Ctrl-C) stops both.
const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
  for (const child of children) if (child.exitCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(signal));
for (const child of children) child.on('exit', (code) => ((process.exitCode ||= code ?? 0), stop()));
