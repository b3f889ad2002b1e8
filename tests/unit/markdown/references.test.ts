import { describe, expect, it } from 'vitest';
import { parseBody } from '../../../src/lib/article/body-rules.ts';
import { htmlSources, imageReferences } from '../../../src/lib/markdown/references.ts';

describe('imageReferences', () => {
  it('finds images in Markdown, in reference definitions and in raw HTML', () => {
    expect(
      imageReferences(parseBody('![a](./x.png)\n\n![b][ref]\n\n[ref]: ./y.png\n\n<p><IMG src="./z.png"><image src="./w.png"></p>')),
    ).toEqual([
      { src: './x.png', syntax: 'markdown' },
      { src: './y.png', syntax: 'markdown' },
      { src: './z.png', syntax: 'html' },
      { src: './w.png', syntax: 'html' },
    ]);
  });
});

describe('htmlSources', () => {
  it('gives each piece of raw HTML with where its block ends: itself, or the paragraph that holds it', () => {
    const body = 'Intro <b>bold</b>\nstill the intro.\n\n<div>\nA block.\n</div>\n\n> <aside>quoted</aside>';
    const sources = htmlSources(parseBody(body));
    const paragraphEnd = body.indexOf('intro.') + 'intro.'.length;
    expect(sources).toEqual([
      { offset: body.indexOf('<b>'), line: 1, value: '<b>', block: false, blockEnd: paragraphEnd },
      { offset: body.indexOf('</b>'), line: 1, value: '</b>', block: false, blockEnd: paragraphEnd },
      { offset: body.indexOf('<div>'), line: 4, value: '<div>\nA block.\n</div>', block: true, blockEnd: body.indexOf('</div>') + 6 },
      { offset: body.indexOf('<aside>'), line: 8, value: '<aside>quoted</aside>', block: true, blockEnd: body.length },
    ]);
  });
});
