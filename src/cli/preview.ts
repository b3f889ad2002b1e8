/**
 * `npm run preview [-- --port 8080]`: serves the last build in dist/ with `astro preview`, at the base
 * path the build was made for (preview-base.ts), whatever DATELINE_BASE says now. Other options go to
 * `astro preview` as they are.
 */
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { baseOfBuild } from './preview-base.ts';

const root = resolve(import.meta.dirname, '..', '..');
const robotsTxt = await readFile(join(root, 'dist', 'robots.txt'), 'utf8').catch(() => undefined);
const base = robotsTxt === undefined ? undefined : baseOfBuild(robotsTxt);
if (base === undefined) {
  process.stderr.write(
    robotsTxt === undefined
      ? 'There is no build to serve: dist/robots.txt is missing. Run npm run build first.\n'
      : 'dist/robots.txt names no sitemap-index.xml, so the base path of the build is unknown. Run npm run build again.\n',
  );
  process.exit(1);
}

const astro = join(dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin', 'astro.mjs');
const server = spawn(process.execPath, [astro, 'preview', '--base', base, ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
// Stopped with Ctrl-C or by a test, the server stops too, and we wait for it to let go of its port.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => (process.exitCode = code ?? 0));
