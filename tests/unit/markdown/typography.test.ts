import fc from 'fast-check';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkSmartypants from 'remark-smartypants';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { remarkTypography } from '../../../src/lib/markdown/typography.ts';
import { validCases } from '../../fixtures/hostile/corpus.ts';

/**
 * remarkTypography must give exactly what Astro's smartypants option (remark-smartypants) gives; it
 * only skips work that would change nothing. Both run over the same bodies and their syntax trees
 * are compared whole.
 */
const withAstro = unified().use(remarkParse).use(remarkGfm).use(remarkSmartypants);
const withOurs = unified().use(remarkParse).use(remarkGfm).use(remarkTypography);

function trees(markdown: string) {
  return {
    ours: withOurs.runSync(withOurs.parse(markdown)),
    astro: withAstro.runSync(withAstro.parse(markdown)),
  };
}

const examples = [
  '"Talks resume," said the mediator. \'We are close.\'',
  'He said, "\'Quoted\' words in a larger quote." Then -- after a pause --- he left...',
  "The '80s were \"different\". Rock 'n' roll. It's the minister's car.",
  '"*Emphasis* inside quotes" and "[a link](https://example.org)" and **"bold quote"**',
  '# "A heading"\n\n| "Cell" | it\'s |\n| --- | --- |\n| ``backticks\'\' | . . . spaced |\n\n> "Quoted block"',
  'Code `"stays straight"` but "text around `it` curls".',
  'A sentence with no quotes at all, nor dashes, nor dots',
  '"Unclosed quote\n\nNext paragraph" with a closing one.',
  'Footnote[^1] "quoted".\n\n[^1]: "A note" -- with a dash.',
  '<figure><blockquote><p>"Raw HTML stays as written"</p></blockquote></figure> and "text after".',
];

describe('remarkTypography', () => {
  it('curls quotes, dashes and ellipses as Astro does', () => {
    const processor = unified().use(remarkParse).use(remarkTypography).use(remarkStringify);
    expect(String(processor.processSync('"Hello," she said -- and left... It\'s done.'))).toBe(
      '“Hello,” she said — and left… It’s done.\n',
    );
  });

  it.each(examples)('gives the same tree as remark-smartypants: %s', (markdown) => {
    const { ours, astro } = trees(markdown);
    expect(ours).toEqual(astro);
  });

  it('gives the same trees over the hostile corpus', () => {
    for (const { body } of validCases) {
      if (body === undefined) continue;
      const { ours, astro } = trees(body);
      expect(ours, body).toEqual(astro);
    }
  });

  it('gives the same trees for random text made of what typography changes', () => {
    const pieces = [
      '"',
      "'",
      '--',
      '---',
      '.',
      '...',
      '. . .',
      '``',
      "''",
      '`x`',
      '*',
      '_',
      ' ',
      '\n',
      '\n\n',
      'word',
      '80s',
      's',
      '[l](u)',
      '#',
      '|',
      '>',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
        const { ours, astro } = trees(parts.join(''));
        expect(ours).toEqual(astro);
      }),
      { seed: Number(process.env['FUZZ_SEED'] ?? 20261126), numRuns: 400 },
    );
  });
});
