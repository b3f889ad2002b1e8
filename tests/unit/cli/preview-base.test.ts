import { describe, expect, it } from 'vitest';
import { baseOfBuild } from '../../../src/cli/preview-base.ts';
import { robotsTxt } from '../../../src/lib/outputs/sitemaps.ts';

describe('the base path of a build, told by its robots.txt', () => {
  it('is the folder of the sitemap index, for a build at the root and under a path', () => {
    expect(baseOfBuild(robotsTxt(['https://dateline.example.org/sitemap-index.xml']))).toBe('/');
    expect(baseOfBuild(robotsTxt(['https://example.github.io/dateline/sitemap-index.xml']))).toBe('/dateline/');
  });

  it('is read from the index, not from the news sitemap named beside it', () => {
    const robots = robotsTxt(['https://example.github.io/a/b/sitemap-news.xml', 'https://example.github.io/a/b/sitemap-index.xml']);
    expect(baseOfBuild(robots)).toBe('/a/b/');
    expect(baseOfBuild('User-agent: *\r\nsitemap:  https://example.github.io/news/sitemap-index.xml  \r\n')).toBe('/news/');
  });

  it('is unknown when robots.txt names no sitemap index', () => {
    expect(baseOfBuild('User-agent: *\nAllow: /\n')).toBeUndefined();
    expect(baseOfBuild('Sitemap: /sitemap-index.xml\nSitemap: https://example.org/sitemap-news.xml\n')).toBeUndefined();
  });
});
