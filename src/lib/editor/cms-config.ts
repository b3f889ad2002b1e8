import type { z } from 'zod';
import { ARTICLE_KINDS, FRONT_MATTER_FIELDS, TITLE_MAX, frontMatterSchema } from '../article/schema.ts';
import { SLUG } from '../article/slugs.ts';
import { AUTHOR_FIELDS, authorSchema } from '../newsroom/authors.ts';
import { SITE_PAGE_FIELDS, sitePageSchema } from '../newsroom/site-pages.ts';
import { languageName } from '../site/translations.ts';
import type { SectionNames } from '../site/lists.ts';

/**
 * The web editor's configuration (Decap CMS, at /admin/), made from the content format's own
 * schemas so that the editor can never offer a field the check refuses or miss one it requires:
 * every field of the format appears, in the format's order, and a field is required in the editor
 * exactly when the schema requires it. What only an editor needs (labels, hints, widgets) is here.
 */
export interface EditorSite {
  readonly name: string;
  /** The site's address with its base, where the editor's "view live" links go. */
  readonly siteUrl: string;
  readonly lang: string;
  readonly defaultSection: string;
  readonly defaultByline: string;
  readonly sectionNames?: SectionNames | undefined;
  readonly descriptions?: Readonly<Record<string, string>> | undefined;
  readonly timeZone: string;
  /** The publisher's logo, for the editor's login screen. */
  readonly logoUrl: string;
}

export interface EditorBackend {
  /** `owner/name` of the GitHub repository the editor commits to; unset, the editor explains how to set it. */
  readonly repo?: string | undefined;
  readonly branch: string;
  /** The OAuth service that signs editors in to GitHub (see README, "The web editor"). */
  readonly authUrl?: string | undefined;
  /** decap-server's API on the editor's own machine (`npm run editor`), used when /admin/ is opened on 127.0.0.1. */
  readonly localUrl: string;
}

/** Decap's field options, as far as Dateline uses them. */
export interface EditorField {
  readonly name: string;
  readonly label: string;
  readonly widget: string;
  readonly required?: boolean;
  readonly hint?: string;
  readonly default?: unknown;
  readonly pattern?: readonly [string, string];
  readonly options?: readonly (string | { readonly label: string; readonly value: string })[];
  readonly fields?: readonly EditorField[];
  readonly field?: EditorField;
  readonly format?: string;
  readonly date_format?: string | boolean;
  readonly time_format?: string | boolean;
  readonly collapsed?: boolean;
  readonly summary?: string;
  readonly multiple?: boolean;
  readonly choose_url?: boolean;
  readonly allow_add?: boolean;
  readonly add_to_top?: boolean;
  readonly label_singular?: string;
}

export type ArticleField = (typeof FRONT_MATTER_FIELDS)[number];

/** ISO 8601 with the offset, as the format requires (dayjs tokens, which Decap's date widget uses). */
const DATE_FORMAT = 'YYYY-MM-DDTHH:mm:ssZ';

const limit = (max: number): readonly [string, string] => [`^[\\s\\S]{1,${max}}$`, `At most ${max} characters`];
const slugPattern: readonly [string, string] = [SLUG.source, 'Lowercase letters a–z, digits and single hyphens'];
const httpPattern: readonly [string, string] = ['^https?://\\S+$', 'An address starting with http:// or https://'];

const dateField = (name: string, label: string, hint: string): EditorField => ({
  name,
  label,
  widget: 'datetime',
  format: DATE_FORMAT,
  date_format: 'D MMMM YYYY',
  time_format: 'HH:mm',
  hint,
});

/** A list of short texts; its name comes from the field it edits (`fieldsOf`). */
const textList = (label: string, singular: string, hint: string): Omit<EditorField, 'name'> => ({
  label,
  label_singular: singular,
  widget: 'list',
  hint,
});

