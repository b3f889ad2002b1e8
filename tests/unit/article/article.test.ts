import { describe, expect, it } from 'vitest';
import {
  MAX_ARTICLE_BYTES,
  aliasClashes,
  checkArticleFile,
  contentFileKind,
  slugClashes,
  translationClashes,
  type ArticleRules,
  type CheckedArticle,
} from '../../../src/lib/article/article.ts';
import { formatProblem } from '../../../src/lib/article/problems.ts';

const existing = new Set(['content/2024/images/photo.jpg', 'content/images/top.png', 'content/notes.txt']);

const rules: ArticleRules = {
  timeZone: 'Asia/Gaza',
  defaultLang: 'en',
  defaultSection: 'News',
  defaultAuthors: ['Dateline staff'],
  contentDir: 'content',
  now: new Date('2026-11-26T12:00:00Z'),
  fileExists: (file) => existing.has(file),
};

const encoder = new TextEncoder();
const FILE = 'content/2024/story.md';

function article(frontMatter: string, body = 'Body text.\n', file = FILE) {
  return checkArticleFile(file, encoder.encode(`---\n${frontMatter}\n---\n${body}`), rules);
}

function accepted(frontMatter: string, file = FILE): CheckedArticle {
  const result = article(frontMatter, 'Body.\n', file);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.article;
}

/** The messages an editor would read for a file. */
function messages(frontMatter: string, file = FILE): string[] {
  const result = article(frontMatter, 'Body.\n', file);
  if (result.ok) throw new Error('expected the file to be refused');
  return result.problems.map(formatProblem);
}

const REQUIRED = 'title: "Hamas withdraws"\ndateline: GAZA\ndate: 2024-07-14T11:20:00+03:00';

describe('a valid article', () => {
  it('gets the defaults of the format and the site', () => {
    const result = accepted(REQUIRED);
    expect(result).toMatchObject({
      slug: 'story',
      file: FILE,
      title: 'Hamas withdraws',
      dateline: 'GAZA',
      authors: ['Dateline staff'],
      section: 'News',
      tags: [],
      sources: [],
      lang: 'en',
      dir: 'ltr',
      status: 'published',
      body: 'Body.\n',
      bodyLine: 6,
    });
    expect(result.date).toEqual({ instant: new Date('2024-07-14T08:20:00Z'), hasTime: true });
  });

  it('carries every optional field', () => {
    const result = accepted(`${REQUIRED}
updated: 2024-07-14T18:05:00+03:00
summary: "Two sentences."
authors: [A, B]
section: World
tags: [gaza, ceasefire, gaza]
sources:
  - Gaza health ministry
  - name: Office
    url: https://example.org/statement
image:
  src: ./images/photo.jpg
  alt: Smoke over tents
  credit: Photographer / Agency
lang: AR
slug: hamas-withdraws
draft: false`);
    expect(result).toMatchObject({
      slug: 'hamas-withdraws',
      summary: 'Two sentences.',
      authors: ['A', 'B'],
      section: 'World',
      tags: ['gaza', 'ceasefire'],
      sources: [{ name: 'Gaza health ministry' }, { name: 'Office', url: 'https://example.org/statement' }],
      image: { file: 'content/2024/images/photo.jpg', alt: 'Smoke over tents', credit: 'Photographer / Agency' },
      lang: 'ar',
      dir: 'rtl',
      status: 'published',
    });
    expect(result.updated?.instant).toEqual(new Date('2024-07-14T15:05:00Z'));
  });

  it('accepts a single author written as text', () => {
    expect(accepted(`${REQUIRED}\nauthors: Jane Doe`).authors).toEqual(['Jane Doe']);
  });

  it('collapses line breaks in a headline into spaces', () => {
    expect(accepted('title: >\n  Two\n  lines\ndateline: GAZA\ndate: 2024-07-14').title).toBe('Two lines');
  });

  it.each([
    ['fa', 'rtl'],
    ['he', 'rtl'],
    ['ur', 'rtl'],
    ['fr-CA', 'ltr'],
  ])('sets dir from lang %s', (lang, dir) => {
    expect(accepted(`${REQUIRED}\nlang: ${lang}`).dir).toBe(dir);
  });

  it('is a draft when draft is true, whatever its date', () => {
    expect(accepted(`${REQUIRED}\ndraft: true`).status).toBe('draft');
  });

  it('is scheduled when its date lies after now, and public from that moment', () => {
    expect(accepted('title: T\ndateline: D\ndate: 2026-11-26T12:00:01Z').status).toBe('scheduled');
    expect(accepted('title: T\ndateline: D\ndate: 2026-11-26T12:00:00Z').status).toBe('published');
  });

  it('accepts files with a BOM and CRLF line ends', () => {
    const result = checkArticleFile(FILE, encoder.encode(`\uFEFF---\r\n${REQUIRED.replaceAll('\n', '\r\n')}\r\n---\r\nBody\r\n`), rules);
    expect(result.ok).toBe(true);
  });
});

