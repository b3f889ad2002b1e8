import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ARTICLE_KINDS, FRONT_MATTER_FIELDS, checkFrontMatter, frontMatterSchema } from '../../../src/lib/article/schema.ts';
import { AUTHOR_FIELDS } from '../../../src/lib/newsroom/authors.ts';
import { SITE_PAGE_FIELDS } from '../../../src/lib/newsroom/site-pages.ts';
import { articleFields, editorConfig, type EditorField, type EditorSite } from '../../../src/lib/editor/cms-config.ts';

const site: EditorSite = {
  name: 'Dateline',
  siteUrl: 'https://news.example.org/dateline/',
  lang: 'en',
  defaultSection: 'News',
  defaultByline: 'Dateline staff',
  sectionNames: { World: { ar: 'العالم', fr: 'Monde' }, Sport: { ar: 'رياضة' } },
  descriptions: { ar: '…' },
  timeZone: 'Asia/Gaza',
  logoUrl: '/dateline/logo.png',
};
const backend = { repo: 'newsroom/site', branch: 'main', localUrl: 'http://127.0.0.1:8081/api/v1' };

const schema = frontMatterSchema({ timeZone: site.timeZone });
const fields = articleFields(site);
const field = (name: string, list: readonly EditorField[] = fields) => {
  const found = list.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no field ${name}`);
  return found;
};
/** The keys of a zod object inside an optional (and, for lists, an array). */
const keysOf = (shape: z.ZodType): string[] => {
  let inner: z.ZodType = shape;
  while (inner instanceof z.ZodOptional || inner instanceof z.ZodArray)
    inner = (inner instanceof z.ZodOptional ? inner.unwrap() : inner.element) as z.ZodType;
  if (inner instanceof z.ZodUnion) inner = inner.options.find((option): option is z.ZodObject => option instanceof z.ZodObject)!;
  return Object.keys((inner as z.ZodObject).shape);
};

describe('the web editor’s article fields, kept in step with the format', () => {
  it('offers every field of the format, in its order, then the body', () => {
    expect(fields.map((item) => item.name)).toEqual([...FRONT_MATTER_FIELDS, 'body']);
    expect(Object.keys(schema.shape)).toEqual([...FRONT_MATTER_FIELDS]);
  });

  it('requires exactly what the schema requires', () => {
    const required = fields.filter((item) => item.required && item.name !== 'body').map((item) => item.name);
    expect(required).toEqual(FRONT_MATTER_FIELDS.filter((name) => !schema.shape[name].safeParse(undefined).success));
    expect(required).toEqual(['title', 'dateline', 'date']);
  });

  it('has the sub-fields of sources, the lead image and corrections that the schema allows', () => {
    for (const name of ['sources', 'image', 'corrections'] as const) {
      expect(field(name).fields?.map((item) => item.name)).toEqual(keysOf(schema.shape[name]));
    }
    expect(
      field('image')
        .fields?.filter((item) => item.required)
        .map((item) => item.name),
    ).toEqual(['src', 'alt']);
    expect(field('src', field('image').fields).widget).toBe('image');
  });

  it('offers the site’s sections, the kinds of piece and the site’s languages as choices', () => {
    expect(field('section').options).toEqual([
      { value: 'World', label: 'World · العالم · Monde' },
      { value: 'Sport', label: 'Sport · رياضة' },
      { value: 'News', label: 'News' },
    ]);
    expect(field('section').default).toBe('News');
    expect(field('kind').options).toEqual([...ARTICLE_KINDS]);
    expect(field('lang').options).toEqual([
      { value: 'en', label: 'English (en)' },
      { value: 'ar', label: 'العربية (ar)' },
      { value: 'fr', label: 'Français (fr)' },
    ]);
  });

  it('writes dates with their offset, in a form the format reads', () => {
    for (const date of [field('date'), field('updated'), field('date', field('corrections').fields)]) {
      expect(date.format).toBe('YYYY-MM-DDTHH:mm:ssZ');
    }
    // What that format writes (dayjs `Z` is ±HH:mm) passes the schema.
    const written = { title: 'A', dateline: 'HAIFA', date: '2026-12-02T16:20:00+02:00', updated: '2026-12-02T18:00:00+02:00' };
    expect(checkFrontMatter(written, { timeZone: site.timeZone }, () => undefined).ok).toBe(true);
  });

  it('checks the patterns the schema checks, as the editor types', () => {
    const [slugPattern] = field('slug').pattern!;
    expect(new RegExp(slugPattern).test('harbour-ferry-returns')).toBe(true);
    expect(new RegExp(slugPattern).test('Harbour ferry')).toBe(false);
    const [titlePattern] = field('title').pattern!;
    expect(new RegExp(titlePattern).test('x'.repeat(200))).toBe(true);
    expect(new RegExp(titlePattern).test('x'.repeat(201))).toBe(false);
    const [urlPattern] = field('url', field('sources').fields).pattern!;
    expect(new RegExp(urlPattern).test('https://example.org/statement')).toBe(true);
    expect(new RegExp(urlPattern).test('javascript:alert(1)')).toBe(false);
  });
});

describe('the web editor’s configuration', () => {
  const config = editorConfig(site, backend) as {
    backend: Record<string, unknown>;
    local_backend: { url: string };
    publish_mode: string;
    collections: { name: string; folder: string; path?: string; media_folder: string; public_folder: string; fields: EditorField[] }[];
  };

  it('commits to the GitHub repository through the editorial workflow, or to decap-server on the editor’s machine', () => {
    expect(config.backend).toMatchObject({ name: 'github', repo: 'newsroom/site', branch: 'main' });
    expect(config.publish_mode).toBe('editorial_workflow');
    expect(config.local_backend.url).toBe('http://127.0.0.1:8081/api/v1');
    expect(editorConfig(site, { ...backend, authUrl: 'https://auth.example.org' }).backend).toMatchObject({
      base_url: 'https://auth.example.org',
    });
  });

  it('files new articles under content/<year>/<month>/ with their pictures next to them', () => {
    const [articles, pages, authors] = config.collections;
    expect(articles).toMatchObject({ name: 'articles', folder: 'content', path: '{{year}}/{{month}}/{{slug}}' });
    for (const collection of config.collections) expect(collection).toMatchObject({ media_folder: '', public_folder: '' });
    expect(pages!.folder).toBe('content/pages');
    expect(pages!.fields.map((item) => item.name)).toEqual([...SITE_PAGE_FIELDS, 'body']);
    expect(authors!.folder).toBe('content/authors');
    expect(authors!.fields.map((item) => item.name)).toEqual([...AUTHOR_FIELDS, 'body']);
    expect(authors!.fields.filter((item) => item.required).map((item) => item.name)).toEqual(['name', 'body']);
  });
});
