import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkArticleFile, type ArticleRules } from '../../../src/lib/article/article.ts';
import { imageProblems, imageReferences, parseBody } from '../../../src/lib/article/body-rules.ts';
import { createArticleRenderer, type RenderContext } from '../../../src/lib/markdown/pipeline.ts';
import { validCases } from '../../fixtures/hostile/corpus.ts';
import { dangerousMarkup } from '../../support/html.ts';

/**
 * Random and mutated input, bounded in time: nothing may throw, hang or let markup through.
 * Seeds are real articles and the hostile corpus; mutations insert the characters parsers trip on.
 */
const rules: ArticleRules = {
  timeZone: 'Asia/Gaza',
  defaultLang: 'en',
  defaultSection: 'News',
  defaultAuthors: ['Staff'],
  contentDir: 'content',
  now: new Date('2026-11-26T12:00:00Z'),
  fileExists: () => true,
};
/**
 * A fixed seed keeps every run, and CI, reproducible; FUZZ_SEED=<n> npm run test:unit explores others.
 * fast-check prints the seed and the shrunk input of any failure.
 */
const fuzzSeed = Number(process.env['FUZZ_SEED'] ?? 20261126);
/** Slower than this for one input is a hang, not a slow machine. */
const MAX_MS_PER_INPUT = 2000;
const TIME_LIMIT_MS = 8000;

const seed = `---
title: "Talks resume"
dateline: GAZA
date: 2024-07-14T11:20:00+03:00
summary: "Two sentences."
tags: [a, b]
sources:
  - One
  - name: Two
    url: https://example.org/x
image:
  src: ./images/pic.png
  alt: A picture
---

Text with **bold**, [a link](https://example.org), a footnote[^1] and a table:

| a | b |
| - | - |
| 1 | 2 |

<figure><blockquote>q</blockquote></figure>

[^1]: Note.
`;
const bodies = [seed.split('---\n').slice(2).join('---\n'), ...validCases.map((entry) => entry.body ?? '')];
const tricky = [
  '---',
  '\n',
  '\r\n',
  '\0',
  '\uFEFF',
  '\u2028',
  ':',
  '- ',
  '&',
  '*',
  '!!',
  '|',
  '"',
  "'",
  '<',
  '>',
  '</',
  '<script>',
  '[^',
  '](',
  '`',
  '\\',
  '#',
  '&#',
  '{',
  '}',
  '%',
  '\uD800',
];

const mutation = (text: string) =>
  fc
    .array(
      fc.record({
        at: fc.nat({ max: text.length }),
        cut: fc.nat({ max: 8 }),
        insert: fc.oneof(fc.constantFrom(...tricky), fc.string({ maxLength: 6 })),
      }),
      { minLength: 1, maxLength: 12 },
    )
    .map((edits) => edits.reduce((current, edit) => current.slice(0, edit.at) + edit.insert + current.slice(edit.at + edit.cut), text));

function timed<T>(work: () => T): T {
  const started = performance.now();
  const result = work();
  expect(performance.now() - started).toBeLessThan(MAX_MS_PER_INPUT);
  return result;
}

describe('fuzzing the front-matter and file checks', () => {
  it('never throws or hangs on random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), (bytes) => {
        const result = timed(() => checkArticleFile('content/fuzz.md', bytes, rules));
        if (!result.ok) for (const problem of result.problems) expect(problem.expected.length).toBeGreaterThan(0);
      }),
      { seed: fuzzSeed, numRuns: 3000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('never throws or hangs on mutated articles, and explains every refusal', () => {
    const encoder = new TextEncoder();
    fc.assert(
      fc.property(mutation(seed), (text) => {
        const result = timed(() => checkArticleFile('content/fuzz.md', encoder.encode(text), rules));
        if (!result.ok) {
          expect(result.problems.length).toBeGreaterThan(0);
          for (const problem of result.problems) {
            expect(problem.file).toBe('content/fuzz.md');
            expect(problem.found).not.toBe('');
            expect(problem.expected).not.toBe('');
          }
        }
      }),
      { seed: fuzzSeed, numRuns: 3000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });
});

describe('fuzzing the body', () => {
  let renderer: Awaited<ReturnType<typeof createArticleRenderer>>;
  beforeAll(async () => {
    renderer = await createArticleRenderer();
  });

  it('reads the images of any body without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 500 }), fc.constantFrom(...bodies).chain(mutation)), (body) => {
        timed(() => imageProblems(imageReferences(parseBody(body)), 'content/fuzz.md', rules));
      }),
      { seed: fuzzSeed, numRuns: 2000, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  });

  it('renders any body to HTML with nothing executable in it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.string({ maxLength: 300 }), fc.constantFrom(...bodies).chain(mutation)), async (body) => {
        const context: RenderContext = { dateline: 'GAZA', lang: 'en' };
        const started = performance.now();
        const { code } = await renderer.render(body, { frontmatter: context as unknown as Record<string, unknown> });
        expect(performance.now() - started).toBeLessThan(MAX_MS_PER_INPUT);
        expect(dangerousMarkup(code)).toEqual([]);
      }),
      { seed: fuzzSeed, numRuns: 1500, interruptAfterTimeLimit: TIME_LIMIT_MS },
    );
  }, 30_000);
});
