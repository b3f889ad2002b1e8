import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArticleRenderer, type RenderContext } from '../../src/lib/markdown.ts';
import { dangerousMarkup } from '../support/html.ts';

/** The exact pipeline of the build: Astro's unified processor with our options. */
let processor: Awaited<ReturnType<typeof createArticleRenderer>>;
beforeAll(async () => {
  processor = await createArticleRenderer();
});

async function render(body: string, { dateline = 'GAZA', lang = 'en' } = {}) {
  const context: RenderContext = { dateline, lang };
  const result = await processor.render(body, {
    frontmatter: context as unknown as Record<string, unknown>,
    fileURL: pathToFileURL('/site/content/2024/story.md'),
  });
  return { html: result.code, words: context.words, images: context.images };
}

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
    expect(html).toContain('<p><span class="dateline">GAZA —</span> The first paragraph.</p>');
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
    expect(html).toContain('<figure><blockquote cite="https://example.org/q"><p>Quoted.</p></blockquote><figcaption>— <cite>Someone</cite></figcaption></figure>');
  });
});

describe('sanitizer', () => {
  const attacks: Record<string, string> = {
    'script element': '<script>alert(1)</script>',
    'script with odd casing': '<ScRiPt>alert(1)</sCrIpT>',
    'event handler': '<img src="./a.jpg" onerror="alert(1)">',
    'event handler on any element': '<p onclick="alert(1)" onmouseover="alert(1)">x</p>',
    'javascript: link': '<a href="javascript:alert(1)">x</a>',
    'javascript: link in Markdown': '[x](javascript:alert(1))',
    'javascript: with entities': '<a href="&#106;avascript:alert(1)">x</a>',
    'javascript: with a tab inside': '<a href="java\tscript:alert(1)">x</a>',
    'javascript: with mixed case and leading space': '<a href=" JaVaScRiPt:alert(1)">x</a>',
    'vbscript: link': '<a href="vbscript:msgbox(1)">x</a>',
    'data: link': '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    'data: image': '<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    iframe: '<iframe src="https://example.org"></iframe>',
    'iframe srcdoc': '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    object: '<object data="x.swf"></object>',
    embed: '<embed src="x.swf">',
    form: '<form action="https://evil.example"><input name="q"><button formaction="javascript:alert(1)">go</button></form>',
    base: '<base href="https://evil.example/">',
    'meta refresh': '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    'style element': '<style>body{display:none}</style>',
    'style attribute': '<p style="background:url(javascript:alert(1))">x</p>',
    'link element': '<link rel="stylesheet" href="https://evil.example/x.css">',
    'svg with script': '<svg><script>alert(1)</script></svg>',
    'svg onload': '<svg onload="alert(1)"></svg>',
    'math namespace confusion': '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>',
    'noscript mutation': '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    'template mutation': '<template><script>alert(1)</script></template>',
    'srcset on img': '<img src="./a.jpg" srcset="javascript:alert(1) 1x">',
    'picture source': '<picture><source srcset="https://evil.example/x.jpg"><img src="./a.jpg"></picture>',
    'id clobbering': '<a id="content" name="content">x</a>',
    'autofocus and tabindex': '<p tabindex="1" accesskey="x" autofocus>x</p>',
    'html comment hiding script': '<!-- --><script>alert(1)</script><!-- -->',
    'cdata section': '<![CDATA[<script>alert(1)</script>]]>',
    'reference link to javascript': '[x][evil]\n\n[evil]: javascript:alert(1)',
    'autolink with javascript': '<javascript:alert(1)>',
    'title attribute breaking out': '[x](https://example.org "a\\" onmouseover=\\"alert(1)")',
    'alt breaking out': '![a" onerror="alert(1)](./a.jpg)',
  };

  for (const [name, body] of Object.entries(attacks)) {
    it(`neutralises ${name}`, async () => {
      // The checker must see the attack in the raw HTML, or this test could not fail. (CDATA outside
      // SVG and MathML is a comment to a browser, and `<javascript:…>` is Markdown, not HTML.)
      if (body.startsWith('<') && !body.startsWith('<![CDATA[') && !body.startsWith('<javascript:')) {
        expect(dangerousMarkup(body)).not.toEqual([]);
      }
      const { html } = await render(body);
      expect(dangerousMarkup(html)).toEqual([]);
    });
  }

  it('removes the content of code-like elements instead of showing it as text', async () => {
    const { html } = await render('<style>body{display:none}</style><svg><text>svg text</text></svg>Visible');
    expect(html).not.toContain('display:none');
    expect(html).not.toContain('svg text');
    expect(html).toContain('Visible');
  });

  it('keeps the text of elements it unwraps, so no words are lost', async () => {
    const { html } = await render('<form><label>Kept words</label></form>');
    expect(html).toContain('Kept words');
    expect(html).not.toContain('<form');
  });

  it('records every image of the body, for the loader to hold against the body rules', async () => {
    const { images } = await render('![x](https://example.org/a.jpg) <img src="//cdn.example/b.png">\n\n![local](./a.jpg)');
    expect(images).toEqual([
      { src: 'https://example.org/a.jpg', syntax: 'markdown' },
      { src: '//cdn.example/b.png', syntax: 'html' },
      { src: './a.jpg', syntax: 'markdown' },
    ]);
  });
});