describe('every rule of the format names file, line, field, what was found and what is expected', () => {
  it('requires title, dateline and date', () => {
    expect(messages('summary: x')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md: title — found nothing, expected the headline as plain text of 1–200 characters",
        "content/2024/story.md: dateline — found nothing, expected the place the story was filed from, like "GAZA"",
        "content/2024/story.md: date — found nothing, expected an ISO 8601 date and time with an offset, like 2024-07-14T11:20:00+03:00 or 2024-07-14T08:20:00Z, or a bare date like 2024-07-14",
      ]
    `);
  });

  it('limits the title to 200 characters and refuses an empty one', () => {
    expect(messages(`title: "${'x'.repeat(201)}"\ndateline: GAZA\ndate: 2024-07-14`)[0]).toMatch(
      /^content\/2024\/story.md:2: title — found "x{79}…", expected the headline as plain text of 1–200 characters$/,
    );
    expect(messages('title: "  "\ndateline: GAZA\ndate: 2024-07-14')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:2: title — found an empty text, expected the headline as plain text of 1–200 characters",
      ]
    `);
  });

  it('refuses a date without an offset and a date that does not exist', () => {
    expect(messages('title: T\ndateline: D\ndate: 2024-07-14T11:20:00')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:4: date — found "2024-07-14T11:20:00", expected an ISO 8601 date and time with an offset, like 2024-07-14T11:20:00+03:00 or 2024-07-14T08:20:00Z, or a bare date like 2024-07-14",
      ]
    `);
    expect(messages('title: T\ndateline: D\ndate: 2024-02-30')[0]).toContain('date — found "2024-02-30", expected an ISO 8601');
    expect(messages('title: T\ndateline: D\ndate: 2024')[0]).toContain('date — found the number 2024, expected an ISO 8601');
  });

  it('refuses updated before date', () => {
    expect(messages(`${REQUIRED}\nupdated: 2024-07-14T11:19:00+03:00`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:5: updated — found "2024-07-14T11:19:00+03:00", expected a time not before date; use updated only for a later revision",
      ]
    `);
  });

  it('knows the kinds of piece, news by default, and refuses any other', () => {
    expect(accepted(REQUIRED).kind).toBe('news');
    expect(accepted(`${REQUIRED}\nkind: fact-check`).kind).toBe('fact-check');
    expect(messages(`${REQUIRED}\nkind: editorial`)).toEqual([
      'content/2024/story.md:5: kind — found "editorial", expected one of news, analysis, opinion, explainer, review, sponsored, fact-check',
    ]);
  });

  it('keeps corrections newest first, each after the date, with updated at or after the latest', () => {
    const corrected = accepted(
      `${REQUIRED}\nupdated: 2024-07-15T09:00:00+03:00\ncorrections:\n  - date: 2024-07-14T18:00:00+03:00\n    text: First.\n  - date: 2024-07-15T09:00:00+03:00\n    text: Second.`,
    );
    expect(corrected.corrections.map((correction) => correction.text)).toEqual(['Second.', 'First.']);
    expect(
      messages(`${REQUIRED}\nupdated: 2024-07-15T09:00:00+03:00\ncorrections:\n  - date: 2024-07-13T09:00:00+03:00\n    text: Early.`),
    ).toEqual([
      'content/2024/story.md:7: corrections[0].date — found "2024-07-13T09:00:00+03:00", expected a time not before date: a correction follows publication',
    ]);
    expect(messages(`${REQUIRED}\ncorrections:\n  - date: 2024-07-15T09:00:00+03:00\n    text: Fixed.`)).toEqual([
      'content/2024/story.md: updated — found nothing, expected a time at or after the latest correction: a corrected article says when it was updated',
    ]);
    expect(
      messages(`${REQUIRED}\nupdated: 2024-07-14T12:00:00+03:00\ncorrections:\n  - date: 2024-07-15T09:00:00+03:00\n    text: Fixed.`)[0],
    ).toContain(':5: updated — found "2024-07-14T12:00:00+03:00", expected a time at or after the latest correction');
    expect(messages(`${REQUIRED}\ncorrections:\n  - text: No date.`)[0]).toContain('corrections[0].date — found nothing');
  });

  it('keeps a backstory of up to 1,000 characters', () => {
    expect(accepted(`${REQUIRED}\nbackstory: "Reported from Doha."`).backstory).toBe('Reported from Doha.');
    expect(messages(`${REQUIRED}\nbackstory: "${'b'.repeat(1001)}"`)[0]).toContain(':5: backstory — found "bbb');
  });

  it('limits the summary to 300 characters', () => {
    expect(messages(`${REQUIRED}\nsummary: "${'s'.repeat(301)}"`)[0]).toContain(':5: summary — found "s');
  });

  it('requires alt with an image', () => {
    expect(messages(`${REQUIRED}\nimage:\n  src: ./images/photo.jpg`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:5: image.alt — found nothing, expected a description of the image for readers who cannot see it (alt is required with image)",
      ]
    `);
  });

  it('keeps image paths inside content/, to files that exist', () => {
    const withImage = (src: string) => messages(`${REQUIRED}\nimage:\n  src: "${src}"\n  alt: A`);
    expect(withImage('../../../etc/passwd.jpg')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:6: image.src — found "../../../etc/passwd.jpg", expected a file inside the content/ folder",
      ]
    `);
    expect(withImage('/etc/passwd')[0]).toContain('expected a path relative to the article file');
    expect(withImage('https://example.org/a.jpg')[0]).toContain('expected a local image file next to the article');
    expect(withImage('javascript:alert(1)')[0]).toContain('expected a local image file next to the article');
    expect(withImage('../notes.txt')[0]).toContain('expected an image file ending in .avif, .gif, .jpeg, .jpg, .png, .webp');
    expect(withImage('./images/missing.jpg')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:6: image.src — found "./images/missing.jpg", but content/2024/images/missing.jpg does not exist, expected the path of an image file committed next to the article",
      ]
    `);
    expect(accepted(`${REQUIRED}\nimage:\n  src: ../images/top.png\n  alt: A`).image?.file).toBe('content/images/top.png');
  });

  it('accepts only http(s) source URLs', () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:alert(1)', 'data:text/html,x', 'ftp://example.org/x', 'example.org/x']) {
      expect(messages(`${REQUIRED}\nsources:\n  - name: S\n    url: "${url}"`)).toEqual([
        `content/2024/story.md:7: sources[0].url — found ${JSON.stringify(url)}, expected an http:// or https:// address, like https://example.org/statement`,
      ]);
    }
  });

  it('requires a name for every source', () => {
    expect(messages(`${REQUIRED}\nsources:\n  - url: https://example.org`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:6: sources[0].name — found nothing, expected the name of the source, like "Gaza health ministry"",
      ]
    `);
    expect(messages(`${REQUIRED}\nsources:\n  - 42`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:6: sources[0] — found the number 42, expected the name of a source, or a map with name and url",
      ]
    `);
  });

  it('checks the slug format, and the file name when it stands in for the slug', () => {
    expect(messages(`${REQUIRED}\nslug: Hamas_Talks`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:5: slug — found "Hamas_Talks", expected lowercase letters a–z, digits and single hyphens, at most 100 characters, like hamas-withdraws-ceasefire-talks",
      ]
    `);
    expect(messages(REQUIRED, 'content/2024/Café Talks.md')).toMatchInlineSnapshot(`
      [
        "content/2024/Café Talks.md: slug — found none, and the file name "Café Talks" is not a valid slug, expected lowercase letters a–z, digits and single hyphens, at most 100 characters, like hamas-withdraws-ceasefire-talks; add "slug: cafe-talks" or rename the file",
      ]
    `);
    expect(messages(`${REQUIRED}\nslug: ../../etc`)[0]).toContain('slug — found "../../etc", expected lowercase letters');
  });

  it('checks lang is a known BCP 47 tag', () => {
    expect(messages(`${REQUIRED}\nlang: english language`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:5: lang — found "english language", expected a BCP 47 language tag of a known language, like en, ar or fr-CA",
      ]
    `);
  });

  it('checks draft is true or false', () => {
    expect(messages(`${REQUIRED}\ndraft: "yes"`)).toEqual(['content/2024/story.md:5: draft — found "yes", expected true or false']);
  });

  it('refuses unknown fields, suggesting the one meant', () => {
    expect(messages(`${REQUIRED}\ntag: [gaza]\nauthor: Jane\nimage:\n  src: ./images/photo.jpg\n  alt: A\n  captoin: C\n  by: D`))
      .toMatchInlineSnapshot(`
      [
        "content/2024/story.md:5: tag — found a field the article format does not have, expected did you mean "tags"? one of title, dateline, date, updated, summary, authors, section, tags, sources, image, featured, kind, translationKey, corrections, backstory, aliases, lang, slug, draft",
        "content/2024/story.md:6: author — found a field the article format does not have, expected did you mean "authors"? one of title, dateline, date, updated, summary, authors, section, tags, sources, image, featured, kind, translationKey, corrections, backstory, aliases, lang, slug, draft",
        "content/2024/story.md:10: image.captoin — found a field the article format does not have, expected did you mean "caption"? one of src, alt, caption, credit",
        "content/2024/story.md:11: image.by — found a field the article format does not have, expected one of src, alt, caption, credit",
      ]
    `);
  });

  it('reports every problem of a file at once', () => {
    expect(messages('title: ""\ndate: tomorrow\ndraft: 1')).toHaveLength(4);
  });
});

