import { describe, expect, it } from 'vitest';
import { createArticleRenderer, type RenderContext } from '../../../src/lib/markdown/pipeline.ts';
import { CLOBBER_PREFIX, sanitizeSchema } from '../../../src/lib/markdown/sanitize.ts';
import { dangerousMarkup } from '../../support/html.ts';
import { render } from '../../support/render.ts';

/** The sanitize schema, as the build's pipeline applies it to every body. */
describe('the sanitize schema', () => {
  it("departs from GitHub's where the comments say: no picture or source, code-like elements stripped whole", () => {
    expect(sanitizeSchema.tagNames).not.toContain('picture');
    expect(sanitizeSchema.tagNames).toEqual(expect.arrayContaining(['figure', 'figcaption', 'cite', 'bdi', 'mark']));
    expect(sanitizeSchema.strip).toEqual(expect.arrayContaining(['style', 'svg', 'math', 'template', 'iframe']));
    expect(sanitizeSchema.clobberPrefix).toBe(CLOBBER_PREFIX);
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
});

/** What the pipeline's sanitizer removed from a body, as the build records it for the body rules. */
async function removals(body: string) {
  renderer ??= createArticleRenderer();
  const context: RenderContext = { dateline: 'GAZA', lang: 'en' };
  await (await renderer).render(body, { frontmatter: context as unknown as Record<string, unknown> });
  return context.removals;
}
let renderer: ReturnType<typeof createArticleRenderer> | undefined;

describe('the removal report', () => {
  it('names every element and attribute the sanitizer removes, with its line', async () => {
    const body = [
      'Embedded poll: <script src="https://polls.example/x.js"></script>',
      '',
      '<p onclick="vote()" style="color: red">Vote</p>',
      '',
      '<font color="red">Kept words</font> and [a link](javascript:alert(1)).',
    ].join('\n');
    expect(await removals(body)).toEqual([
      { kind: 'element', tagName: 'script', line: 1, withContent: true },
      { kind: 'attribute', attribute: 'onclick', tagName: 'p', line: 3, refused: 'name' },
      { kind: 'attribute', attribute: 'style', tagName: 'p', line: 3, refused: 'name' },
      { kind: 'element', tagName: 'font', line: 5, withContent: false },
      { kind: 'attribute', attribute: 'href', tagName: 'a', line: 5, refused: 'value' },
    ]);
  });

  it('reports nothing for ordinary Markdown and the HTML newsrooms use', async () => {
    const body = [
      '## A subhead',
      '',
      'Text with *emphasis*, `code`, ~~strikethrough~~, www.example.org, <mailto:desk@example.org> and a note.[^1]',
      '',
      '| Figure | Number |',
      '| --- | ---: |',
      '| Dead | 12 |',
      '',
      '- [x] done',
      '- [ ] to do',
      '',
      '```js',
      'const a = 1;',
      '```',
      '',
      '<figure><blockquote cite="https://example.org/q"><p>Quoted.</p></blockquote><figcaption>— <cite>Someone</cite></figcaption></figure>',
      '',
      '<details><summary>Timeline</summary>',
      '',
      'Markdown inside <abbr title="United Nations">UN</abbr> details, <mark>marked</mark>, H<sub>2</sub>O.',
      '',
      '</details>',
      '',
      "<!-- An editor's note, which no reader sees. -->",
      '',
      '[^1]: The note.',
    ].join('\n');
    expect(await removals(body)).toEqual([]);
  });

  it('tells an element removed on its own from one that swallows the text after it', async () => {
    expect(await removals('Intro.\n\n<iframe src="https://example.org/embed"></iframe>\n\nMore.')).toEqual([
      { kind: 'element', tagName: 'iframe', line: 3, withContent: true },
    ]);
    // Nothing follows it, so nothing is lost with it.
    expect(await removals('Intro.\n\n<iframe src="https://example.org/embed">')).toEqual([
      { kind: 'element', tagName: 'iframe', line: 3, withContent: true },
    ]);
    // The paragraph after it becomes its content, up to the paragraph's end, which closes it.
    expect(await removals('Intro.\n\n<iframe src="https://example.org/embed">\n\nThe rest.\n\nOf the story.')).toEqual([
      { kind: 'swallowed', tagName: 'iframe', line: 3, lastLine: 5 },
    ]);
  });

  it('finds swallowed text in every way Markdown and HTML make it', async () => {
    const cases: Record<string, unknown> = {
      // An HTML block of <textarea>, <script>, <style> or <pre> runs on until it is closed.
      '<textarea>\nThe story.\n\nMore of it.': { kind: 'swallowed', tagName: 'textarea', line: 1, lastLine: 4 },
      '<style>p { color: red }\n\nThe story.': { kind: 'swallowed', tagName: 'style', line: 1, lastLine: 3 },
      // Closed, but after Markdown text that its content takes.
      '<noscript>\n\nTurn on *JavaScript*.\n\n</noscript>\n\nAfter.': {
        kind: 'swallowed',
        tagName: 'noscript',
        line: 1,
        lastLine: 3,
        closedAt: 5,
      },
      // Inline, in a paragraph of several lines.
      'Poll: <select><option>Yes\nThe story goes on.': { kind: 'swallowed', tagName: 'select', line: 1, lastLine: 2 },
      // In a block quote, where Markdown hands the HTML on without its `>`.
      '> <iframe src="https://example.org/">\n> Quoted words.\n\nAfter.': { kind: 'swallowed', tagName: 'iframe', line: 1, lastLine: 2 },
      '<template>\n\nThe story.': { kind: 'swallowed', tagName: 'template', line: 1, lastLine: 3 },
      '<!-- Draft note\n\nThe story.\n\nMore of it.': { kind: 'swallowed', tagName: '!--', line: 1, lastLine: 5 },
    };
    for (const [body, removal] of Object.entries(cases)) expect(await removals(body), body).toEqual([removal]);
  });

  it('leaves removed elements closed within their own block or line as warnings', async () => {
    for (const body of [
      '<script>\nvar a = 1;\n\nvar b = 2;\n</script>\n\nAfter.',
      'Text <noscript>Turn on JavaScript</noscript> and more.\n\nAfter.',
      '<select>\n<option>A</option>\n</select>\n\nAfter.',
      '| a |\n| - |\n| <iframe src="x"></iframe> |\n\nAfter.',
    ]) {
      expect(
        (await removals(body))?.map((removal) => removal.kind),
        body,
      ).toEqual(['element']);
    }
  });
});
