import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Document, type Node } from 'yaml';
import { describeValue } from './problems.ts';

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
  /** Values typed in curly quotes without straight ones around them (see `CurlyQuotedValue`). */
  readonly curlyQuoted: readonly CurlyQuotedValue[];
}

/**
 * A value wrapped in curly quotes (`title: “Border reopens”`), as word processors and phone keyboards
 * type them: YAML reads only straight quotes as quotes, so the curly ones would be published as part
 * of the text. Allowed (a headline may be a quotation), but probably not what the editor meant.
 */
export interface CurlyQuotedValue {
  readonly path: readonly (string | number)[];
  readonly line: number;
  /** The value as YAML read it, curly quotes included. */
  readonly value: string;
  /** The value without its curly quotes. */
  readonly unquoted: string;
}

export interface FrontMatterError {
  readonly line?: number | undefined;
  /** The field the error is about, where the YAML names one (a repeated key). */
  readonly field?: string | undefined;
  readonly found: string;
  readonly expected: string;
  /**
   * The top-level fields the YAML library could still read around the error, when there is a map of
   * fields at all: enough to tell the file's slug, so that a clash is reported in the same run.
   */
  readonly partialData?: Record<string, unknown> | undefined;
}

export type FrontMatterResult = { ok: true; value: FrontMatter } | { ok: false; error: FrontMatterError };

const FENCE = /^---[ \t]*$/;
/** YAML aliases (`*name`, not the `aliases` field) beyond this count mean an expansion attack, not an article. */
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
    // Every problem goes into the editor's report; none is printed to the console on its own.
    logLevel: 'error',
    lineCounter,
  });
  const firstLineOfYaml = 2;
  const lineAt = (offset: number): number => lineCounter.linePos(offset).line + firstLineOfYaml - 1;

  const [error] = [...document.errors, ...document.warnings];
  if (error) {
    const line = lineAt(error.pos[0]);
    const curly = error.code === 'BLOCK_AS_IMPLICIT_KEY' ? curlyQuotedWithColon(yamlText, error.pos[0], lines[line - 1] ?? '') : undefined;
    const repeatedKey = error.code === 'DUPLICATE_KEY' ? /^\s*([^:#\s][^:#]*?)\s*:/.exec(lines[line - 1] ?? '')?.[1] : undefined;
    const described = curly ?? {
      field: repeatedKey,
      found: repeatedKey ? `"${repeatedKey}" a second time` : yamlErrorFound(error.code, error.message),
      expected: yamlErrorExpected(error.code),
    };
    return { ok: false, error: { line, ...described, partialData: readableFields(document) } };
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
      // Most files have no curly quote at all: one scan of the text spares them the walk.
      curlyQuoted: CURLY_QUOTE.test(yamlText) ? curlyQuotedValues(document.contents, [], lineAt) : [],
    },
  };
}

/**
 * Quotation marks of the languages editors write in, each opening mark with the closing marks that
 * may end a value it opens: “…” and ‘…’ (English), „…“ and »…« (German), „…” (Polish), «…» (French,
 * Arabic), ‹…› (Swiss), ”…” (Swedish). A value both opened and closed by them counts as quoted.
 */
const CURLY_PAIRS: Readonly<Record<string, string>> = {
  '“': '”“',
  '‘': '’‘',
  '„': '“”',
  '‚': '‘’',
  '«': '»',
  '»': '«',
  '‹': '›',
  '”': '”',
};
const CURLY_QUOTE = /[“‘„‚«»‹”]/;

/** `value` without its curly quotes, when a pair of them wraps it; undefined otherwise. */
function withoutCurlyQuotes(value: string): string | undefined {
  const closing = CURLY_PAIRS[value[0] ?? ''];
  return closing && value.length > 2 && closing.includes(value.at(-1) ?? '') ? value.slice(1, -1) : undefined;
}

/** Every plain (unquoted) value wrapped in curly quotes, at any depth; a value in straight quotes keeps its curly ones on purpose. */
function curlyQuotedValues(node: unknown, path: readonly (string | number)[], lineAt: (offset: number) => number): CurlyQuotedValue[] {
  if (isMap(node)) {
    return node.items.flatMap((pair) =>
      isScalar(pair.key) ? curlyQuotedValues(pair.value, [...path, String(pair.key.value)], lineAt) : [],
    );
  }
  if (isSeq(node)) return node.items.flatMap((item, index) => curlyQuotedValues(item, [...path, index], lineAt));
  if (!isScalar(node) || node.type !== 'PLAIN' || typeof node.value !== 'string' || !node.range) return [];
  const unquoted = withoutCurlyQuotes(node.value);
  return unquoted === undefined ? [] : [{ path, line: lineAt(node.range[0]), value: node.value, unquoted }];
}

/**
 * `title: “Border reopens: talks resume”`: the editor quoted the value, but with curly quotes, which
 * YAML does not read as quotes, so the ": " inside starts a field of its own. Saying "put it in quotes"
 * would puzzle them; saying which quotes does not.
 */
function curlyQuotedWithColon(
  yamlText: string,
  offset: number,
  line: string,
): Pick<FrontMatterError, 'field' | 'found' | 'expected'> | undefined {
  const rest = yamlText.slice(offset).split('\n')[0]?.trimEnd() ?? '';
  const closing = CURLY_PAIRS[rest[0] ?? ''];
  if (!closing) return undefined;
  const text = closing.includes(rest.at(-1) ?? '') ? rest.slice(1, -1) : rest.slice(1);
  const field = /^([A-Za-z][\w-]*)[ \t]*:/.exec(line)?.[1];
  return {
    field,
    found: `${describeValue(rest)}, a value in curly quotes with ": " inside, which YAML cannot read: it takes only straight quotes as quotes`,
    expected: `the curly quotes replaced with straight ones, like ${field ? `${field}: ` : ''}${JSON.stringify(text)}`,
  };
}

/** The top-level fields of a document that failed to parse, as far as they can be read; undefined when there are none. */
function readableFields(document: Document): Record<string, unknown> | undefined {
  if (!isMap(document.contents)) return undefined;
  try {
    return toPlainRecord(document.toJS({ maxAliasCount: MAX_ALIAS_COUNT, mapAsMap: false }));
  } catch {
    return undefined;
  }
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