describe('warnings about likely mistakes', () => {
  function warnings(frontMatter: string): string[] {
    const result = article(frontMatter);
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    return result.warnings.map(formatProblem);
  }

  it('warns on a missing summary, a long headline, an updated equal to date and a source named by its URL', () => {
    expect(
      warnings(
        `title: "${'h'.repeat(111)}"\ndateline: GAZA\ndate: 2024-07-14T11:20:00+03:00\nupdated: 2024-07-14T08:20:00Z\nsources:\n  - https://example.org/report\n  - Named source`,
      ),
    ).toEqual([
      'content/2024/story.md: summary — found nothing, expected one or two sentences for the standfirst and link previews (without one, previews repeat the headline)',
      'content/2024/story.md:2: title — found 111 characters, expected at most 110, which is what search results and link previews show whole',
      'content/2024/story.md:5: updated — found the same time as date, expected the time of a later revision, or no updated field',
      'content/2024/story.md:7: sources[0] — found a web address as the name ("https://example.org/report"), expected the name of who said it, with the address as url:, like: - name: "Health ministry" / url: "https://…"',
    ]);
  });

  it('stays quiet about a complete article', () => {
    expect(warnings(`${REQUIRED}\nsummary: S.`)).toEqual([]);
  });

  it('warns on a value typed in curly quotes, which would be published with them', () => {
    expect(warnings('title: “Border reopens”\ndateline: GAZA\ndate: 2024-07-14\nsummary: S.')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:2: title — found "“Border reopens”", a value in curly quotes, which YAML keeps as part of the text, expected straight quotes or none, like "Border reopens" (to publish the quotes on purpose, keep them inside straight ones: "“Border reopens”")",
      ]
    `);
    const quoted = (value: string) => warnings(`title: ${value}\ndateline: GAZA\ndate: 2024-07-14\nsummary: S.`);
    for (const value of ['‘Border reopens’', '„Grenze offen“', '«Frontière rouverte»', '»Grenze offen«']) {
      expect(quoted(value), value).toHaveLength(1);
    }
    expect(
      warnings(`${REQUIRED}\nsummary: S.\ntags: [“gaza”]\nsources:\n  - name: «Ministère»`).map((line) => line.split(' — ')[0]),
    ).toEqual(['content/2024/story.md:6: tags[0]', 'content/2024/story.md:8: sources[0].name']);
  });

  it('leaves curly quotes alone inside a value, or inside straight quotes, where they are meant', () => {
    for (const value of ['He said “no”', '“No,” he said', `'“Border reopens”'`, '"‘Border reopens’"', 'Rock ’n’ roll', '“']) {
      expect(warnings(`title: ${value}\ndateline: GAZA\ndate: 2024-07-14\nsummary: S.`), value).toEqual([]);
    }
  });
});

describe('file-level problems', () => {
  it('refuses text that is not UTF-8, naming the line', () => {
    const bytes = new Uint8Array([...encoder.encode(`---\n${REQUIRED}\n---\nok\n`), 0xff, 0xfe]);
    const result = checkArticleFile(FILE, bytes, rules);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'content/2024/story.md:7: file — found bytes that are not UTF-8 text, expected a file saved as UTF-8 (re-save it as "UTF-8" in the editor)',
    ]);
  });

  it('refuses NUL characters', () => {
    const result = checkArticleFile(FILE, encoder.encode(`---\n${REQUIRED}\n---\nbinary\0junk\n`), rules);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([
      'content/2024/story.md:6: file — found a NUL character (a binary file?), expected plain text without NUL characters',
    ]);
  });

  it('refuses files over the size limit', () => {
    const result = checkArticleFile(FILE, new Uint8Array(MAX_ARTICLE_BYTES + 1), rules);
    expect(result.ok ? '' : formatProblem(result.problems[0]!)).toBe(
      `content/2024/story.md: file — found ${MAX_ARTICLE_BYTES + 1} bytes, expected at most ${MAX_ARTICLE_BYTES} bytes (1 MiB); split the article or move data out of it`,
    );
  });

  it('refuses a file without front matter', () => {
    const result = checkArticleFile(FILE, encoder.encode('Just text\n'), rules);
    expect(result.ok ? '' : formatProblem(result.problems[0]!)).toBe(
      'content/2024/story.md:1: front matter — found the first line "Just text", expected the file to start with a front-matter block: a line "---", the fields, then another "---"',
    );
  });

  it('says to replace curly quotes with straight ones when a value with ": " in them cannot be read', () => {
    expect(messages('title: “Border reopens: talks resume”\ndateline: GAZA\ndate: 2024-07-14')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:2: title — found "“Border reopens: talks resume”", a value in curly quotes with ": " inside, which YAML cannot read: it takes only straight quotes as quotes, expected the curly quotes replaced with straight ones, like title: "Border reopens: talks resume"",
      ]
    `);
    expect(messages('title: A\ndateline: GAZA\ndate: 2024-07-14\nsummary: ‘Talks: day two’')[0]).toContain(
      'expected the curly quotes replaced with straight ones, like summary: "Talks: day two"',
    );
  });

  it('accepts an empty body', () => {
    expect(checkArticleFile(FILE, encoder.encode(`---\n${REQUIRED}\n---\n`), rules).ok).toBe(true);
  });
});

