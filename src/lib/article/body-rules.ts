import { posix } from 'node:path';
import type { Root } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { ImageReference } from '../markdown/references.ts';
import { sanitizeSchema, type Removal } from '../markdown/sanitize.ts';
import { nearestImage, type ListFolder } from './nearest-image.ts';
import { count, type Problem } from './problems.ts';

/**
 * The rules an article body must follow, held against what the body refers to (references.ts) and
 * what the sanitizer removes from it (sanitize.ts). The build finds those inside the rendering
 * pipeline (pipeline.ts) and `npm run check` without rendering (`inspectBody` in inspect.ts), which
 * is several times faster: one set of rules, two ways to reach it.
 */
export { imageReferences, type ImageReference } from '../markdown/references.ts';

export interface BodyRules {
  readonly contentDir: string;
  readonly fileExists: (file: string) => boolean;
  /** For "did you mean" hints on a missing image (nearest-image.ts). */
  readonly listFolder?: ListFolder | undefined;
}

/** What the pipeline, or `inspectBody` without rendering, found in a body for its rules. */
export interface BodyFindings {
  readonly images: readonly ImageReference[];
  readonly removals: readonly Removal[];
}

/** What the body rules need of the article besides its findings. */
export interface BodyArticle {
  readonly file: string;
  readonly body: string;
  /** The file's line where the body starts. */
  readonly bodyLine: number;
  readonly draft: boolean;
}

/**
 * Every rule of the body, for both ways of reaching them: its images, the placeholder of `npm run new`,
 * text that raw HTML would swallow (problems), and what the sanitizer removes (warnings).
 */
export function bodyRuleProblems(
  article: BodyArticle,
  found: BodyFindings,
  rules: BodyRules,
): { problems: Problem[]; warnings: Problem[] } {
  const removed = removalProblems(found.removals, article.file, article.bodyLine);
  return {
    problems: [...placeholderProblems(article), ...removed.problems, ...imageProblems(found.images, article.file, rules)],
    warnings: removed.warnings,
  };
}

/** Why the sanitizer removes an element (the schema's reasons, sanitize.ts), for the editor's warning. */
const ELEMENT_REASONS = new Map(
  (
    [
      ['script noscript', 'scripts never reach readers'],
      ['style', "the site's own stylesheet styles every page"],
      [
        'iframe frame frameset noframes object embed applet param noembed portal',
        "readers' browsers never load another site's page or plugin",
      ],
      ['form button select option optgroup textarea label fieldset legend datalist output keygen isindex', 'forms never reach readers'],
      ['svg math', 'SVG and MathML never reach readers; a chart or formula goes in as an image file'],
      ['picture source', 'its srcset could load pictures from other sites; images go in with Markdown image syntax'],
      ['base meta link title head html body', "it belongs to the page around the article, which the site's layout writes"],
      ['template xmp plaintext', 'it holds code, not text'],
    ] as const
  ).flatMap(([names, reason]) => names.split(' ').map((name) => [name, reason] as const)),
);

function elementRemovalReason(tagName: string): string {
  return ELEMENT_REASONS.get(tagName) ?? 'it is not an element articles may use';
}

/** Why the sanitizer removes an attribute, for the editor's warning. */
function attributeRemovalReason(removal: Extract<Removal, { kind: 'attribute' }>): string {
  const { attribute, refused } = removal;
  if (refused === 'value') {
    const property = attribute === 'longdesc' ? 'longDesc' : attribute;
    const protocols = sanitizeSchema.protocols?.[property];
    return protocols
      ? `only ${new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(protocols.map((protocol) => `${protocol}:`))} addresses are kept`
      : 'the format does not allow that value';
  }
  if (attribute.startsWith('on')) return 'event handlers are scripts, which never reach readers';
  if (attribute === 'style' || attribute === 'class') return "the site's own stylesheet styles every page";
  if (attribute === 'srcset') return 'srcset could load pictures from other sites';
  return 'it is not an attribute articles may use';
}

/** The body `npm run new` writes into a new article, a draft: one constant for the writer and the rule that refuses it. */
export const BODY_PLACEHOLDER = 'Write the story here. The dateline opens the first paragraph by itself.';

/** The placeholder left in an article that is not a draft would be published as it is. */
export function placeholderProblems(article: BodyArticle): Problem[] {
  if (article.draft) return [];
  const index = article.body.split('\n').findIndex((line) => line.trim() === BODY_PLACEHOLDER);
  if (index === -1) return [];
  return [
    {
      file: article.file,
      line: article.bodyLine + index,
      field: 'body',
      found: `the placeholder that npm run new writes ("${BODY_PLACEHOLDER.split('.')[0]}.")`,
      expected: 'the story in its place, or draft: true until it is written',
    },
  ];
}

