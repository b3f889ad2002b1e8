import { defaultSchema, type Options as SanitizeSchema } from 'rehype-sanitize';

/** Every id and name from a body starts with this, so it cannot be the id of something on the page around it. */
export const CLOBBER_PREFIX = 'user-content-';

const REMOVED_ATTRIBUTES = new Set(['accept', 'acceptCharset', 'accessKey', 'action', 'encType', 'method', 'tabIndex']);
const REMOVED_ELEMENTS = new Set(['picture', 'source']);

/**
 * Our sanitize schema: GitHub's, with these departures.
 * - Elements newsrooms use for quotes, figures and bidirectional text are allowed.
 * - `picture`/`source` go: `srcset` URLs are not protocol-checked, so they are a way around `src`.
 * - Form-related and focus-stealing attributes (`action`, `method`, `accessKey`, `tabIndex`, …) go.
 * - Elements whose content is code, not text (`style`, `template`, `svg`, `math`, …), are removed with
 *   their content instead of being unwrapped into stray text.
 * - Ids and names keep GitHub's `user-content-` prefix, so no heading or anchor in a body can clobber
 *   an id of the page around it.
 */
export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  tagNames: [
    ...(defaultSchema.tagNames ?? []).filter((name) => !REMOVED_ELEMENTS.has(name)),
    'abbr',
    'bdi',
    'bdo',
    'caption',
    'cite',
    'figcaption',
    'figure',
    'mark',
    'small',
    'time',
    'u',
    'wbr',
  ],
  attributes: {
    ...Object.fromEntries(Object.entries(defaultSchema.attributes ?? {}).filter(([name]) => !REMOVED_ELEMENTS.has(name))),
    '*': (defaultSchema.attributes?.['*'] ?? []).filter((attribute) => typeof attribute !== 'string' || !REMOVED_ATTRIBUTES.has(attribute)),
  },
  clobberPrefix: CLOBBER_PREFIX,
  strip: [
    ...(defaultSchema.strip ?? []),
    'iframe',
    'math',
    'noembed',
    'noframes',
    'noscript',
    'object',
    'embed',
    'select',
    'style',
    'svg',
    'template',
    'textarea',
    'title',
    'xmp',
  ],
};