describe('contentFileKind', () => {
  it('reads .md files in any letter case as articles', () => {
    expect(contentFileKind('content/2024/story.md')).toBe('article');
    expect(contentFileKind('content/2024/STORY.MD')).toBe('article');
  });

  it('knows images and documents articles point to, and hidden tool files', () => {
    expect(contentFileKind('content/2024/images/a.JPG')).toBe('asset');
    expect(contentFileKind('content/.gitkeep')).toBe('hidden');
    expect(contentFileKind('content/.obsidian/workspace.md')).toBe('hidden');
  });

  it('flags files that would otherwise be skipped without a word', () => {
    for (const file of ['content/story.markdown', 'content/story.mdx', 'content/story.docx', 'content/README']) {
      expect(contentFileKind(file), file).toBe('unread');
    }
  });
});

describe('slugClashes', () => {
  it('names both files of a clash, wherever they are filed', () => {
    const first = accepted(`${REQUIRED}\nslug: same`, 'content/2024/a.md');
    const second = accepted(REQUIRED, 'content/2025/same.md');
    const third = accepted(REQUIRED, 'content/2025/other.md');
    expect(slugClashes([first, second, third]).map(formatProblem)).toEqual([
      'content/2024/a.md:5: slug — found "same", which content/2025/same.md also has, expected a slug no other article uses; change the slug field or rename one of the files',
      'content/2025/same.md: slug — found "same", which content/2024/a.md also has, expected a slug no other article uses; change the slug field or rename one of the files',
    ]);
  });

  it('counts drafts and scheduled articles, which would clash once published', () => {
    const published = accepted(REQUIRED, 'content/a/story.md');
    const draft = accepted(`${REQUIRED}\ndraft: true`, 'content/b/story.md');
    expect(slugClashes([published, draft])).toHaveLength(2);
  });
});

