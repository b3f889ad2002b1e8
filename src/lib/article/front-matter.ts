import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';

/**
 * Splits an article file into its YAML front matter and Markdown body, and parses the YAML safely:
 * the YAML 1.2 core schema (dates stay text, so their offsets survive), no custom tags, duplicate
 * keys refused, and a cap on aliases against "billion laughs" documents.
 */
export interface FrontMatter {
  /** The parsed top-level map, as plain data. */
  readonly data: Record<string, unknown>;
  /** The Markdown after the closing `---`. */
  readonly body: string;
  /** 1-based line of the file where the body starts. */
  readonly bodyLine: number;
  /** 1-based line of the file holding the value at `path` (or its nearest parent), if any. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export interface FrontMatterError {
  readonly line?: number | undefined;
  /** The field the error is about, where the YAML names one (a repeated key). */
  readonly field?: string | undefined;
  readonly found: string;
  readonly expected: string;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; error: FrontMatterError };

const FENCE = /^---[ \t]*$/;
/** Aliases beyond this count mean an expansion attack, not an article. */
const MAX_ALIAS_COUNT = 50;

/** `text` must already be decoded, with a BOM and CRLF line ends normalised away (see `normaliseText`). */
export function parseFrontMatter(text: string): FrontMatterResult {
  const lines = text.split('\n');
  if (!FENCE.test(lines[0] ?? '')) {
    return fail(
      1,
      describeFirstLine(lines[0]),
      'the file to start with a front-matter block: a line "---", the fields, then another "---"',
    );
  }
  const closing = lines.findIndex((line, index) => index > 0 && FENCE.test(line));
  if (closing === -1) {
    return fail(1, 'an opening "---" that is never closed', 'a second "---" line after the front-matter fields');
  }

  const yamlText = lines.slice(1, closing).join('\n');
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, {
    schema: 'core',
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
  });
  const firstLineOfYaml = 2;
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLineOfYaml - 1;

  const [error] = [...document.errors, ...document.warnings];
  if (error) {
    const line = lineAt(error.pos[0]);
    const failure = fail(line, yamlErrorFound(error.code, error.message), yamlErrorExpected(error.code));
    const repeatedKey = error.code === 'DUPLICATE_KEY' ? /^\s*([^:#\s][^:#]*?)\s*:/.exec(lines[line - 1] ?? '')?.[1] : undefined;
    return repeatedKey && !failure.ok
      ? { ok: false, error: { ...failure.error, field: repeatedKey, found: `"${repeatedKey}" a second time` } }
      : failure;
  }
  if (document.contents === null) {
    return fail(firstLineOfYaml, 'an empty front matter', 'at least the fields title, dateline and date');
  }
  if (!isMap(document.contents)) {
    return fail(
      firstLineOfYaml,
      'front matter that is not a list of "field: value" lines',
      'fields written as "name: value", one per line',
    );
  }

  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: false });
  } catch (cause) {
    const message = cause instanceof Error ? cause.message : String(cause);
    return fail(firstLineOfYaml, `YAML that cannot be read (${message})`, 'plain fields without aliases that expand into huge values');
  }

  return {
    ok: true,
    value: {
      data: toPlainRecord(data),
      body: lines.slice(closing + 1).join('\n'),
      bodyLine: closing + 2,
      lineOf: (path) => lineOfPath(document, path, lineAt),
    },
  };
}

/** Removes a byte-order mark and turns CRLF and lone CR line ends into LF. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** The line of the deepest key (or list item) of `path` that the document has. */
function lineOfPath(document: Document, path: readonly (string | number)[], lineAt: (offset: number) => number): number | undefined {
  let node: unknown = document.contents;
  let line: number | undefined;
  for (const segment of path) {
    let next: Node | null | undefined;
    let anchor: Node | null | undefined;
    if (isMap(node)) {
      const pair = node.items.find((item) => isScalar(item.key) && item.key.value === segment);
      anchor = pair?.key as Node | undefined;
      next = pair?.value as Node | null | undefined;
    } else if (isSeq(node) && typeof segment === 'number') {
      anchor = next = node.items[segment] as Node | undefined;
    }
    if (!anchor?.range) break;
    line = lineAt(anchor.range[0]);
    node = next;
  }
  return line;
}

/**
 * The YAML library already defines `__proto__` as an own property rather than setting the prototype;
 * copying onto a null-prototype object keeps it that way for everything downstream.
 */
function toPlainRecord(value: unknown): Record<string, unknown> {
  const record: Record<string, unknown> = Object.create(null);
  for (const [key, entry] of Object.entries(value as Record<string, unknown>)) {
    Object.defineProperty(record, key, { value: entry, enumerable: true, writable: true, configurable: true });
  }
  return record;
}

function fail(line: number, found: string, expected: string): FrontMatterResult {
  return { ok: false, error: { line, found, expected } };
}

function describeFirstLine(line: string | undefined): string {
  if (line === undefined || line.trim() === '') return 'an empty first line';
  return `the first line ${JSON.stringify(line.length > 40 ? `${line.slice(0, 39)}…` : line)}`;
}

function yamlErrorFound(code: string, message: string): string {
  const firstLine = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `a field given twice (${firstLine})`;
    case 'TAG_RESOLVE_FAILED':
      return `a YAML tag that is not allowed (${firstLine})`;
    default:
      return `YAML that cannot be read (${firstLine})`;
  }
}

function yamlErrorExpected(code: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'each field once; delete or merge the repeated one';
    case 'TAG_RESOLVE_FAILED':
      return 'plain values: text, numbers, true/false, lists and maps, without "!!" tags';
    default:
      return 'valid YAML: "field: value" lines, with text containing ": " or "#" in quotes';
  }
}
