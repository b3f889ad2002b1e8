import { describe, expect, it } from 'vitest';
import { nearestImage } from '../../../src/lib/article/nearest-image.ts';

const folders: Record<string, string[]> = {
  'content/2024/07': ['hostages-chart.png', 'talks.md', 'notes.txt'],
  'content/2024/07/images': ['Map-Gaza.JPG', 'strike.webp'],
};
const rules = { contentDir: 'content', listFolder: (folder: string) => folders[folder] ?? [] };
const ARTICLE = 'content/2024/07/talks.md';

describe('nearestImage', () => {
  it('suggests the image with the nearest name, as a path from the article', () => {
    expect(nearestImage('content/2024/07/hostages-chart.jpg', ARTICLE, rules)).toBe('./hostages-chart.png');
    expect(nearestImage('content/2024/07/images/strke.webp', ARTICLE, rules)).toBe('./images/strike.webp');
    // The letter case a laptop ignores and the build server does not.
    expect(nearestImage('content/2024/07/images/map-gaza.jpg', ARTICLE, rules)).toBe('./images/Map-Gaza.JPG');
  });

  it("looks in the article's folder and its images/ folder when the path names another", () => {
    expect(nearestImage('content/2024/07/image/hostages-chart.png', ARTICLE, rules)).toBe('./hostages-chart.png');
    expect(nearestImage('content/2024/strike.webp', ARTICLE, rules)).toBe('./images/strike.webp');
  });

  it('suggests nothing far from the name, nothing but images, nothing outside content/, and nothing without a way to list', () => {
    expect(nearestImage('content/2024/07/casualties.png', ARTICLE, rules)).toBeUndefined();
    expect(nearestImage('content/2024/07/notes.png', ARTICLE, rules)).toBeUndefined();
    expect(nearestImage('content/2024/07/hostages-chart.jpg', ARTICLE, { contentDir: 'content' })).toBeUndefined();
    expect(
      nearestImage('secrets/hostages-chart.jpg', 'content/a.md', { contentDir: 'content', listFolder: () => ['hostages-chart.png'] }),
    ).toBe('./hostages-chart.png');
    expect(
      nearestImage('etc/passwd.png', 'content/a.md', {
        contentDir: 'content',
        listFolder: (folder) => (folder === 'etc' ? ['passwd.png'] : []),
      }),
    ).toBeUndefined();
  });
});
