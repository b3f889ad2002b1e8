import { describe, expect, it } from 'vitest';
import { feedLinks, footerLinks, pageHead, siteChrome } from '../../../src/lib/site/chrome.ts';

const site = { name: 'Dateline', description: 'News from Gaza.', url: 'https://example.github.io', base: '/dateline/', lang: 'en' };

describe('the chrome around every page', () => {
  it('links the home page, each section, the archive and search under the base path', () => {
    const chrome = siteChrome(site, [
      { slug: 'world', name: 'World' },
      { slug: 'culture-and-arts', name: 'Culture & Arts' },
    ]);
    expect(chrome.homePath).toBe('/dateline/');
    expect(chrome.sections).toEqual([
      { name: 'World', path: '/dateline/sections/world/' },
      { name: 'Culture & Arts', path: '/dateline/sections/culture-and-arts/' },
    ]);
    expect(chrome.archivePath).toBe('/dateline/archive/');
    expect(chrome.search).toEqual({ action: '/dateline/search/', base: '/dateline/' });
    expect(chrome.themeScriptPath).toBe('/dateline/scripts/theme.js');
    expect(chrome.text.archive).toBe('Archive');
  });

  it('speaks the site language, whatever the page', () => {
    const chrome = siteChrome({ ...site, lang: 'ar' }, []);
    expect(chrome.dir).toBe('rtl');
    expect(chrome.text.search).toBe('بحث');
  });

  it('names the feeds of the site and of a section', () => {
    expect(feedLinks(site)).toEqual([
      { title: 'Dateline — RSS', href: '/dateline/feed.xml', type: 'application/rss+xml' },
      { title: 'Dateline — Atom', href: '/dateline/atom.xml', type: 'application/atom+xml' },
    ]);
    expect(feedLinks(site, { slug: 'world', name: 'World' })[1]).toEqual({
      title: 'Dateline — World — Atom',
      href: '/dateline/sections/world/atom.xml',
      type: 'application/atom+xml',
    });
  });
});

describe('the head of a page', () => {
  const input = { title: 'Talks', description: 'D.', canonicalUrl: 'https://example.github.io/dateline/x/', meta: [] };

  it('titles the page before the site name, and the front page with the site name alone', () => {
    expect(pageHead(site, input, true).title).toBe('Talks — Dateline');
    expect(pageHead(site, { ...input, title: undefined }, true).title).toBe('Dateline');
  });

  it('takes the language and direction of the page, with the skip link in its words', () => {
    const head = pageHead(site, { ...input, lang: 'ar' }, true);
    expect([head.lang, head.dir, head.skipToContent]).toEqual(['ar', 'rtl', 'انتقل إلى المحتوى']);
  });

  it('carries the Content Security Policy in a built site only, allowing WebAssembly where asked', () => {
    expect(pageHead(site, input, false).contentSecurityPolicy).toBeUndefined();
    expect(pageHead(site, input, true).contentSecurityPolicy).toContain("script-src 'self';");
    expect(pageHead(site, { ...input, webAssembly: true }, true).contentSecurityPolicy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  });

  it("links the edition's own site pages in the footer, policies first, then the corrections log", () => {
    const pages = [
      { slug: 'privacy', title: 'Privacy', lang: 'en' },
      { slug: 'about', title: 'About', lang: 'en' },
      { slug: 'about-ar', title: 'من نحن', lang: 'ar' },
    ];
    const english = footerLinks(site, pages, { masthead: 'about' });
    expect(english.map((link) => [link.name, link.path])).toEqual([
      ['About', '/dateline/about/'],
      ['Privacy', '/dateline/privacy/'],
      ['Corrections', '/dateline/corrections/'],
    ]);
    const arabic = footerLinks({ ...site, lang: 'ar', siteLang: 'en', edition: 'ar/' }, pages);
    expect(arabic.map((link) => [link.name, link.path, link.dir])).toEqual([
      ['من نحن', '/dateline/about-ar/', 'rtl'],
      ['التصحيحات', '/dateline/corrections/', 'rtl'],
    ]);
    // An edition without pages of its own links the site language's, each marked with its language.
    const french = footerLinks({ ...site, lang: 'fr', siteLang: 'en', edition: 'fr/' }, pages);
    expect(french.map((link) => [link.name, link.lang])).toEqual([
      ['About', 'en'],
      ['Privacy', 'en'],
      ['Rectificatifs', 'fr'],
    ]);
  });
});
