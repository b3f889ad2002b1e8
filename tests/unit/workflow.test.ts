import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The publishing workflow: valid for GitHub, and wired so that only a passing, built site is published. */
const source = readFileSync(join(import.meta.dirname, '..', '..', '.github', 'workflows', 'site.yml'), 'utf8');

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
  outputs?: Record<string, string>;
  permissions?: Record<string, string>;
  steps: Step[];
}
const workflow = parse(source) as { on: Record<string, unknown>; jobs: Record<string, Job> };
const job = (name: string): Job => workflow.jobs[name] ?? { steps: [] };
const runs = (name: string) =>
  job(name)
    .steps.map((step) => step.run)
    .filter(Boolean);
const uses = (name: string) =>
  job(name)
    .steps.map((step) => step.uses?.split('@')[0])
    .filter(Boolean);
const step = (name: string, found: (step: Step) => boolean): Step => {
  const match = job(name).steps.find(found);
  if (!match) throw new Error(`no such step in the ${name} job`);
  return match;
};
const usesAction = (action: string) => (step: Step) => step.uses?.split('@')[0] === action;
const withId = (id: string) => (step: Step) => step.id === id;
const running = (command: string) => (step: Step) => step.run === command;
/** Whether the steps that `found` pick are all there, in this order. */
const inOrder = (name: string, ...found: ((step: Step) => boolean)[]) => {
  const positions = found.map((each) => job(name).steps.findIndex(each));
  return !positions.includes(-1) && positions.every((position, index) => index === 0 || position > (positions[index - 1] ?? 0));
};

/**
 * The newest major version of each action (read from the actions' tags: checkout and setup-node v4
 * ran on a Node that GitHub retired). A newer major is a reason to update this list, after reading
 * the action's notes on what it breaks.
 */
const CURRENT_MAJORS: Record<string, string> = {
  'actions/checkout': 'v7',
  'actions/setup-node': 'v7',
  'actions/cache/restore': 'v5',
  'actions/cache/save': 'v5',
  'actions/configure-pages': 'v5',
  'actions/upload-pages-artifact': 'v5',
  'actions/deploy-pages': 'v5',
};

describe('the GitHub Actions workflow', () => {
  it("passes GitHub's workflow schema", () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('runs on pull requests, on pushes to main, hourly for scheduled articles, and by hand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
    expect(workflow.on['schedule']).toEqual([{ cron: '7 * * * *' }]);
  });

  it('uses the current major version of every action', () => {
    const used = Object.values(workflow.jobs).flatMap((each) => each.steps.flatMap((each) => each.uses ?? []));
    expect(used.length).toBeGreaterThan(0);
    for (const reference of used) {
      const [action = '', version] = reference.split('@');
      expect(`${action}@${version}`).toBe(`${action}@${CURRENT_MAJORS[action] ?? 'an action this test knows'}`);
    }
  });

  it('checks the articles and runs the tests on every pull request', () => {
    expect(runs('check')).toEqual([
      'npm ci',
      'npm run check',
      'npm test',
      'npm run due -- --since-file .published/built-at --github-output',
    ]);
    expect(job('check').if).toBeUndefined();
    expect(step('check', running('npm test')).if).toBe("github.event_name != 'schedule'");
  });

  it('builds only after the check passed, and never for a pull request', () => {
    expect(job('build').needs).toBe('check');
    expect(job('build').if).toMatch(/^github\.event_name != 'pull_request' && /);
    expect(runs('build')).toEqual(expect.arrayContaining(['npm ci', 'npm run build']));
    expect(uses('build')).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/cache/restore',
      'actions/cache/save',
      'actions/upload-pages-artifact',
    ]);
    const build = step('build', running('npm run build'));
    expect(Object.keys(build.env ?? {})).toEqual([
      'DATELINE_SITE',
      'DATELINE_BASE',
      'DATELINE_EDIT_URL',
      'DATELINE_EDITOR_REPO',
      'DATELINE_EDITOR_BRANCH',
      'DATELINE_EDITOR_AUTH_URL',
    ]);
    // The web editor commits to the repository the site is built from.
    expect(build.env?.['DATELINE_EDITOR_REPO']).toBe('${{ github.repository }}');
  });

  it('restores the newest build cache by prefix, and saves it only when the build changed what it holds', () => {
    const restore = step('build', usesAction('actions/cache/restore'));
    expect(restore.with).toEqual({ path: '.cache', key: 'dateline-cache-', 'restore-keys': 'dateline-cache-' });
    const fingerprint = step('build', withId('fingerprint'));
    expect(fingerprint.run).toContain('sha256sum');
    expect(fingerprint.run).toContain('echo "key=dateline-cache-$digest" >> "$GITHUB_OUTPUT"');
    const save = step('build', usesAction('actions/cache/save'));
    expect(save.with).toEqual({ path: '.cache', key: '${{ steps.fingerprint.outputs.key }}' });
    expect(save.if).toBe(`steps.fingerprint.outputs.key != steps.${restore.id}.outputs.cache-matched-key`);
    // What the build reads is restored before it; what it wrote is hashed and saved after it.
    expect(
      inOrder(
        'build',
        usesAction('actions/cache/restore'),
        running('npm run build'),
        withId('fingerprint'),
        usesAction('actions/cache/save'),
      ),
    ).toBe(true);
  });

  it('builds on the hourly run only when an article went live since the last published build', () => {
    // The check job asks npm run due on the hourly run alone; pushes and manual runs leave "due" empty and build.
    expect(job('check').outputs).toEqual({ due: '${{ steps.due.outputs.due }}' });
    const due = step('check', withId('due'));
    expect(due.if).toBe("github.event_name == 'schedule'");
    expect(due.run).toBe('npm run due -- --since-file .published/built-at --github-output');
    const record = step('check', usesAction('actions/cache/restore'));
    expect(record.if).toBe("github.event_name == 'schedule'");
    expect(record.with).toEqual({ path: '.published', key: 'dateline-published-', 'restore-keys': 'dateline-published-' });
    expect(inOrder('check', usesAction('actions/cache/restore'), withId('due'))).toBe(true);
    expect(job('build').if).toBe("github.event_name != 'pull_request' && needs.check.outputs.due != 'false'");

    // The time noted before the build is kept only once the build is published.
    expect(step('build', withId('clock')).run).toBe('echo "built-at=$(date -u +%Y-%m-%dT%H:%M:%SZ)" >> "$GITHUB_OUTPUT"');
    expect(inOrder('build', withId('clock'), running('npm run build'))).toBe(true);
    expect(job('build').outputs).toEqual({ 'built-at': '${{ steps.clock.outputs.built-at }}' });
    const note = running('mkdir -p .published && echo "$BUILT_AT" > .published/built-at');
    expect(step('deploy', note).env).toEqual({ BUILT_AT: '${{ needs.build.outputs.built-at }}' });
    const keep = step('deploy', usesAction('actions/cache/save'));
    expect(keep.with).toEqual({ path: '.published', key: 'dateline-published-${{ github.run_id }}-${{ github.run_attempt }}' });
    expect(inOrder('deploy', usesAction('actions/deploy-pages'), note, usesAction('actions/cache/save'))).toBe(true);
  });

  it('publishes with deploy-pages only what the build job uploaded', () => {
    expect(job('deploy').needs).toBe('build');
    expect(uses('deploy')).toEqual(['actions/deploy-pages', 'actions/cache/save']);
    expect(job('deploy').permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