/**
 * What the sanitizer removes from a body. Text that raw HTML swallows (an `<iframe>` never closed takes
 * every line after it) is a problem, so that what an editor writes reaches the page or stops the
 * build; any other element or attribute it removes is a warning, with its line.
 */
export function removalProblems(
  removals: readonly Removal[],
  file: string,
  bodyLine: number,
): { problems: Problem[]; warnings: Problem[] } {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  for (const removal of removals) {
    const line = bodyLine + removal.line - 1;
    const tag = `<${removal.tagName}>`;
    if (removal.kind === 'swallowed') {
      const after = removal.lastLine - removal.line;
      const lost = `${after === 1 ? 'the line' : `the ${count(after, 'line')}`} after it would be lost with it`;
      problems.push(
        removal.tagName === '!--'
          ? {
              file,
              line,
              field: 'body',
              found: `an HTML comment (<!--) that is never closed: ${lost}`,
              expected: '--> where the comment should end',
            }
          : {
              file,
              line,
              field: 'body',
              found: `${tag} ${removal.closedAt === undefined ? 'that is never closed' : `closed only at line ${bodyLine + removal.closedAt - 1}`}: ${lost}`,
              expected: `</${removal.tagName}> where it should end, or no ${tag} at all (${elementRemovalReason(removal.tagName)})`,
            },
      );
    } else if (removal.kind === 'element') {
      warnings.push({
        file,
        line,
        field: 'body',
        found: `${tag}, which is removed ${removal.withContent ? 'with its content' : '(its text stays)'}`,
        expected: `no ${tag}: ${elementRemovalReason(removal.tagName)}`,
      });
    } else {
      warnings.push({
        file,
        line,
        field: 'body',
        found: `the ${removal.attribute} attribute of ${tag}, which is removed`,
        expected: `${removal.refused === 'value' ? `another ${removal.attribute}` : `no ${removal.attribute}`}: ${attributeRemovalReason(removal)}`,
      });
    }
  }
  return { problems, warnings };
}

const LOCAL_IMAGE_EXAMPLE = '![Caption](./images/photo.jpg)';

/**
 * Readers must never load anything from another host, and an image that cannot be found would be
 * lost without a word: so every image is a file inside content/, given by a path relative to the article.
 */
export function imageProblems(images: readonly ImageReference[], articleFile: string, rules: BodyRules): Problem[] {
  const problems: Problem[] = [];
  const problem = (found: string, expected: string) => problems.push({ file: articleFile, field: 'body', found, expected });
  for (const { src, syntax } of images) {
    const shown = `the image ${JSON.stringify(src)}`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(src.trim()) || src.trim().startsWith('//')) {
      problem(
        `${shown}, which is not stored with the article`,
        `images stored next to the article, like ${LOCAL_IMAGE_EXAMPLE}, so that readers never load another site`,
      );
    } else if (syntax === 'html') {
      problem(
        `${shown} in an HTML <img>`,
        `Markdown image syntax, like ${LOCAL_IMAGE_EXAMPLE}, so that the image is resized and published with the article`,
      );
    } else if (src.startsWith('/')) {
      problem(shown, `a path relative to the article file, like ${LOCAL_IMAGE_EXAMPLE}`);
    } else {
      const resolved = posix.normalize(posix.join(posix.dirname(articleFile), safeDecode(src)));
      if (!resolved.startsWith(`${rules.contentDir}/`) || !rules.fileExists(resolved)) {
        const suggestion = nearestImage(resolved, articleFile, rules);
        problem(
          `${shown}, which is not a file inside ${rules.contentDir}/`,
          `${suggestion ? `did you mean ${suggestion}? ` : ''}the path of an image file committed next to the article, like ${LOCAL_IMAGE_EXAMPLE}`,
        );
      }
    }
  }
  return problems;
}

const parser = unified().use(remarkParse).use(remarkGfm);

/** The body's syntax tree, parsed as the build parses it (CommonMark and GFM), without rendering. */
export function parseBody(markdown: string): Root {
  return parser.runSync(parser.parse(markdown)) as Root;
}

function safeDecode(src: string): string {
  try {
    return decodeURI(src);
  } catch {
    return src;
  }
}
