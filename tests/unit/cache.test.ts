import { describe, expect, it } from 'vitest';
import { CACHE_DIR, cacheFolder } from '../../src/lib/cache.ts';

describe('the build cache', () => {
  it('keeps everything under .cache/ at the project root', () => {
    expect(CACHE_DIR).toBe('.cache');
    expect(cacheFolder('/site', 'previews')).toBe('/site/.cache/previews');
  });
});
