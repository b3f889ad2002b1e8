import { describe, expect, it } from 'vitest';
import { imageProblems, imageReferences, parseBody } from '../../../src/lib/article/body-rules.ts';
import { formatProblem } from '../../../src/lib/article/problems.ts';

const rules = { contentDir: 'content', fileExists: (file: string) => file === 'content/2024/images/a b.png' };
const FILE = 'content/2024/story.md';

function problems(body: string): string[] {
  return imageProblems(imageReferences(parseBody(body)), FILE, rules).map(formatProblem);
}

describe('body rules', () => {
  it('finds images in Markdown, in reference definitions and in raw HTML', () => {
    expect(imageReferences(parseBody('![a](./x.png)\n\n![b][ref]\n\n[ref]: ./y.png\n\n<p><img src="./z.png"></p>'))).toEqual([
      { src: './x.png', syntax: 'markdown' },
      { src: './y.png', syntax: 'markdown' },
      { src: './z.png', syntax: 'html' },
    ]);
  });

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
});
