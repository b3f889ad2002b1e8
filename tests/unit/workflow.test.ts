import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The publishing workflow: valid for GitHub, and wired so that only a passing, built site is published. */
const source = readFileSync(join(import.meta.dirname, '..', '..', '.github', 'workflows', 'site.yml'), 'utf8');

interface Step {
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string;
  if?: string;
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

describe('the GitHub Actions workflow', () => {
  it("passes GitHub's workflow schema", () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('runs on pull requests, on pushes to main, hourly for scheduled articles, and by hand', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'schedule', 'workflow_dispatch']);
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
    expect(workflow.on['schedule']).toEqual([{ cron: '7 * * * *' }]);
  });

  it('checks the articles and runs the tests on every pull request', () => {
    expect(runs('check')).toEqual(['npm ci', 'npm run check', 'npm test']);
    expect(job('check').if).toBeUndefined();
  });

  it('builds only after the check passed, and never for a pull request', () => {
    expect(job('build').needs).toBe('check');
    expect(job('build').if).toBe("github.event_name != 'pull_request'");
    expect(runs('build')).toEqual(['npm ci', 'npm run build']);
    expect(uses('build')).toEqual([
      'actions/checkout',
      'actions/setup-node',
      'actions/configure-pages',
      'actions/cache',
      'actions/upload-pages-artifact',
    ]);
    const build = job('build').steps.find((step) => step.run === 'npm run build');
    expect(Object.keys(build?.env ?? {})).toEqual(['DATELINE_SITE', 'DATELINE_BASE', 'DATELINE_EDIT_URL']);
    expect(job('build').steps.find((step) => step.uses?.startsWith('actions/cache'))?.with?.['path']).toBe('.cache');
  });

  it('publishes with deploy-pages only what the build job uploaded', () => {
    expect(job('deploy').needs).toBe('build');
    expect(uses('deploy')).toEqual(['actions/deploy-pages']);
    expect(job('deploy').permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });
});
