import { describe, expect, it } from 'vitest';
import { CACHE_CONTROL, UPLOAD_WAVES, fileKind, objectHeaders, type FileKind } from '../../../src/lib/deploy/file-kinds.ts';

const YEAR = 'public, max-age=31536000, immutable';
const FIVE_MINUTES = 'public, max-age=300';

describe('the headers each file of the site is stored with', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8', FIVE_MINUTES],
    ['articles/biden-withdraws/index.html', 'text/html; charset=utf-8', FIVE_MINUTES],
    ['404.html', 'text/html; charset=utf-8', FIVE_MINUTES],
    ['feed.xml', 'application/xml', FIVE_MINUTES],
    ['sections/world/atom.xml', 'application/xml', FIVE_MINUTES],
    ['sitemap-index.xml', 'application/xml', FIVE_MINUTES],
    ['robots.txt', 'text/plain; charset=utf-8', FIVE_MINUTES],
    ['_astro/Base.DqEbMQyd.css', 'text/css; charset=utf-8', YEAR],
    ['_astro/al-mawasi-diagram.gN1lFnhz_12Of8W.webp', 'image/webp', YEAR],
    ['_astro/chart.DL1pM0fm.png', 'image/png', YEAR],
    ['_astro/photo.Ab12_x.avif', 'image/avif', YEAR],
    ['pagefind/fragment/en_1f856a6.pf_fragment', 'application/octet-stream', YEAR],
    ['pagefind/2019/index/en_9339553.pf_index', 'application/octet-stream', YEAR],
    ['pagefind/filter/en_4ea3525.pf_filter', 'application/octet-stream', YEAR],
    ['pagefind/pagefind.en_683d0ab8a9.pf_meta', 'application/octet-stream', YEAR],
    ['pagefind/pagefind-entry.json', 'application/json; charset=utf-8', FIVE_MINUTES],
    ['pagefind/shards.json', 'application/json; charset=utf-8', FIVE_MINUTES],
    ['pagefind/pagefind.js', 'text/javascript; charset=utf-8', FIVE_MINUTES],
    ['pagefind/wasm.en.pagefind', 'application/octet-stream', FIVE_MINUTES],
    ['scripts/share.js', 'text/javascript; charset=utf-8', FIVE_MINUTES],
    ['previews/biden-withdraws.jpg', 'image/jpeg', 'public, max-age=3600'],
    ['logo.png', 'image/png', 'public, max-age=86400'],
    ['favicon.svg', 'image/svg+xml', 'public, max-age=86400'],
    ['LICENSE', 'application/octet-stream', FIVE_MINUTES],
  ])('%s: %s, %s', (path, contentType, cacheControl) => {
    expect(objectHeaders(path)).toEqual({ contentType, cacheControl });
  });

  it('keeps for ever only what is named by its content', () => {
    expect(fileKind('_astro/x.js')).toBe('hashed');
    // A picture the site copies from public/ keeps its name when it changes.
    expect(fileKind('images/logo.png')).toBe('media');
    expect(fileKind('pagefind-old/x.pf_fragment')).toBe('other');
  });
});

describe('the order of a deploy', () => {
  const waveOf = (path: string) => UPLOAD_WAVES.findIndex((kinds) => kinds.includes(fileKind(path)));

  it('puts every kind of file in exactly one wave', () => {
    const kinds = Object.keys(CACHE_CONTROL) as FileKind[];
    expect(UPLOAD_WAVES.flat().sort()).toEqual([...kinds].sort());
  });

  it('uploads what pages load before the pages, and the pages before the feeds and sitemaps that link to them', () => {
    const loaded = ['_astro/Base.DqEbMQyd.css', 'previews/a.jpg', 'scripts/share.js', 'pagefind/pagefind-entry.json', 'logo.png'];
    for (const path of loaded) expect(waveOf(path)).toBeLessThan(waveOf('articles/a/index.html'));
    for (const path of ['feed.xml', 'sitemap-articles-1.xml', 'robots.txt']) expect(waveOf(path)).toBeGreaterThan(waveOf('index.html'));
  });
});
