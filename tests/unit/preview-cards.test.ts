import { mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { articleCard, cachedPreview, ensurePreview, previewFile, siteCard } from '../../src/lib/preview-cards.ts';
import { previewKey } from '../../src/lib/preview-image.ts';
import { anArticle } from '../support/article.ts';

let cache: string;
beforeEach(async () => {
  cache = await mkdtemp(join(tmpdir(), 'dateline-cards-'));
});
afterEach(() => rm(cache, { recursive: true, force: true }));

const site = { name: 'Dateline', timeZone: 'Asia/Gaza', lang: 'en', url: 'https://news.example.org', description: 'News.' };

describe('preview cards', () => {
  it('show the headline, dateline and date in the site time zone, and the lead image behind', () => {
    // 22:30 UTC on 13 July is already 14 July in Gaza.
    const article = anArticle({ date: { instant: new Date('2024-07-13T22:30:00Z'), hasTime: true }, image: { file: 'content/images/x.jpg', alt: 'X' } });
    expect(articleCard(article, site, '/site')).toEqual({
      headline: 'Gaza talks',
      kicker: 'GAZA · 14 July 2024',
      siteName: 'Dateline',
      dir: 'ltr',
      background: '/site/content/images/x.jpg',
    });
  });

  it('write the kicker in the article language and direction', () => {
    const card = articleCard(anArticle({ lang: 'ar', dir: 'rtl', dateline: 'غزة' }), site, '/site');
    expect(card.dir).toBe('rtl');
    expect(card.kicker.startsWith('غزة · ')).toBe(true);
  });

  it('give the site its own card', () => {
    expect(siteCard(site)).toEqual({ headline: 'News.', kicker: 'news.example.org', siteName: 'Dateline', dir: 'ltr' });
  });

  it('are drawn once into the cache, named by their key', async () => {
    const card = articleCard(anArticle(), site, '/site');
    const key = await ensurePreview(card, cache);
    expect(key).toBe(await previewKey(card));
    const drawn = await stat(previewFile(cache, key));
    expect(await ensurePreview(card, cache)).toBe(key);
    expect((await stat(previewFile(cache, key))).mtimeMs).toBe(drawn.mtimeMs);
  });
  it('are read from the cache once drawn', async () => {
    const card = articleCard(anArticle(), site, '/site');
    const first = await cachedPreview(card, cache);
    const files = await readdir(cache);
    expect(files).toEqual([`${await previewKey(card)}.jpg`]);
    // A marker in the cached file proves the second call reads it instead of drawing again.
    await writeFile(join(cache, files[0]!), 'cached');
    expect((await cachedPreview(card, cache)).toString()).toBe('cached');
    expect(first.byteLength).toBeGreaterThan(1000);
  });
});
