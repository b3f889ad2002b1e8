import { pathToFileURL } from 'node:url';
import { createArticleRenderer, type RenderContext } from '../../src/lib/markdown/pipeline.ts';

/** The exact pipeline of the build: Astro's unified processor with our options. */
let processor: ReturnType<typeof createArticleRenderer> | undefined;

/** An article body through the build's pipeline: its HTML, word count and images. */
export async function render(body: string, { dateline = 'GAZA', lang = 'en' } = {}) {
  processor ??= createArticleRenderer();
  const context: RenderContext = { dateline, lang };
  const result = await (
    await processor
  ).render(body, {
    frontmatter: context as unknown as Record<string, unknown>,
    fileURL: pathToFileURL('/site/content/2024/story.md'),
  });
  return { html: result.code, words: context.words, images: context.images };
}

/** Body HTML without the paragraph ids and "¶" links (paragraphs.ts), for tests about everything else. */
export function withoutParagraphLinks(html: string): string {
  return html
    .replace(/ id="p-[0-9a-f]{8}(?:-\d+)?"/g, '')
    .replace(/ <a class="paragraph-link" href="#[^"]*" aria-label="[^"]*">¶<\/a>/g, '');
}
