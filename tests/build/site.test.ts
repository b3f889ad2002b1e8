import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element, Root } from 'hast';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { toString } from 'hast-util-to-string';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dangerousMarkup, parsePage } from '../support/html.ts';
import { buildSite, projectRoot, removeSite, type BuiltSite } from '../support/site.ts';

const fixtures = join(projectRoot, 'tests', 'fixtures', 'sites');

let site: BuiltSite;
beforeAll(async () => {
  site = await buildSite({ content: join(fixtures, 'good') });
  if (site.exitCode !== 0) throw new Error(`fixture build failed:\n${site.output}`);
});
afterAll(() => removeSite(site));

async function page(path: string): Promise<Root> {
  return parsePage(await readFile(join(site.dist, path, 'index.html'), 'utf8'));
}

function text(tree: Root, selector: string): string {
  const node = select(selector, tree);
  if (!node) throw new Error(`no ${selector} on the page`);
  return toString(node).replace(/\s+/g, ' ').trim();
}

function attribute(tree: Root, selector: string, name: string): unknown {
  return (select(selector, tree) as Element | undefined)?.properties[name];
}

async function allFiles(folder: string): Promise<string[]> {
  return (await readdir(folder, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe('the article page', () => {
  let seed: Root;
  beforeAll(async () => {
    seed = await page('articles/seed-story');
  });

  it('lives at /articles/<slug>/, whatever folder the file is in', () => {
    expect(existsSync(join(site.dist, 'articles/seed-story/index.html'))).toBe(true);
    expect(existsSync(join(site.dist, 'articles/bare-date/index.html'))).toBe(true);
    expect(existsSync(join(site.dist, 'articles/arabic-fixture/index.html'))).toBe(true);
  });

  it('shows headline, standfirst, byline, section and tags', () => {
    expect(text(seed, 'h1')).toBe('Talks & truce: "fine" says official');
    expect(text(seed, '.article__standfirst')).toBe('A standfirst of one sentence.');
    expect(text(seed, '.article__byline')).toBe('By First Reporter and Second Reporter');
    expect(text(seed, '.article__kicker')).toBe('Section: World');
    expect(selectAll('.article__tags li', seed).map((node) => toString(node))).toEqual(['gaza', 'ceasefire']);
  });

  it('leads the first paragraph with the dateline, as wire copy does', () => {
    expect(text(seed, '.article__body > p')).toBe('GAZA — The first paragraph of the seed story. ¶');
  });

  it('dates the article in the site time zone, with the exact instant in <time datetime>', () => {
    const times = selectAll('.article__meta time', seed).map((node) => [node.properties['dateTime'], toString(node)]);
    expect(times).toEqual([
      ['2024-07-14T11:20:00+03:00', 'Sunday 14 July 2024, 11:20 GMT+3'],
      ['2024-07-14T18:05:00+03:00', 'Sunday 14 July 2024, 18:05 GMT+3'],
    ]);
    expect(text(seed, '.article__meta')).toContain('1 min read');
  });

  it('shows a bare date without a time', async () => {
    const bare = await page('articles/bare-date');
    expect(selectAll('.article__meta time', bare).map((node) => [node.properties['dateTime'], toString(node)])).toEqual([
      ['2024-07-10T00:00:00+03:00', 'Wednesday 10 July 2024'],
    ]);
  });

  it('shows the lead image through astro:assets: AVIF and WebP in several widths, alt, size, caption and credit', () => {
    const sources = selectAll('.article__image picture source', seed).map((source) => [
      source.properties['type'],
      String(source.properties['srcSet']),
    ]);
    expect(sources.map(([type]) => type)).toEqual(['image/avif', 'image/webp']);
    for (const [type, srcset] of sources) {
      const extension = String(type).split('/')[1];
      expect(srcset).toMatch(
        new RegExp(
          `^/_astro/chart\\.[\\w-]+\\.${extension} 400w, /_astro/chart\\.[\\w-]+\\.${extension} 800w, /_astro/chart\\.[\\w-]+\\.${extension} 1200w$`,
        ),
      );
    }
    const image = select('.article__image img', seed) as Element;
    expect(image.properties['alt']).toBe('A bar chart of three figures');
    expect(image.properties['width']).toBe(1600);
    expect(image.properties['height']).toBe(900);
    // Above the fold: fetched first, not lazily.
    expect(image.properties['loading']).toBe('eager');
    expect(text(seed, '.article__image figcaption .caption')).toBe('The three figures of the story, side by side');
    expect(text(seed, '.article__image figcaption .credit')).toBe('Fixture Graphics / Agency');
  });

  it('loads body images lazily, with their size set', async () => {
    const image = select('.article__body img', await page('articles/body-image')) as Element;
    expect(image.properties['loading']).toBe('lazy');
    expect(image.properties['width']).toBeDefined();
    expect(image.properties['height']).toBeDefined();
  });

  it('lists the sources, linked where a URL is given', () => {
    expect(selectAll('.sources li', seed).map((node) => toHtml(node))).toEqual([
      '<li>Gaza health ministry</li>',
      '<li><a href="https://example.org/statement" rel="noopener noreferrer">Office of the Prime Minister</a></li>',
    ]);
  });

  it('has share links to every service above and below the body, with the canonical URL', () => {
    const bars = selectAll('.share', seed);
    expect(bars.map((bar) => bar.properties['dataPosition'])).toEqual(['top', 'bottom']);
    const canonical = 'https://dateline.example.org/articles/seed-story/';
    expect(attribute(seed, 'link[rel=canonical]', 'href')).toBe(canonical);
    for (const bar of bars) {
      const links = selectAll('a', bar);
      expect(links.map((link) => link.properties['ariaLabel'])).toEqual([
        'Share on Facebook',
        'Share on X',
        'Share on WhatsApp',
        'Share on Telegram',
        'Share on LinkedIn',
        'Share on Bluesky',
        'Share on Reddit',
        'Share by email',
      ]);
      const whatsapp = new URL(String(links[2]?.properties['href']));
      expect(whatsapp.searchParams.get('text')).toBe(`Talks & truce: "fine" says official ${canonical}`);
      for (const link of links) expect(link.properties['rel']).toEqual(['noopener', 'noreferrer']);
      expect(links.map((link) => link.properties['target'])).toEqual([...Array(7).fill('_blank'), undefined]);
      // Icons come inline from the icon package, hidden from assistive technology; the names carry the meaning.
      for (const link of links)
        expect(select('.share__icon[aria-hidden=true] svg', link), String(link.properties['ariaLabel'])).toBeDefined();
      // The buttons that need JavaScript stay invisible until the script finds what they need.
      expect(selectAll('[data-needs-script]:not([data-ready]) button', bar).map((button) => button.properties['ariaLabel'])).toEqual([
        'Copy link',
        'Share…',
      ]);
    }
  });

  it('keeps footnotes and links to subheads working', () => {
    const body = select('.article__body', seed) as Element;
    const ids = new Set(selectAll('[id]', body).map((node) => node.properties['id']));
    const fragments = selectAll('a[href^="#"]', body).map((node) => String(node.properties['href']).slice(1));
    expect(fragments.length).toBeGreaterThanOrEqual(3);
    for (const fragment of fragments) expect(ids.has(decodeURIComponent(fragment)), fragment).toBe(true);
  });

  it('optimises images in the body like the lead image', async () => {
    const image = select('.article__body img', await page('articles/body-image')) as Element;
    expect(image.properties['alt']).toBe('A chart in the body');
    expect(String(image.properties['src'])).toMatch(/^\/_astro\/chart\.[\w-]+\.webp$/);
  });

  it('lays out an Arabic article right to left, with Arabic interface words', async () => {
    const arabic = await page('articles/arabic-fixture');
    const html = select('html', arabic) as Element;
    expect(html.properties['lang']).toBe('ar');
    expect(html.properties['dir']).toBe('rtl');
    expect(text(arabic, '.sources h2')).toBe('المصادر');
    expect(text(arabic, '.article__body > p')).toBe('غزة — فقرة أولى باللغة العربية. ¶');
    expect(text(arabic, '.article__meta time')).toBe('الجمعة 12 يوليو 2024، 09:00 غرينتش+3');
  });
});

describe('every page', () => {
  it('carries the Content Security Policy and JSON-LD that parses', async () => {
    for (const path of ['', 'articles/seed-story', 'articles/arabic-fixture']) {
      const tree = await page(path);
      expect(String(attribute(tree, 'meta[http-equiv=Content-Security-Policy]', 'content'))).toContain("script-src 'self'");
      const data = JSON.parse(toString(select('script[type="application/ld+json"]', tree)!));
      expect(data['@context']).toBe('https://schema.org');
    }
    const seed = JSON.parse(toString(select('script[type="application/ld+json"]', await page('articles/seed-story'))!));
    expect(seed).toMatchObject({
      '@type': 'ReportageNewsArticle',
      headline: 'Talks & truce: "fine" says official',
      datePublished: '2024-07-14T11:20:00+03:00',
      dateModified: '2024-07-14T18:05:00+03:00',
      dateline: 'GAZA',
      mainEntityOfPage: { '@id': 'https://dateline.example.org/articles/seed-story/' },
    });
    // The lead image, described with its caption and credit, then the preview card.
    expect(seed.image).toEqual([
      {
        '@type': 'ImageObject',
        url: expect.stringMatching(/^https:\/\/dateline\.example\.org\/_astro\/chart\.[\w-]+\.webp$/),
        width: '1200',
        height: '675',
        description: 'A bar chart of three figures',
        caption: 'The three figures of the story, side by side',
        creditText: 'Fixture Graphics / Agency',
      },
      'https://dateline.example.org/previews/seed-story.jpg',
    ]);
    for (const image of [seed.image[0].url, seed.image[1]]) expect(existsSync(join(site.dist, new URL(image).pathname)), image).toBe(true);
  });
});

describe('link previews', () => {
  const REQUIRED_PROPERTIES = [
    'og:type',
    'og:site_name',
    'og:title',
    'og:description',
    'og:url',
    'og:locale',
    'og:image',
    'og:image:width',
    'og:image:height',
    'og:image:alt',
    'og:image:type',
    'article:published_time',
    'article:modified_time',
    'article:section',
  ];
  const REQUIRED_NAMES = ['twitter:card', 'twitter:title', 'twitter:description', 'twitter:image', 'twitter:image:alt'];
  const articles = ['seed-story', 'bare-date', 'arabic-fixture', 'body-image', 'hostile', 'capital-extension'];

  it('every article page carries every tag a preview needs, with absolute URLs', async () => {
    for (const slug of articles) {
      const tree = await page(`articles/${slug}`);
      const property = (key: string) => selectAll(`meta[property="${key}"]`, tree).map((node) => String(node.properties['content']));
      const name = (key: string) => selectAll(`meta[name="${key}"]`, tree).map((node) => String(node.properties['content']));
      for (const key of REQUIRED_PROPERTIES) expect(property(key), `${slug} ${key}`).toHaveLength(1);
      for (const key of REQUIRED_NAMES) expect(name(key), `${slug} ${key}`).toHaveLength(1);
      expect(property('og:type')).toEqual(['article']);
      expect(property('og:url')).toEqual([`https://dateline.example.org/articles/${slug}/`]);
      expect(property('og:image')).toEqual([`https://dateline.example.org/previews/${slug}.jpg`]);
      expect(name('twitter:card')).toEqual(['summary_large_image']);
      expect(property('og:title')[0]).toBe(toString(select('h1', tree)!));
    }
    const seed = await page('articles/seed-story');
    expect(selectAll('meta[property="article:tag"]', seed).map((node) => node.properties['content'])).toEqual(['gaza', 'ceasefire']);
    expect(String(attribute(seed, 'meta[property="article:modified_time"]', 'content'))).toBe('2024-07-14T18:05:00+03:00');
    expect(String(attribute(await page('articles/arabic-fixture'), 'meta[property="og:locale"]', 'content'))).toBe('ar_EG');
  });

  it('every article has its own preview image: 1200×630 JPEG within 300 KB', async () => {
    for (const slug of [...articles, 'site']) {
      const file = join(site.dist, 'previews', `${slug}.jpg`);
      const bytes = await readFile(file);
      const { width, height, format } = await sharp(bytes).metadata();
      expect({ slug, width, height, format, small: bytes.byteLength <= 300 * 1024 }).toEqual({
        slug,
        width: 1200,
        height: 630,
        format: 'jpeg',
        small: true,
      });
    }
  });

  it('the home page has its own preview tags', async () => {
    const home = await page('');
    expect(String(attribute(home, 'meta[property="og:type"]', 'content'))).toBe('website');
    expect(String(attribute(home, 'meta[property="og:image"]', 'content'))).toBe('https://dateline.example.org/previews/site.jpg');
    expect(String(attribute(home, 'meta[name="twitter:card"]', 'content'))).toBe('summary_large_image');
  });
});

describe('hostile content', () => {
  it('reaches the page as text, never as markup', async () => {
    const hostile = await page('articles/hostile');
    expect(text(hostile, 'h1')).toBe("</script><script>alert('title')</script>");
    expect(text(hostile, 'title')).toBe("</script><script>alert('title')</script> — Dateline");
    expect(text(hostile, '.article__standfirst')).toBe("\"><svg onload=alert('summary')>");
    const body = select('.article__body', hostile) as Element;
    expect(dangerousMarkup(toHtml(body.children))).toEqual([]);
    // Nothing executable on the whole page: the one script element is JSON-LD data, intact.
    expect(selectAll('iframe, object, embed, base, style, math', hostile)).toEqual([]);
    expect(selectAll('.article__body svg, .article__body form', hostile)).toEqual([]);
    const scripts = selectAll('script', hostile);
    expect(scripts.map((script) => script.properties['type'] ?? script.properties['src'])).toEqual([
      '/scripts/theme.js',
      'application/ld+json',
      '/scripts/share.js',
    ]);
    expect(JSON.parse(toString(scripts[1]!)).headline).toBe("</script><script>alert('title')</script>");
    expect(selectAll('meta[http-equiv]', hostile).map((meta) => meta.properties['httpEquiv'])).toEqual([['Content-Security-Policy']]);
    expect(selectAll('[id=content]', hostile)).toHaveLength(1);
    expect(text(hostile, '.article__body')).toContain('Clobbering paragraph');
  });
});

describe('the front page', () => {
  it('leads with the newest story and its picture, loaded first, with a fixed shape and its size set', async () => {
    const front = await page('');
    const lead = select('.front__top .teaser--lead', front)!;
    expect(select('.teaser__headline a', lead)?.properties['href']).toBe('/articles/seed-story/');
    expect(toString(select('.teaser__summary', lead)!)).toBe('A standfirst of one sentence.');
    expect(toString(select('.dateline', lead)!)).toBe('GAZA');
    const picture = select('img.teaser__picture', lead) as Element;
    expect(picture.properties).toMatchObject({
      alt: 'A bar chart of three figures',
      loading: 'eager',
      fetchPriority: 'high',
      width: 1600,
      height: 900,
    });
    expect(selectAll('source', lead).map((source) => source.properties['type'])).toEqual(['image/avif', 'image/webp']);
  });

  it('sets the next stories beside the lead, each section in a block, and the latest with dates', async () => {
    const front = await page('');
    const headlines = (selector: string) => selectAll(`${selector} .teaser__headline`, front).map((node) => toString(node));
    // The Arabic story leads the Arabic edition's front (/ar/), not this one.
    expect(headlines('.front__secondary')).toEqual([
      'Image in the body',
      'Filed on a bare date',
      "</script><script>alert('title')</script>",
      'Extension in capitals',
    ]);
    // Every English story is already in the lead or beside it: no section block repeats one.
    const above = [...headlines('.front__lead'), ...headlines('.front__secondary')];
    for (const headline of headlines('.front__section')) expect(above).not.toContain(headline);
    // The Latest column: every English story but the lead, newest first.
    const latest = selectAll('.front__latest li', front);
    expect(latest).toHaveLength(4);
    expect(toString(select('time', latest[0]!)!)).toBe('11 July 2024');
    expect(select('.front__latest p a', front)?.properties['href']).toBe('/latest/');
  });

  it('continues at /latest/: every public article newest first, with headline, summary, dateline and date', async () => {
    const latest = await page('latest');
    const teasers = selectAll('.teaser', latest);
    expect(teasers.map((teaser) => toString(select('h2', teaser)!))).toEqual([
      'Talks & truce: "fine" says official',
      'Image in the body',
      'Filed on a bare date',
      "</script><script>alert('title')</script>",
      'Extension in capitals',
    ]);
    const first = teasers[0]!;
    expect(toString(select('.teaser__summary', first)!)).toBe('A standfirst of one sentence.');
    expect(toString(select('.dateline', first)!)).toBe('GAZA');
    expect(select('time', first)?.properties['dateTime']).toBe('2024-07-14T11:20:00+03:00');
    expect(toString(select('time', first)!)).toBe('14 July 2024');
    expect(select('a', first)?.properties['href']).toBe('/articles/seed-story/');
  });
});

describe('files in content/ that are not articles', () => {
  it('are named in the build log, so that nothing is lost unnoticed', () => {
    expect(site.output).toContain('Not read as articles (only .md files are): content/notes.markdown');
    expect(site.output).not.toContain('.gitkeep');
  });
});

describe('drafts and scheduled articles', () => {
  it('appear nowhere in the public build, and the build log says why', async () => {
    for (const file of await allFiles(site.dist)) {
      const content = await readFile(file, 'utf8');
      for (const marker of ['DRAFT-TITLE-MARKER', 'DRAFT-BODY-MARKER', 'SCHEDULED-TITLE-MARKER', 'SCHEDULED-BODY-MARKER']) {
        expect(content.includes(marker), `${marker} in ${file}`).toBe(false);
      }
    }
    expect(existsSync(join(site.dist, 'articles/draft'))).toBe(false);
    expect(existsSync(join(site.dist, 'articles/scheduled'))).toBe(false);
    expect(site.output).toContain('Left out 1 draft (draft: true): content/draft.md');
    expect(site.output).toContain('Left out 1 scheduled article until their date: content/scheduled.md (2999-01-01T11:00:00+02:00)');
  });
});

describe('a site under a base path', () => {
  let based: BuiltSite;
  beforeAll(async () => {
    based = await buildSite({
      content: join(fixtures, 'good'),
      env: {
        DATELINE_SITE: 'https://example.github.io',
        DATELINE_BASE: '/dateline/',
        DATELINE_EDIT_URL: 'https://github.com/newsroom/site/edit/main/',
      },
    });
    if (based.exitCode !== 0) throw new Error(`base-path build failed:\n${based.output}`);
  });
  afterAll(() => removeSite(based));

  it('writes every internal URL under the base path and every absolute URL on the site', async () => {
    const html = await readFile(join(based.dist, 'articles/seed-story/index.html'), 'utf8');
    const tree = parsePage(html);
    const urls = selectAll('[href], [src]', tree).flatMap((node) =>
      [node.properties['href'], node.properties['src']].filter((value): value is string => typeof value === 'string'),
    );
    const rooted = urls.filter((url) => url.startsWith('/'));
    expect(rooted.length).toBeGreaterThanOrEqual(3);
    for (const url of rooted) expect(url, url).toMatch(/^\/dateline\//);
    expect(attribute(tree, 'link[rel=canonical]', 'href')).toBe('https://example.github.io/dateline/articles/seed-story/');
    expect(html).toContain(encodeURIComponent('https://example.github.io/dateline/articles/seed-story/'));
  });

  it('links each article to its file for editing when an edit URL is set, and not otherwise', async () => {
    const tree = parsePage(await readFile(join(based.dist, 'articles/seed-story/index.html'), 'utf8'));
    expect(attribute(tree, '.article__edit a', 'href')).toBe('https://github.com/newsroom/site/edit/main/content/2024/07/seed-story.md');
    expect(select('.article__edit', await page('articles/seed-story'))).toBeUndefined();
  });
});

describe('a site with nothing published yet', () => {
  let empty: BuiltSite;
  let content: string;
  beforeAll(async () => {
    content = await mkdtemp(join(tmpdir(), 'dateline-drafts-only-'));
    await cp(join(fixtures, 'good', 'draft.md'), join(content, 'draft.md'));
    empty = await buildSite({ content });
  });
  afterAll(async () => {
    await removeSite(empty);
    await rm(content, { recursive: true, force: true });
  });

  it('builds, with an empty search index for the search page to load', async () => {
    expect(empty.exitCode, empty.output).toBe(0);
    expect(existsSync(join(empty.dist, 'index.html'))).toBe(true);
    expect(existsSync(join(empty.dist, 'search', 'index.html'))).toBe(true);
    expect(existsSync(join(empty.dist, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(JSON.parse(await readFile(join(empty.dist, 'pagefind', 'shards.json'), 'utf8'))).toEqual([]);
    expect(empty.output).toContain('Search index written for 0 articles in 1 part');
  });
});

describe('a content tree with mistakes', () => {
  let bad: BuiltSite;
  beforeAll(async () => {
    bad = await buildSite({ content: join(fixtures, 'bad') });
  });
  afterAll(() => removeSite(bad));

  it('fails the build', () => {
    expect(bad.exitCode).not.toBe(0);
    expect(existsSync(join(bad.dist, 'index.html'))).toBe(false);
  });

  it('names every bad file at once, with line, field, what was found and what is expected', () => {
    const expected = [
      '23 problems in 22 article files:',
      'content/bad-lang.md:5: lang — found "arabic language", expected a BCP 47 language tag of a known language',
      'content/bom-crlf.md: dateline — found nothing, expected the place the story was filed from',
      'content/bom-crlf.md:4: updated — found "yesterday", expected an ISO 8601 date and time with an offset',
      'content/draft-yes.md:5: draft — found "yes", expected true or false',
      'content/duplicate-key.md:4: title — found "title" a second time, expected each field once; delete or merge the repeated one',
      'content/long-summary.md:5: summary — found "sssss',
      'content/not-utf8.md:6: file — found bytes that are not UTF-8 text, expected a file saved as UTF-8',
      'content/raw-img.md: body — found the image "./good.png" in an HTML <img>, expected Markdown image syntax',
      'content/yaml-tag.md:2: front matter — found a YAML tag that is not allowed (Unresolved tag: tag:yaml.org,2002:js/function), expected plain values',
      'content/Bad Name.md: slug — found none, and the file name "Bad Name" is not a valid slug, expected lowercase letters a–z, digits and single hyphens, at most 100 characters, like hamas-withdraws-ceasefire-talks; add "slug: bad-name" or rename the file',
      'content/bad-date.md:4: date — found "2024-07-14 11:20", expected an ISO 8601 date and time with an offset',
      'content/clash-a.md:5: slug — found "same", which content/same.md also has, expected a slug no other article uses',
      'content/same.md: slug — found "same", which content/clash-a.md also has',
      'content/talks-one.md:5: translationKey — found "talks" in en, which content/talks-two.md also has in en, expected one article per language',
      'content/talks-two.md:6: translationKey — found "talks" in en, which content/talks-one.md also has in en',
      'content/escape-image.md:6: image.src — found "../../../../etc/passwd.jpg", expected a file inside the content/ folder',
      'content/image-no-alt.md:5: image.alt — found nothing, expected a description of the image for readers who cannot see it (alt is required with image)',
      'content/js-source.md:7: sources[0].url — found "javascript:alert(1)", expected an http:// or https:// address',
      'content/missing-title.md: title — found nothing, expected the headline as plain text of 1–200 characters',
      'content/no-front-matter.md:1: front matter — found the first line "Just a body without front matter.", expected the file to start with a front-matter block',
      'content/remote-image.md: body — found the image "https://example.org/x.png", which is not stored with the article, expected images stored next to the article',
      'content/unknown-field.md:5: tag — found a field the article format does not have, expected did you mean "tags"?',
      'content/updated-before.md:5: updated — found "2024-07-13T11:20:00+03:00", expected a time not before date',
    ];
    for (const line of expected) expect(bad.output).toContain(line);
    expect(bad.output).not.toContain('good.md');
  });

  it('prints no stack trace: a mistake in an article is not a crash', () => {
    expect(bad.output).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    expect(bad.output).not.toContain('Stack trace');
  });
});