/** How each field of the article format is edited. */
function articleWidgets(site: EditorSite): Record<ArticleField, Omit<EditorField, 'name' | 'required'>> {
  return {
    title: { label: 'Headline', widget: 'string', pattern: limit(TITLE_MAX), hint: 'Plain text, as readers will see it.' },
    dateline: { label: 'Dateline', widget: 'string', pattern: limit(100), hint: 'The place the story was filed from, like GAZA.' },
    date: { ...dateField('date', 'Date', `When the story is published; a future time schedules it.`), default: '{{now}}' },
    updated: { ...dateField('updated', 'Updated', 'Last substantive update; leave empty until there is one.'), default: '' },
    summary: {
      label: 'Summary',
      widget: 'text',
      pattern: limit(300),
      hint: 'One or two sentences, shown under the headline and in link previews.',
    },
    authors: textList('Authors', 'Author', `One name per line; empty means "${site.defaultByline}".`),
    section: {
      label: 'Section',
      widget: 'select',
      options: sectionOptions(site),
      default: site.defaultSection,
    },
    tags: textList('Tags', 'Tag', 'Comma-separated, like gaza, ceasefire.'),
    sources: {
      label: 'Sources',
      label_singular: 'Source',
      widget: 'list',
      summary: '{{fields.name}}',
      collapsed: false,
      hint: 'Who the facts come from; the address is optional.',
      fields: [
        { name: 'name', label: 'Name', widget: 'string', required: true, pattern: limit(200) },
        { name: 'url', label: 'Address', widget: 'string', required: false, pattern: httpPattern },
      ],
    },
    image: {
      label: 'Lead image',
      widget: 'object',
      collapsed: false,
      hint: 'Stored next to the article. Alt text is required with a picture.',
      fields: [
        { name: 'src', label: 'Picture', widget: 'image', required: true, choose_url: false },
        {
          name: 'alt',
          label: 'Alt text',
          widget: 'string',
          required: true,
          pattern: limit(500),
          hint: 'What the picture shows, for readers who cannot see it.',
        },
        { name: 'caption', label: 'Caption', widget: 'string', required: false, pattern: limit(500) },
        {
          name: 'credit',
          label: 'Credit',
          widget: 'string',
          required: false,
          pattern: limit(200),
          hint: 'Photographer / Agency, or the licence.',
        },
      ],
    },
    featured: { label: 'Lead story on the front page', widget: 'boolean', default: false },
    kind: { label: 'Kind', widget: 'select', options: [...ARTICLE_KINDS], default: 'news' },
    translationKey: {
      label: 'Translation key',
      widget: 'string',
      pattern: limit(100),
      hint: 'The same key links the language versions of one story.',
    },
    corrections: {
      label: 'Corrections',
      label_singular: 'Correction',
      widget: 'list',
      summary: '{{fields.date}}',
      hint: 'A dated note for every correction; set Updated to the latest one.',
      fields: [
        { ...dateField('date', 'Date', 'When the correction was made.'), required: true },
        { name: 'text', label: 'What was corrected', widget: 'text', required: true, pattern: limit(1000) },
      ],
    },
    backstory: { label: 'Backstory', widget: 'text', pattern: limit(1000), hint: 'How the story was reported.' },
    aliases: textList('Earlier addresses', 'Earlier slug', 'Slugs this article had before; each keeps redirecting here.'),
    lang: { label: 'Language', widget: 'select', options: languageOptions(site), default: site.lang },
    slug: {
      label: 'Slug',
      widget: 'string',
      pattern: slugPattern,
      hint: 'Optional: the address is /articles/<slug>/; by default the file name.',
    },
    draft: { label: 'Draft', widget: 'boolean', default: false, hint: 'Drafts are never published, even when merged.' },
  };
}

/** Whether a field of a zod object may be left out. */
function isOptional(schema: z.ZodObject, field: string): boolean {
  const shape = schema.shape[field];
  if (!shape) throw new Error(`The schema has no field "${field}"`);
  return shape.safeParse(undefined).success;
}

function fieldsOf<Field extends string>(
  schema: z.ZodObject,
  names: readonly Field[],
  widgets: Record<Field, Omit<EditorField, 'name' | 'required'>>,
): EditorField[] {
  return names.map((name) => ({ name, ...widgets[name], required: !isOptional(schema, name) }));
}

const body = (label: string): EditorField => ({ name: 'body', label, widget: 'markdown', required: true });

export function articleFields(site: EditorSite): EditorField[] {
  const schema = frontMatterSchema({ timeZone: site.timeZone });
  return [...fieldsOf(schema, FRONT_MATTER_FIELDS, articleWidgets(site)), body('Story')];
}

function sitePageFields(site: EditorSite): EditorField[] {
  return [
    ...fieldsOf(sitePageSchema(site.timeZone), SITE_PAGE_FIELDS, {
      title: { label: 'Title', widget: 'string', pattern: limit(TITLE_MAX) },
      summary: { label: 'Summary', widget: 'text', pattern: limit(300) },
      lang: { label: 'Language', widget: 'select', options: languageOptions(site), default: site.lang },
      updated: { ...dateField('updated', 'Updated', 'When the page last changed in substance.'), default: '' },
    }),
    body('Page'),
  ];
}

