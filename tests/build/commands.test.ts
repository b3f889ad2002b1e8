import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, waitForHttp } from '../../scripts/local-server.ts';
import { buildIn, copySite } from '../support/site.ts';

/**
 * The commands as editors type them: through the npm on the PATH, in a copy of the project, so that
 * what npm itself does with a command line (it keeps options before a `--` for itself) is part of the test.
 */
interface Npm {
  readonly exitCode: number;
  readonly output: string;
}

/** A person's shell, not vitest's: none of the variables vitest or an outer `npm test` set. */
const shellEnv = (extra: Record<string, string> = {}) => ({
  PATH: process.env['PATH'] ?? '',
  HOME: process.env['HOME'] ?? tmpdir(),
  NO_COLOR: '1',
  ASTRO_TELEMETRY_DISABLED: '1',
  ...extra,
});

function npm(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Npm> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', args, { cwd, env: shellEnv(env) });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ exitCode: code ?? 1, output }));
  });
}

const filesUnder = async (dir: string) => (await readdir(dir, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile());

let site: string;
beforeAll(async () => {
  const content = await mkdtemp(join(tmpdir(), 'dateline-commands-'));
  await writeFile(
    join(content, 'border-reopens.md'),
    '---\ntitle: "Border reopens"\ndateline: "RAFAH"\ndate: 2024-07-14T11:20:00+03:00\n---\n\nThe crossing opened at dawn.\n',
  );
  site = await copySite(content);
  await rm(content, { recursive: true });
});
afterAll(() => rm(site, { recursive: true, force: true }));

describe('npm run new, typed the ways editors type it', () => {
  it('refuses options that npm kept for itself (no --), says how to call it, and writes nothing', async () => {
    const before = await filesUnder(join(site, 'content'));
    const { exitCode, output } = await npm(['run', 'new', 'Border reopens', '--dateline', 'RAFAH', '--section', 'World'], site);
    expect(exitCode).toBe(2);
    expect(output).toContain(
      'npm took --dateline and --section for its own options; put -- after "npm run new", before the headline. Nothing was written.\n' +
        'Usage: npm run new -- "Headline" [--dateline PLACE] [--section Section] [--lang ar]\n',
    );
    expect(await filesUnder(join(site, 'content'))).toEqual(before);
  });

  it('refuses an unknown option and a missing value in one line, without a stack trace, and writes nothing', async () => {
    const before = await filesUnder(join(site, 'content'));
    const unknown = await npm(['run', 'new', '--', 'Border reopens', '--datline', 'DOHA'], site);
    expect(unknown.exitCode).toBe(2);
    expect(unknown.output).toContain('Unknown option --datline (did you mean --dateline?). Nothing was written.\nUsage: npm run new --');
    const missing = await npm(['run', 'new', '--', 'Border reopens', '--section'], site);
    expect(missing.exitCode).toBe(2);
    expect(missing.output).toContain('--section needs a value after it, like --section World. Nothing was written.\nUsage: npm run new --');
    for (const { output } of [unknown, missing]) expect(output).not.toMatch(/TypeError|ERR_PARSE_ARGS|\n\s+at /);
    expect(await filesUnder(join(site, 'content'))).toEqual(before);
  });

  it('writes the draft when called with --', async () => {
    const { exitCode, output } = await npm(['run', 'new', '--', 'Border reopens again', '--dateline', 'RAFAH', '--section', 'World'], site);
    expect(exitCode, output).toBe(0);
    const file = /Wrote (content\/\S+\.md)/.exec(output)?.[1] ?? '';
    const text = await readFile(join(site, file), 'utf8');
    expect(text).toContain('title: Border reopens again\ndateline: RAFAH\n');
    expect(text).toContain('section: World\n');
    await rm(join(site, file));
  });
});

describe('npm run due', () => {
  it('answers the workflow whether an article went live since the time in its file', async () => {
    const since = join(site, 'built-at');
    const output = join(site, 'github-output');
    await writeFile(since, '2024-07-14T08:00:00Z\n');
    const due = await npm(['run', 'due', '--', '--since-file', since, '--github-output'], site, { GITHUB_OUTPUT: output });
    expect(due.output).toContain(
      '1 scheduled article went live since 2024-07-14T11:00:00+03:00: content/border-reopens.md at 2024-07-14T11:20:00+03:00; build and publish.',
    );
    await writeFile(since, '2024-07-14T08:20:00Z\n');
    const notDue = await npm(['run', 'due', '--', '--since-file', since, '--github-output'], site, { GITHUB_OUTPUT: output });
    expect(notDue.output).toContain('Nothing went live since 2024-07-14T11:20:00+03:00; nothing else is scheduled. No build needed.');
    const noRecord = await npm(['run', 'due', '--', '--since-file', join(site, 'missing'), '--github-output'], site, {
      GITHUB_OUTPUT: output,
    });
    expect(noRecord.output).toContain('No record of the last published build');
    expect([due.exitCode, notDue.exitCode, noRecord.exitCode]).toEqual([0, 0, 0]);
    expect(await readFile(output, 'utf8')).toBe('due=true\ndue=false\ndue=true\n');
  });
});

describe('npm run preview after a build under a base path', () => {
  it('serves the build at its base, as it will be published', async () => {
    const build = await buildIn(site, { DATELINE_BASE: '/dateline/' });
    expect(build.exitCode, build.output).toBe(0);
    const port = await freePort();
    // In a process group of its own, so that npm, the shell, our wrapper and astro stop together.
    const preview = spawn('npm', ['run', 'preview', '--', '--port', String(port)], {
      cwd: site,
      env: shellEnv(),
      detached: true,
      stdio: 'ignore',
    });
    const origin = `http://127.0.0.1:${port}`;
    try {
      await waitForHttp(`${origin}/dateline/`, 60_000);
      expect((await fetch(`${origin}/dateline/articles/border-reopens/`)).status).toBe(200);
      expect((await fetch(`${origin}/articles/border-reopens/`)).status).toBe(404);
    } finally {
      if (preview.pid) process.kill(-preview.pid, 'SIGTERM');
    }
  });
});
