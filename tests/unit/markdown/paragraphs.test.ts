import type { Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { select, selectAll } from 'hast-util-select';
import { toHtml } from 'hast-util-to-html';
import { describe, expect, it } from 'vitest';
import { linkParagraphs } from '../../../src/lib/markdown/paragraphs.ts';
import { render } from '../../support/render.ts';

function ids(html: string): string[] {
  return selectAll('p', fromHtml(html, { fragment: true })).map((node) => String(node.properties['id'] ?? ''));
}

describe('paragraph links', () => {
  it('give each paragraph an id from its text: the same text, the same id, in every build', async () => {
    const first = ids((await render('Talks resumed.\n\nThe talks stalled.')).html);
    const again = ids((await render('A new first paragraph.\n\nThe talks stalled.')).html);
    expect(first).toHaveLength(2);
    for (const id of first) expect(id).toMatch(/^p-[0-9a-f]{8}$/);
    expect(first[0]).not.toBe(first[1]);
    expect(again[1]).toBe(first[1]);
  });

  it('keep the first paragraph its id whatever the dateline before it', async () => {
    const gaza = ids((await render('Talks resumed.', { dateline: 'GAZA' })).html);
    const doha = ids((await render('Talks resumed.', { dateline: 'DOHA' })).html);
    expect(doha).toEqual(gaza);
  });

  it('keep ids unique when a paragraph is repeated, and apart from every id the body brings', async () => {
    const { html } = await render('## P 1234\n\nSame words.\n\nSame words.\n\n<p id="p-1">Raw.</p>');
    const tree = fromHtml(html, { fragment: true });
    const all = selectAll('[id]', tree).map((node) => String(node.properties['id']));
    expect(new Set(all).size).toBe(all.length);
    const [first, second, raw] = ids(html);
    expect(second).toBe(`${first}-2`);
    // A paragraph the author gave an id keeps it, so that links to it still work.
    expect(raw).toBe('user-content-p-1');
    // The body's own ids carry the sanitizer's prefix; only paragraphs start with p-.
    expect(all.filter((id) => !id.startsWith('p-')).every((id) => id.startsWith('user-content-'))).toBe(true);
  });

  it('end each paragraph with a link to itself, named in the story language', async () => {
    const { html } = await render('نص الفقرة.', { lang: 'ar', dateline: 'غزة' });
    const paragraph = select('p', fromHtml(html, { fragment: true }));
    const link = select('a.paragraph-link', paragraph!);
    expect(link?.properties['href']).toBe(`#${paragraph?.properties['id']}`);
    expect(link?.properties['ariaLabel']).toBe('رابط هذه الفقرة');
  });

  it('leave footnotes and paragraphs without text as they are', () => {
    const tree = fromHtml(
      '<p><img src="a.png" alt=""></p><section data-footnotes><ol><li id="user-content-fn-1"><p>Note.</p></li></ol></section>',
      { fragment: true },
    ) as Root;
    const before = toHtml(tree);
    linkParagraphs(tree, 'Link');
    expect(toHtml(tree)).toBe(before);
  });
});
