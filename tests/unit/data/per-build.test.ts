import { afterEach, describe, expect, it, vi } from 'vitest';
import { perBuild, perBuildByKey } from '../../../src/data/per-build.ts';

afterEach(() => vi.unstubAllEnvs());

describe('values worked out once per build', () => {
  it('are worked out once in a build, and shared', () => {
    vi.stubEnv('DEV', false);
    let runs = 0;
    const value = perBuild(() => ++runs);
    expect([value(), value(), value()]).toEqual([1, 1, 1]);
    const byKey = perBuildByKey((key) => `${key}:${++runs}`);
    expect([byKey('a'), byKey('b'), byKey('a')]).toEqual(['a:2', 'b:3', 'a:2']);
  });

  it('are worked out afresh on every call of the dev server, whose content and clock move on', () => {
    vi.stubEnv('DEV', true);
    let runs = 0;
    const value = perBuild(() => ++runs);
    expect([value(), value()]).toEqual([1, 2]);
    const byKey = perBuildByKey((key) => `${key}:${++runs}`);
    expect([byKey('a'), byKey('a')]).toEqual(['a:3', 'a:4']);
  });
});
