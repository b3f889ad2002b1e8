import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** docs/deploy-s3.yml, the workflow the README offers for publishing to a bucket: one a person can copy as it is. */
const source = readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'deploy-s3.yml'), 'utf8');

interface Step {
  name?: string;
  run?: string;
  env?: Record<string, string>;
}
const workflow = parse(source) as {
  concurrency: { 'cancel-in-progress': boolean };
  jobs: Record<string, { needs?: string; if?: string; env?: unknown; steps: Step[] }>;
};

describe('the example workflow for object storage', () => {
  it("passes GitHub's workflow schema", () => {
    expect(validateWorkflow(source).errors).toEqual([]);
  });

  it('publishes after the check passed, never for a pull request, one deploy at a time', () => {
    expect(workflow.jobs['publish']).toMatchObject({ needs: 'check', if: "github.event_name != 'pull_request'" });
    expect(workflow.concurrency['cancel-in-progress']).toBe(false);
  });

  it('builds, then deploys with npm run deploy, and hands the keys to that step alone', () => {
    const steps = workflow.jobs['publish']?.steps ?? [];
    const build = steps.findIndex((step) => step.run === 'npm run build');
    const deploy = steps.findIndex((step) => step.run?.startsWith('npm run deploy -- '));
    expect(build).toBeGreaterThan(-1);
    expect(deploy).toBeGreaterThan(build);
    const holding = Object.values(workflow.jobs).flatMap((job) =>
      [job.env, ...job.steps.map((step) => step.env)].filter((env) => JSON.stringify(env ?? {}).includes('secrets.')),
    );
    expect(holding).toEqual([steps[deploy]?.env]);
  });
});
