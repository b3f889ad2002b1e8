import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readBuildManifest, writeBuildManifest, type PublishedArticle } from '../../../src/build/manifest.ts';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'dateline-manifest-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('the build manifest', () => {
  it('hands the published articles from the content sync to the end of the build', async () => {
    const published: PublishedArticle[] = [
      {
        slug: 'a',
        title: 'A',
        summary: 'S',
        section: 'World',
        tags: ['x'],
        lang: 'en',
        htmlKey: 'h1',
        previewKey: 'p1',
        year: 2024,
        dateline: 'GAZA',
        published: { iso: '2024-07-14T11:20:00+03:00', text: '14 July 2024' },
      },
      {
        slug: 'b',
        title: 'ب',
        section: 'العالم',
        tags: [],
        lang: 'ar',
        htmlKey: 'h2',
        previewKey: 'p2',
        year: 2019,
        dateline: 'غزة',
        published: { iso: '2019-01-02T10:00:00+02:00', text: '2 يناير 2019' },
      },
    ];
    await writeBuildManifest(root, published);
    expect(readBuildManifest(root)).toEqual(published);
  });

  it('names the missing file and who writes it', async () => {
    expect(() => readBuildManifest(root)).toThrow(
      `${join(root, '.cache', 'build', 'published.json')} is missing or unreadable: it is written by the content sync`,
    );
  });
});
