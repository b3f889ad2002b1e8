import { describe, expect, it } from 'vitest';
import { objectKey, parseTarget, sitePath, targetUrl } from '../../../src/lib/deploy/target.ts';

describe('the target of a deploy', () => {
  it.each([
    ['s3://news', { bucket: 'news', prefix: '' }],
    ['s3://news/', { bucket: 'news', prefix: '' }],
    ['s3://news/dateline', { bucket: 'news', prefix: 'dateline/' }],
    ['s3://news/sites/dateline/', { bucket: 'news', prefix: 'sites/dateline/' }],
  ])('%s', (text, target) => {
    expect(parseTarget(text)).toEqual(target);
  });

  it.each(['news', 'https://news.s3.amazonaws.com/', 's3://', 's3:///dateline', 's3://news/a//b'])('refuses %s', (text) => {
    expect(() => parseTarget(text)).toThrow(`The target "${text}" is not a bucket address: expected s3://BUCKET or s3://BUCKET/PREFIX`);
  });

  it('puts the files of dist/ under the prefix and reads them back', () => {
    const target = parseTarget('s3://news/dateline');
    expect(objectKey(target, 'articles/a/index.html')).toBe('dateline/articles/a/index.html');
    expect(sitePath(target, 'dateline/articles/a/index.html')).toBe('articles/a/index.html');
    expect(targetUrl(target)).toBe('s3://news/dateline/');
    expect(objectKey(parseTarget('s3://news'), 'index.html')).toBe('index.html');
  });
});
