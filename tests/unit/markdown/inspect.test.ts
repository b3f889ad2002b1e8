import { describe, expect, it } from 'vitest';
import { inspectBody } from '../../../src/lib/markdown/inspect.ts';
import { createArticleRenderer, type RenderContext } from '../../../src/lib/markdown/pipeline.ts';
import { domPurifyCases } from '../../fixtures/hostile/dompurify.ts';
import { validCases } from '../../fixtures/hostile/corpus.ts';

/** A body through the build's pipeline: its HTML, and what the pipeline found for the body rules. */
let renderer: ReturnType<typeof createArticleRenderer> | undefined;
async function rendered(body: string) {
  renderer ??= createArticleRenderer();
  const context: RenderContext = { dateline: 'GAZA', lang: 'en' };
  const { code } = await (await renderer).render(body, { frontmatter: context as unknown as Record<string, unknown> });
  return { html: code, images: context.images, removals: context.removals };
}

const CLOSING = 'The closing paragraph.';
const between = (payload: string) => `The opening paragraph.\n\n${payload}\n\n${CLOSING}\n`;

describe('inspectBody, the check without rendering', () => {
  it('finds what the pipeline finds, in hostile bodies and ordinary ones', async () => {
    const bodies = [
      ...domPurifyCases.map(({ payload }) => between(payload)),
      ...validCases.flatMap((entry) => (entry.body ? [entry.body] : [])),
      'Plain *Markdown* with [a link](https://example.org) and ![a chart](./images/chart.png).',
      '[mail](mailto:desk@example.org), [chat](irc://irc.example.org/news), ![x](HTTP://example.org/a.png) and [x][ref]\n\n[ref]: javascript:alert(1)',
    ];
    for (const body of bodies) {
      const { images, removals } = await rendered(body);
      expect(inspectBody(body), body).toEqual({ images, removals });
    }
  });

  it('finds images in Markdown and in raw HTML', () => {
    expect(inspectBody('![a](./a.png) <img src="./b.png">').images).toEqual([
      { src: './a.png', syntax: 'markdown' },
      { src: './b.png', syntax: 'html' },
    ]);
  });
});

describe("DOMPurify's 216 payloads between two paragraphs", () => {
  it('each keeps the closing paragraph, or names the element that swallows it and its line', async () => {
    expect(domPurifyCases).toHaveLength(216);
    const swallowing: string[] = [];
    for (const { title = '', payload } of domPurifyCases) {
      const name = `${title} ${payload}`;
      const { html, removals } = await rendered(between(payload));
      const swallowed = removals?.filter((removal) => removal.kind === 'swallowed') ?? [];
      if (!html.includes(CLOSING)) {
        swallowing.push(name);
        expect(swallowed.length, name).toBeGreaterThan(0);
      }
      // The payload starts on the third line; its element is named where it opens.
      for (const removal of swallowed) {
        expect(removal.tagName, name).toMatch(/^[a-z]+$/);
        expect(removal.line, name).toBeGreaterThanOrEqual(3);
        expect(removal.lastLine, name).toBeGreaterThan(removal.line);
      }
    }
    // The ones that lose it: a stripped element (<iframe>, <svg>, <math>…) left open takes it.
    expect(swallowing).toHaveLength(12);
  });
});
