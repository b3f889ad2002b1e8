import { describe, expect, it } from 'vitest';
import { parseManifest, serializeManifest, type StoredFiles } from '../../../src/lib/deploy/manifest.ts';

const HASH = 'a'.repeat(64);
const page = { sha256: HASH, contentType: 'text/html; charset=utf-8', cacheControl: 'public, max-age=300' };
const WHERE = 's3://news/.dateline-deploy.json';

describe('the deploy manifest', () => {
  it('reads back what it wrote, files of unknown content included', () => {
    const files: StoredFiles = new Map([
      ['index.html', page],
      ['articles/a/index.html', null],
    ]);
    expect(parseManifest(serializeManifest(files), WHERE)).toEqual(files);
  });

  it('writes the same text for the same files, whatever their order', () => {
    const one = new Map([
      ['b.html', page],
      ['a.html', null],
    ]);
    expect(serializeManifest(one)).toBe(serializeManifest(new Map([...one].reverse())));
  });

  it('refuses what is not JSON, naming the object and what it should be', () => {
    expect(() => parseManifest('<Error/>', WHERE)).toThrowErrorMatchingInlineSnapshot(
      `[Error: s3://news/.dateline-deploy.json is not JSON: expected the deploy manifest an earlier deploy wrote (delete it to upload every file again)]`,
    );
  });

  it('refuses a manifest of another format or with a broken entry, naming the field', () => {
    expect(() => parseManifest('{"format":2,"files":{}}', WHERE)).toThrowErrorMatchingInlineSnapshot(
      `[Error: s3://news/.dateline-deploy.json: format: Invalid input: expected 1; expected a deploy manifest of format 1 (delete it to upload every file again)]`,
    );
    expect(() => parseManifest(JSON.stringify({ format: 1, files: { 'index.html': { ...page, sha256: 'x' } } }), WHERE)).toThrow(
      `${WHERE}: files.index.html.sha256: Invalid string`,
    );
  });
});
