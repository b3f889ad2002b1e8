import { describe, expect, it } from 'vitest';
import { checkSitePageFile, sitePageClashes } from '../../../src/lib/newsroom/site-pages.ts';

const rules = { timeZone: 'Asia/Gaza', defaultLang: 'en' };
const file = (text: string) => new TextEncoder().encode(text);

describe('site pages', () => {
  it('reads title, summary, lang and updated, and keeps the body for the pipeline', () => {
    const result = checkSitePageFile(
      'content/pages/about.md',
      file('---\ntitle: "About us"\nsummary: "Who we are."\nlang: ar\nupdated: 2026-11-30T10:00:00+02:00\n---\n\nWe are a newsroom.\n'),
      rules,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.page).toMatchObject({ slug: 'about', title: 'About us', summary: 'Who we are.', lang: 'ar', dir: 'rtl', bodyLine: 7 });
    expect(result.page.updated?.instant.toISOString()).toBe('2026-11-30T08:00:00.000Z');
    expect(result.page.body).toContain('We are a newsroom.');
  });

  it('takes the site language when the page names none', () => {
    const result = checkSitePageFile('content/pages/contact.md', file('---\ntitle: Contact\n---\nWrite to us.\n'), rules);
    expect(result.ok && result.page.lang).toBe('en');
  });

  it('names the file, line and field of every mistake, article fields included', () => {
    const result = checkSitePageFile(
      'content/pages/ethics.md',
      file('---\ntitle: ""\ndate: 2026-01-01\nupdated: yesterday\nlang: xx-not-a-tag-at-all\n---\nText\n'),
      rules,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map(({ file: where, line, field, found }) => [where, line, field, found])).toEqual([
      ['content/pages/ethics.md', 2, 'title', 'an empty text'],
      ['content/pages/ethics.md', 3, 'date', 'a field the site page format does not have'],
      ['content/pages/ethics.md', 4, 'updated', '"yesterday"'],
      ['content/pages/ethics.md', 5, 'lang', '"xx-not-a-tag-at-all"'],
    ]);
    expect(result.problems[1]!.expected).toBe('one of title, summary, lang, updated');
  });

  it('refuses a file name that is not a slug', () => {
    const result = checkSitePageFile('content/pages/About Us.md', file('---\ntitle: About\n---\n'), rules);
    expect(!result.ok && result.problems[0]).toMatchObject({ field: 'file name', found: '"About Us"' });
  });

  it("refuses a slug that is one of the site's folders or an edition's, and two pages with one slug", () => {
    const problems = sitePageClashes(
      [
        { slug: 'archive', file: 'content/pages/archive.md' },
        { slug: 'ar', file: 'content/pages/ar.md' },
        { slug: 'about', file: 'content/pages/about.md' },
        { slug: 'about', file: 'content/pages/old/about.md' },
      ],
      ['en', 'ar'],
    );
    expect(problems.map(({ file: where, found }) => [where, found])).toEqual([
      ['content/pages/archive.md', '"archive", which is a folder of the site'],
      ['content/pages/ar.md', '"ar", which is the folder of the "ar" edition'],
      ['content/pages/about.md', '"about", which content/pages/old/about.md also has'],
      ['content/pages/old/about.md', '"about", which content/pages/about.md also has'],
    ]);
  });
});
