import { describe, expect, it } from 'vitest';
import { absoluteUrl, articlePath, previewPath, sitePath } from '../../../src/lib/site/urls.ts';

const root = { url: 'https://news.example.org', base: '/' };
const project = { url: 'https://example.github.io', base: '/dateline/' };

describe('URLs', () => {
  it('puts the base path in front of every site path', () => {
    expect(sitePath(root)).toBe('/');
    expect(sitePath(project)).toBe('/dateline/');
    expect(sitePath(project, '/about/')).toBe('/dateline/about/');
  });

  it('builds article paths as /articles/<slug>/ under the base', () => {
    expect(articlePath(root, 'gaza-talks')).toBe('/articles/gaza-talks/');
    expect(articlePath(project, 'gaza-talks')).toBe('/dateline/articles/gaza-talks/');
  });

  it('puts preview cards under previews/', () => {
    expect(previewPath(project, 'gaza-talks')).toBe('/dateline/previews/gaza-talks.jpg');
  });

  it('makes absolute URLs on the site origin', () => {
    expect(absoluteUrl(project, articlePath(project, 'gaza-talks'))).toBe('https://example.github.io/dateline/articles/gaza-talks/');
  });
});
