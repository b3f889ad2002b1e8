import { describe, expect, it } from 'vitest';
import {
  BODY_PLACEHOLDER,
  bodyRuleProblems,
  imageProblems,
  imageReferences,
  parseBody,
  placeholderProblems,
  removalProblems,
} from '../../../src/lib/article/body-rules.ts';
import { formatProblem } from '../../../src/lib/article/problems.ts';
import type { Removal } from '../../../src/lib/markdown/sanitize.ts';

const rules = {
  contentDir: 'content',
  fileExists: (file: string) => file === 'content/2024/images/a b.png',
  listFolder: (folder: string) => (folder === 'content/2024/images' ? ['a b.png', 'hostages-chart.png'] : []),
};
const FILE = 'content/2024/story.md';

function problems(body: string): string[] {
  return imageProblems(imageReferences(parseBody(body)), FILE, rules).map(formatProblem);
}

describe('body rules', () => {
  it('accepts an image file next to the article, with an encoded name', () => {
    expect(problems('![Chart](./images/a%20b.png)')).toEqual([]);
  });

  it('refuses remote images in every spelling', () => {
    for (const src of ['https://example.org/a.png', 'HTTP://example.org/a.png', '//cdn.example/a.png', 'data:image/png;base64,AAAA']) {
      expect(problems(`![x](<${src}>)`), src).toEqual([
        `${FILE}: body — found the image ${JSON.stringify(src)}, which is not stored with the article, expected images stored next to the article, like ![Caption](./images/photo.jpg), so that readers never load another site`,
      ]);
    }
  });

  it('refuses images outside content/, missing files and site-root paths', () => {
    expect(problems('![x](../../../etc/passwd.png) ![y](./nope.png) ![z](/images/a.png)')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md: body — found the image "../../../etc/passwd.png", which is not a file inside content/, expected the path of an image file committed next to the article, like ![Caption](./images/photo.jpg)",
        "content/2024/story.md: body — found the image "./nope.png", which is not a file inside content/, expected the path of an image file committed next to the article, like ![Caption](./images/photo.jpg)",
        "content/2024/story.md: body — found the image "/images/a.png", expected a path relative to the article file, like ![Caption](./images/photo.jpg)",
      ]
    `);
  });

  it('asks for Markdown syntax instead of a raw <img>, which the build could not publish', () => {
    expect(problems('<img src="./images/a%20b.png" alt="x">')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md: body — found the image "./images/a%20b.png" in an HTML <img>, expected Markdown image syntax, like ![Caption](./images/photo.jpg), so that the image is resized and published with the article",
      ]
    `);
  });

  it('suggests the image file nearest to a missing one', () => {
    expect(problems('![Chart](./images/hostages-chart.jpg)')).toMatchInlineSnapshot(`
      [
        "content/2024/story.md: body — found the image "./images/hostages-chart.jpg", which is not a file inside content/, expected did you mean ./images/hostages-chart.png? the path of an image file committed next to the article, like ![Caption](./images/photo.jpg)",
      ]
    `);
  });
});

describe('the placeholder of npm run new', () => {
  const article = (body: string, draft = false) => ({ file: FILE, body, bodyLine: 8, draft });

  it('is refused in an article that is not a draft, where it would be published', () => {
    expect(placeholderProblems(article(`${BODY_PLACEHOLDER}\n`)).map(formatProblem)).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:8: body — found the placeholder that npm run new writes ("Write the story here."), expected the story in its place, or draft: true until it is written",
      ]
    `);
    expect(placeholderProblems(article(`The story.\n\n${BODY_PLACEHOLDER}\n`))[0]?.line).toBe(10);
  });

  it('is allowed in a draft, and a story that mentions it is not the placeholder', () => {
    expect(placeholderProblems(article(`${BODY_PLACEHOLDER}\n`, true))).toEqual([]);
    expect(placeholderProblems(article(`He said: ${BODY_PLACEHOLDER}\n`))).toEqual([]);
  });
});

describe('what the sanitizer removes', () => {
  const report = (removals: Removal[]) => {
    const { problems, warnings } = removalProblems(removals, FILE, 5);
    return { problems: problems.map(formatProblem), warnings: warnings.map(formatProblem) };
  };

  it('is a problem when raw HTML swallows the text after it, naming the element and its line', () => {
    expect(
      report([
        { kind: 'swallowed', tagName: 'iframe', line: 8, lastLine: 17 },
        { kind: 'swallowed', tagName: 'noscript', line: 1, lastLine: 2, closedAt: 4 },
        { kind: 'swallowed', tagName: '!--', line: 20, lastLine: 24 },
      ]).problems,
    ).toMatchInlineSnapshot(`
      [
        "content/2024/story.md:12: body — found <iframe> that is never closed: the 9 lines after it would be lost with it, expected </iframe> where it should end, or no <iframe> at all (readers' browsers never load another site's page or plugin)",
        "content/2024/story.md:5: body — found <noscript> closed only at line 8: the line after it would be lost with it, expected </noscript> where it should end, or no <noscript> at all (scripts never reach readers)",
        "content/2024/story.md:24: body — found an HTML comment (<!--) that is never closed: the 4 lines after it would be lost with it, expected --> where the comment should end",
      ]
    `);
  });

  it('is a warning, with its line, for any other element or attribute', () => {
    expect(
      report([
        { kind: 'element', tagName: 'script', line: 10, withContent: true },
        { kind: 'element', tagName: 'font', line: 11, withContent: false },
        { kind: 'attribute', attribute: 'onclick', tagName: 'a', line: 5, refused: 'name' },
        { kind: 'attribute', attribute: 'href', tagName: 'a', line: 6, refused: 'value' },
      ]),
    ).toMatchInlineSnapshot(`
      {
        "problems": [],
        "warnings": [
          "content/2024/story.md:14: body — found <script>, which is removed with its content, expected no <script>: scripts never reach readers",
          "content/2024/story.md:15: body — found <font>, which is removed (its text stays), expected no <font>: it is not an element articles may use",
          "content/2024/story.md:9: body — found the onclick attribute of <a>, which is removed, expected no onclick: event handlers are scripts, which never reach readers",
          "content/2024/story.md:10: body — found the href attribute of <a>, which is removed, expected another href: only http:, https:, irc:, ircs:, mailto: and xmpp: addresses are kept",
        ],
      }
    `);
  });

  it('holds every rule of a body at once', () => {
    const found = bodyRuleProblems(
      { file: FILE, body: BODY_PLACEHOLDER, bodyLine: 5, draft: false },
      {
        images: [{ src: './nope.png', syntax: 'markdown' }],
        removals: [{ kind: 'element', tagName: 'style', line: 1, withContent: true }],
      },
      rules,
    );
    expect(found.problems.map((problem) => problem.found)).toEqual([
      'the placeholder that npm run new writes ("Write the story here.")',
      'the image "./nope.png", which is not a file inside content/',
    ]);
    expect(found.warnings.map((warning) => warning.line)).toEqual([5]);
  });
});
