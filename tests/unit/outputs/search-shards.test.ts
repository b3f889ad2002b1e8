import { describe, expect, it } from 'vitest';
import { indexedArticle, searchRecord, searchShards, shardKey, type IndexedArticle } from '../../../src/lib/outputs/search-shards.ts';
import { anArticle } from '../../support/article.ts';

function article(slug: string, year: number, fields: Partial<IndexedArticle> = {}): IndexedArticle {
  return {
    slug,
    title: `Title ${slug}`,
    summary: `Summary ${slug}`,
    section: 'World',
    tags: ['talks'],
    lang: 'en',
    htmlKey: `h-${slug}`,
    year,
    dateline: 'GAZA',
    published: { iso: `${year}-07-14T11:20:00+03:00`, text: `14 July ${year}` },
    ...fields,
  };
}

/** Articles per year, newest first as the manifest lists them. */
function archive(perYear: Record<number, number>): IndexedArticle[] {
  return Object.entries(perYear)
    .sort(([a], [b]) => Number(b) - Number(a))
    .flatMap(([year, count]) => Array.from({ length: count }, (_, index) => article(`${year}-${index}`, Number(year))));
}

const ids = (shards: ReturnType<typeof searchShards>) => shards.map((shard) => [shard.id, shard.articles.length]);

describe('the parts of the search index', () => {
  it('put whole years together, oldest first, until a part holds at least the given number', () => {
    const published = archive({ 2015: 3, 2016: 1, 2017: 2, 2018: 5, 2019: 1 });
    expect(ids(searchShards(published, 4))).toEqual([
      ['2015', 4],
      ['2017', 7],
      ['2019', 1],
    ]);
    expect(ids(searchShards(published, 1))).toEqual([
      ['2015', 3],
      ['2016', 1],
      ['2017', 2],
      ['2018', 5],
      ['2019', 1],
    ]);
    expect(ids(searchShards(published, 1000))).toEqual([['2015', 12]]);
  });

  it('hold every article exactly once, in the order of the manifest', () => {
    const published = [article('b', 2020), article('a', 2018), article('c', 2020), article('d', 2018)];
    const shards = searchShards(published, 1);
    expect(shards.map((shard) => shard.articles.map(({ slug }) => slug))).toEqual([
      ['a', 'd'],
      ['b', 'c'],
    ]);
    expect(shards.flatMap((shard) => shard.articles).length).toBe(published.length);
  });

  it('keep the older parts as they are when new articles arrive', () => {
    const before = searchShards(archive({ 2015: 3, 2016: 2, 2017: 1, 2018: 1 }), 3);
    const after = searchShards(archive({ 2015: 3, 2016: 2, 2017: 1, 2018: 3, 2019: 2 }), 3);
    expect(ids(before)).toEqual([
      ['2015', 3],
      ['2016', 3],
      ['2018', 1],
    ]);
    expect(ids(after)).toEqual([
      ['2015', 3],
      ['2016', 3],
      ['2018', 3],
      ['2019', 2],
    ]);
    expect(after.slice(0, 2)).toEqual(before.slice(0, 2));
  });

  it('make one empty part for a site with nothing published, and refuse a size below one', () => {
    expect(searchShards([], 10)).toEqual([{ id: 'empty', articles: [] }]);
    expect(() => searchShards([], 0)).toThrow('A search index part holds at least one article; got 0');
    expect(() => searchShards([], 2.5)).toThrow(RangeError);
  });
});

describe('the name of a built part', () => {
  const shard = searchShards(archive({ 2020: 3 }), 10)[0]!;

  it('stays the same for the same articles, pipeline and language', () => {
    expect(shardKey(shard, 'pipe', 'en')).toBe(shardKey({ ...shard, articles: [...shard.articles] }, 'pipe', 'en'));
    expect(shardKey(shard, 'pipe', 'en')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('changes with anything an indexed record depends on', () => {
    const key = shardKey(shard, 'pipe', 'en');
    const changed = (change: Partial<IndexedArticle>) =>
      shardKey({ ...shard, articles: [{ ...shard.articles[0]!, ...change }, ...shard.articles.slice(1)] }, 'pipe', 'en');
    for (const change of [
      { slug: 'moved' },
      { title: 'New' },
      { summary: 'New' },
      { section: 'Health' },
      { tags: ['aid'] },
      { htmlKey: 'edited' },
      { dateline: 'RAFAH' },
      { published: { iso: '2020-07-15T11:20:00+03:00', text: '15 July 2020' } },
    ]) {
      expect(changed(change), JSON.stringify(change)).not.toBe(key);
    }
    expect(shardKey({ ...shard, articles: [...shard.articles].reverse() }, 'pipe', 'en')).not.toBe(key);
    expect(shardKey(shard, 'other pipeline', 'en')).not.toBe(key);
    expect(shardKey(shard, 'pipe', 'ar')).not.toBe(key);
  });

  it('does not change with what the index does not hold (the preview card)', () => {
    const key = shardKey(shard, 'pipe', 'en');
    expect(shardKey({ ...shard, articles: shard.articles.map((entry) => ({ ...entry, previewKey: 'other' })) }, 'pipe', 'en')).toBe(key);
  });
});

describe('a search record', () => {
  it('holds headline, standfirst and body, the title for display, and section and tags as filters', () => {
    expect(searchRecord(article('a', 2020, { tags: ['talks', 'aid'] }), 'Body words.', '/articles/a/', 'en')).toEqual({
      url: '/articles/a/',
      content: 'Title a\nSummary a\nBody words.',
      language: 'en',
      meta: { title: 'Title a', dateline: 'GAZA', date: '14 July 2020', datetime: '2020-07-14T11:20:00+03:00' },
      filters: { section: ['World'], tag: ['talks', 'aid'] },
    });
  });

  it('leaves an empty line for an article without a standfirst', () => {
    expect(searchRecord(article('a', 2020, { summary: undefined }), 'Body.', '/articles/a/', 'en').content).toBe('Title a\n\nBody.');
  });

  it('are made from the article with its dates in the site zone and its language', () => {
    // 22:30 UTC on 13 July is already 14 July in Gaza.
    const article = anArticle({
      lang: 'ar',
      dir: 'rtl',
      dateline: 'غزة',
      date: { instant: new Date('2024-07-13T22:30:00Z'), hasTime: true },
    });
    expect(indexedArticle(article, 'h', 'Asia/Gaza')).toMatchObject({
      slug: 'gaza-talks',
      dateline: 'غزة',
      htmlKey: 'h',
      year: 2024,
      published: { iso: '2024-07-14T01:30:00+03:00', text: '14 يوليو 2024' },
    });
  });
});