describe('aliases', () => {
  it('keeps earlier slugs once each, and none when the article never moved', () => {
    const moved = accepted(`${REQUIRED}\naliases:\n  - old-story\n  - older-story\n  - old-story`);
    expect(moved.aliases).toEqual(['old-story', 'older-story']);
    expect(moved.aliasPlaces).toEqual([
      { field: 'aliases[0]', line: 6 },
      { field: 'aliases[1]', line: 7 },
    ]);
    expect(accepted(REQUIRED).aliases).toBeUndefined();
    expect(accepted(`${REQUIRED}\naliases: []`).aliases).toBeUndefined();
  });

  it("refuses an alias that is not a slug, a list that is not one, and the article's own slug", () => {
    expect(messages(`${REQUIRED}\naliases: [Old_Story, story]`)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:5: aliases[0] — found "Old_Story", expected an earlier slug of this article: lowercase letters a–z, digits and single hyphens, at most 100 characters, like hamas-withdraws-ceasefire-talks",
        "content/2024/story.md:5: aliases[1] — found "story", the article's own slug, expected only earlier slugs of this article, each an address it had before; remove this one",
      ]
    `);
    expect(messages(`${REQUIRED}\nslug: new-story\naliases: [new-story]`)[0]).toContain(
      ':6: aliases[0] — found "new-story", the article\'s own slug',
    );
    expect(messages(`${REQUIRED}\naliases: old-story`)).toEqual([
      'content/2024/story.md:5: aliases — found "old-story", expected a list of earlier slugs of this article, like [old-slug]',
    ]);
  });
});

describe('the address of a refused file', () => {
  const refused = (frontMatter: string, file = FILE) => {
    const result = checkArticleFile(file, encoder.encode(`---\n${frontMatter}\n---\n`), rules);
    if (result.ok) throw new Error('expected the file to be refused');
    return result.address;
  };

  it('is its valid slug field, or else its valid file name, with its valid aliases', () => {
    expect(refused('title: A\nslug: same\naliases: [old, Bad_One]')).toEqual({
      file: FILE,
      slug: 'same',
      slugLine: 3,
      aliases: ['old'],
      aliasPlaces: [{ field: 'aliases[0]', line: 4 }],
    });
    expect(refused('title: A')).toEqual({ file: FILE, slug: 'story', slugLine: undefined });
  });

  it('is read around a YAML error too, as far as the fields can be read', () => {
    expect(refused('slug: same\ntitle: “Talks: day two”')).toMatchObject({ slug: 'same' });
    expect(refused('title: “Talks: day two”')).toMatchObject({ slug: 'story' });
  });

  it('is unknown when no valid slug can be told', () => {
    expect(refused('title: A\nslug: Not_A_Slug')).toBeUndefined();
    expect(refused('title: A', 'content/Bad Name.md')).toBeUndefined();
    const unreadable = checkArticleFile(FILE, encoder.encode('no front matter'), rules);
    expect(unreadable.ok ? 'accepted' : unreadable.address).toBeUndefined();
  });
});

describe('aliasClashes', () => {
  it("names both files when an alias is another article's slug", () => {
    const moved = accepted(`${REQUIRED}\naliases: [gaza-talks]`, 'content/2024/moved.md');
    const other = accepted(REQUIRED, 'content/2025/gaza-talks.md');
    expect(aliasClashes([moved, other]).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/2025/gaza-talks.md: slug — found "gaza-talks", which content/2024/moved.md lists in aliases (an address it had before), expected a slug that no other article has or had; change the slug field or rename the file, or remove the alias there",
        "content/2024/moved.md:5: aliases[0] — found "gaza-talks", which is the slug of content/2025/gaza-talks.md, expected an earlier slug that is no other article's address; remove the alias, or change the slug of the other article",
      ]
    `);
  });

  it('names every file that lists one alias, and says nothing when aliases are apart', () => {
    const one = accepted(`${REQUIRED}\naliases:\n  - old\n  - own`, 'content/one.md');
    const two = accepted(`${REQUIRED}\naliases: [old]`, 'content/two.md');
    const three = accepted(`${REQUIRED}\naliases: [other]`, 'content/three.md');
    expect(aliasClashes([one, two, three]).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/one.md:6: aliases[0] — found "old", which content/two.md also lists in aliases, expected an earlier slug of this article alone: one old address can lead to one article only; remove it where the article never had it",
        "content/two.md:5: aliases[0] — found "old", which content/one.md also lists in aliases, expected an earlier slug of this article alone: one old address can lead to one article only; remove it where the article never had it",
      ]
    `);
    expect(aliasClashes([three, accepted(REQUIRED, 'content/plain.md')])).toEqual([]);
  });
});

describe('translationClashes', () => {
  it('names both files of one story in the same language, and lets other languages share the key', () => {
    const english = accepted(`${REQUIRED}\ntranslationKey: talks`, 'content/a/talks.md');
    const again = accepted(`${REQUIRED}\nlang: en\ntranslationKey: "talks"`, 'content/b/talks-again.md');
    const arabic = accepted(`${REQUIRED}\nlang: ar\ntranslationKey: talks`, 'content/a/talks-ar.md');
    const unkeyed = accepted(REQUIRED, 'content/a/other.md');
    expect(translationClashes([english, again, arabic, unkeyed]).map(formatProblem)).toEqual([
      'content/a/talks.md:5: translationKey — found "talks" in en, which content/b/talks-again.md also has in en, expected one article per language for each translationKey: give one of them its own lang, or its own key if it is another story',
      'content/b/talks-again.md:6: translationKey — found "talks" in en, which content/a/talks.md also has in en, expected one article per language for each translationKey: give one of them its own lang, or its own key if it is another story',
    ]);
  });
});
