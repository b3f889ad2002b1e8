import { spawn, type ChildProcess } from 'node:child_process';
import { cp, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, waitForHttp } from '../../scripts/local-server.ts';

/**
 * Builds the real site (our src/, config and public/) around a content tree of the tests' choosing,
 * in a temporary copy, so tests never touch the repository's own content/, .astro/ or dist/.
 */
export const projectRoot = join(import.meta.dirname, '..', '..');
const astroBin = join(projectRoot, 'node_modules', 'astro', 'bin', 'astro.mjs');

export interface BuiltSite {
  readonly dir: string;
  readonly dist: string;
  readonly exitCode: number;
  /** stdout and stderr together, without colour codes. */
  readonly output: string;
}

export interface BuildOptions {
  /** A folder whose files become the site's content/. */
  readonly content: string;
  readonly env?: Readonly<Record<string, string>>;
}

export async function buildSite(options: BuildOptions): Promise<BuiltSite> {
  return buildIn(await copySite(options.content), options.env);
}

/** Builds a site copy again, as an editor's next build would: its .cache/ and .astro/ as they are. */
export async function buildIn(dir: string, env?: Readonly<Record<string, string>>): Promise<BuiltSite> {
  const { exitCode, output } = await run(process.execPath, [astroBin, 'build'], dir, env);
  return { dir, dist: join(dir, 'dist'), exitCode, output };
}

/** A temporary copy of the project with `content` as its content/ folder; node_modules is linked. */
export async function copySite(content: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'dateline-site-'));
  for (const entry of ['src', 'public', 'scripts', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(join(projectRoot, entry), join(dir, entry), { recursive: true });
  }
  await symlink(join(projectRoot, 'node_modules'), join(dir, 'node_modules'), 'dir');
  await mkdir(join(dir, 'content'));
  await cp(content, join(dir, 'content'), { recursive: true });
  return dir;
}

/** Runs one of our commands (src/cli/*.ts) with the project's Node, as `npm run` would. */
export function runScript(script: string, args: string[], cwd = projectRoot) {
  return run(process.execPath, [join(projectRoot, 'src', 'cli', script), ...args], cwd);
}

export async function removeSite(site: BuiltSite | undefined): Promise<void> {
  if (site) await rm(site.dir, { recursive: true, force: true });
}

/**
 * The environment of a command as a person's shell would give it: without the variables vitest sets
 * for itself (NODE_ENV, MODE, DEV, PROD…), which Vite inside the child would otherwise obey.
 */
const VITEST_VARIABLES = new Set(['NODE_ENV', 'TEST', 'MODE', 'DEV', 'PROD', 'SSR', 'BASE_URL', 'FORCE_TTY']);
function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', FORCE_COLOR: '0', ...extra };
  for (const name of Object.keys(env)) {
    if (VITEST_VARIABLES.has(name) || name.startsWith('VITEST')) delete env[name];
  }
  return env;
}

function run(command: string, args: string[], cwd: string, env: Readonly<Record<string, string>> = {}) {
  return new Promise<{ exitCode: number; output: string }>((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: childEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output: output.replace(/\x1b\[[0-9;]*m/g, '') }));
  });
}

export interface PreviewServer {
  readonly url: string;
  stop(): Promise<void>;
}

/** Serves a built site with `astro preview` on 127.0.0.1 and a free port. */
export function previewSite(site: BuiltSite): Promise<PreviewServer> {
  return serve('preview', site.dir);
}

/** Runs the dev server (`npm run dev`) on a site copy, on 127.0.0.1 and a free port. */
export function devServer(dir: string): Promise<PreviewServer> {
  return serve('dev', dir);
}

async function serve(command: 'preview' | 'dev', dir: string): Promise<PreviewServer> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [astroBin, command, '--host', '127.0.0.1', '--port', String(port)], {
    cwd: dir,
    env: childEnv(),
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHttp(url, 60_000);
  } catch (error) {
    child.kill();
    throw new Error(`astro ${command}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill();
      }),
  };
}

export interface ServedSite {
  readonly site: BuiltSite;
  readonly server: PreviewServer;
  stop(): Promise<void>;
}

/** Builds a content tree and serves it on 127.0.0.1, failing loudly if the build fails. */
export async function serveContent(content: string): Promise<ServedSite> {
  const site = await buildSite({ content });
  if (site.exitCode !== 0) {
    await removeSite(site);
    throw new Error(`site build failed:\n${site.output}`);
  }
  const server = await previewSite(site);
  return {
    site,
    server,
    stop: async () => {
      await server.stop();
      await removeSite(site);
    },
  };
}
