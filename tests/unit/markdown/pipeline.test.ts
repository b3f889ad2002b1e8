import { describe, expect, it } from 'vitest';
import { render, withoutParagraphLinks } from '../../support/render.ts';
import { dangerousMarkup } from '../../support/html.ts';

describe('Markdown features', () => {
  it('renders GFM tables, strikethrough and autolinks', async () => {
    const { html } = await render('| a | b |\n| - | -: |\n| 1 | 2 |\n\n~~gone~~ www.example.org');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="right">2</td>');
    expect(html).toContain('<del>gone</del>');
    expect(html).toContain('<a href="http://www.example.org" rel="noopener noreferrer">www.example.org</a>');
  });

  it('links footnote references and notes with one id prefix, so they work', async () => {
    const { html } = await render('Claim.[^1]\n\n[^1]: The note.');
    expect(html).toContain('href="#user-content-fn-1"');
    expect(html).toContain('id="user-content-fn-1"');
    expect(html).toContain('href="#user-content-fnref-1"');
    expect(html).toContain('id="user-content-fnref-1"');
    expect(html).not.toContain('user-content-user-content');
  });

  it('writes the footnotes heading in the article language', async () => {
    const { html } = await render('نص.[^1]\n\n[^1]: حاشية.', { dateline: 'غزة', lang: 'ar' });
    expect(html).toContain('>الحواشي</h2>');
  });

  it('prefixes heading ids and the links that point at them', async () => {
    const { html } = await render('See [below](#the-figures).\n\n## The figures\n\n## Content');
    expect(html).toContain('<h2 id="user-content-the-figures">');
    expect(html).toContain('href="#user-content-the-figures"');
    // A heading called "Content" cannot take the id of the page's <main id="content">.
    expect(html).toContain('<h2 id="user-content-content">');
  });

  it('opens external links with noopener noreferrer and leaves internal ones alone', async () => {
    const { html } = await render('[ext](https://example.org/a) and [int](/articles/x/)');
    expect(html).toContain('<a href="https://example.org/a" rel="noopener noreferrer">ext</a>');
    expect(html).toContain('<a href="/articles/x/">int</a>');
  });

  it('puts the dateline at the start of the first paragraph, as wire copy does', async () => {
    const { html } = await render('## Heading first\n\nThe first paragraph.\n\nThe second.');
    expect(withoutParagraphLinks(html)).toContain('<p><span class="dateline">GAZA —</span> The first paragraph.</p>');
    expect(html.match(/class="dateline"/g)).toHaveLength(1);
  });

  it('gives an empty body a paragraph with the dateline alone', async () => {
    const { html } = await render('');
    expect(html).toBe('<p><span class="dateline">GAZA —</span></p>');
  });

  it('escapes a dateline that looks like markup', async () => {
    const { html } = await render('Text.', { dateline: '<img src=x onerror=alert(1)>' });
    expect(html).toContain('&#x3C;img src=x onerror=alert(1)>');
    expect(dangerousMarkup(html)).toEqual([]);
  });

  it('counts the words of the body, in any script', async () => {
    expect((await render('One two three four.')).words).toBe(4);
    expect((await render('حماس تنسحب من المفاوضات', { dateline: 'غزة', lang: 'ar' })).words).toBe(4);
  });

  it('keeps the markup newsrooms use in raw HTML', async () => {
    const { html } = await render(
      '<figure><blockquote cite="https://example.org/q"><p>Quoted.</p></blockquote><figcaption>— <cite>Someone</cite></figcaption></figure>',
    );
    expect(withoutParagraphLinks(html)).toContain(
      '<figure><blockquote cite="https://example.org/q"><p>Quoted.</p></blockquote><figcaption>— <cite>Someone</cite></figcaption></figure>',
    );
  });
});

describe('the body rules', () => {
  it('records every image of the body, for the loader to hold against the body rules', async () => {
    const { images } = await render('![x](https://example.org/a.jpg) <img src="//cdn.example/b.png">\n\n![local](./a.jpg)');
    expect(images).toEqual([
      { src: 'https://example.org/a.jpg', syntax: 'markdown' },
      { src: '//cdn.example/b.png', syntax: 'html' },
      { src: './a.jpg', syntax: 'markdown' },
    ]);
  });
});