function authorFields(): EditorField[] {
  return [
    ...fieldsOf(authorSchema, AUTHOR_FIELDS, {
      name: { label: 'Name', widget: 'string', pattern: limit(200), hint: 'As bylines write it; bylines with this name link here.' },
      role: { label: 'Role', widget: 'string', pattern: limit(100), hint: 'Like "Data reporter".' },
      sameAs: textList('Elsewhere', 'Address', 'Addresses of the author’s pages on other sites.'),
      fediverse: {
        label: 'Fediverse handle',
        widget: 'string',
        pattern: ['^@?[^@\\s]+@[^@\\s]+\\.[a-z]{2,}$', 'Like @maya@example.social'],
      },
    }),
    body('Biography'),
  ];
}

function sectionOptions(site: EditorSite): { label: string; value: string }[] {
  const names = site.sectionNames ?? {};
  const sections = [...new Set([...Object.keys(names), site.defaultSection])];
  return sections.map((value) => ({ value, label: [value, ...Object.values(names[value] ?? {})].join(' · ') }));
}

/** The site's language and those it has names or descriptions in, each by its own name. */
function languageOptions(site: EditorSite): { label: string; value: string }[] {
  const translated = Object.values(site.sectionNames ?? {}).flatMap((names) => Object.keys(names));
  const languages = [...new Set([site.lang, ...Object.keys(site.descriptions ?? {}), ...translated])];
  return languages.map((value) => ({ value, label: `${languageName(value)} (${value})` }));
}

/** The whole Decap configuration, as the /admin/config.yml the editor loads. */
export function editorConfig(site: EditorSite, backend: EditorBackend): Record<string, unknown> {
  // Next to the article, as the format expects (`image: ./photo.jpg` is relative to the file).
  const nextToEntry = { media_folder: '', public_folder: '' };
  return {
    backend: {
      name: 'github',
      repo: backend.repo ?? 'OWNER/REPOSITORY',
      branch: backend.branch,
      ...(backend.authUrl ? { base_url: backend.authUrl } : {}),
      squash_merges: true,
      commit_messages: {
        create: 'New {{collection}}: {{slug}}',
        update: 'Edit {{collection}}: {{slug}}',
        delete: 'Delete {{collection}}: {{slug}}',
        uploadMedia: 'Add picture {{path}}',
        deleteMedia: 'Delete picture {{path}}',
      },
    },
    local_backend: { url: backend.localUrl, allowed_hosts: ['127.0.0.1', 'localhost'] },
    publish_mode: 'editorial_workflow',
    site_url: site.siteUrl,
    display_url: site.siteUrl,
    logo_url: site.logoUrl,
    locale: 'en',
    media_folder: 'content/images',
    slug: { encoding: 'ascii', clean_accents: true, sanitize_replacement: '-' },
    collections: [
      {
        name: 'articles',
        label: 'Articles',
        label_singular: 'Article',
        description: 'New articles are filed under content/<year>/<month>/; pictures go next to them.',
        folder: 'content',
        path: '{{year}}/{{month}}/{{slug}}',
        create: true,
        extension: 'md',
        format: 'frontmatter',
        ...nextToEntry,
        identifier_field: 'title',
        summary: '{{dateline}} · {{title}}',
        sortable_fields: [{ field: 'date', label: 'Date', default_sort: 'desc' }, 'title', 'section'],
        view_filters: [{ label: 'Drafts', field: 'draft', pattern: true }],
        view_groups: [
          { label: 'Year', field: 'date', pattern: '\\d{4}' },
          { label: 'Section', field: 'section' },
        ],
        fields: articleFields(site),
      },
      {
        name: 'pages',
        label: 'Site pages',
        label_singular: 'Site page',
        description: 'About, contact and the newsroom’s policies, each at /<file name>/.',
        folder: 'content/pages',
        create: true,
        extension: 'md',
        format: 'frontmatter',
        ...nextToEntry,
        fields: sitePageFields(site),
      },
      {
        name: 'authors',
        label: 'Authors',
        label_singular: 'Author',
        description: 'One profile per reporter, at /authors/<file name>/.',
        folder: 'content/authors',
        create: true,
        extension: 'md',
        format: 'frontmatter',
        identifier_field: 'name',
        ...nextToEntry,
        fields: authorFields(),
      },
    ],
  };
}
