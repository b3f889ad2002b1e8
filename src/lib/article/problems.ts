import { distance as levenshtein } from 'fastest-levenshtein';

/**
 * One shape and one wording for every mistake an editor can make in an article file, shared by the
 * build and the content check: `file:line: field — found …, expected …`.
 */
export interface Problem {
  /** Path of the article file relative to the project root, with forward slashes. */
  readonly file: string;
  /** 1-based line in the file, where the problem has one. */
  readonly line?: number | undefined;
  /** The front-matter field (`sources[1].url`), or a part of the file such as `front matter` or `body`. */
  readonly field: string;
  /** What the file holds, already described for a reader (see `describeValue`). */
  readonly found: string;
  /** What the format expects instead, and where useful how to fix it. */
  readonly expected: string;
}

export function formatProblem(problem: Problem): string {
  const where = problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`;
  return `${where}: ${problem.field} — found ${problem.found}, expected ${problem.expected}`;
}

/**
 * Problems sorted by file, then line, so that every report reads top to bottom; problems without a
 * line (a missing field) come first, in the order the format lists the fields.
 */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => compareText(a.file, b.file) || (a.line ?? 0) - (b.line ?? 0));
}

/** Code-point order, the same on every machine whatever its locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function formatProblemReport(problems: readonly Problem[]): string {
  const files = new Set(problems.map((problem) => problem.file));
  const heading = `${count(problems.length, 'problem')} in ${count(files.size, 'article file')}:`;
  return [heading, ...sortProblems(problems).map((problem) => `  ${formatProblem(problem)}`)].join('\n');
}

export function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

const MAX_SHOWN_LENGTH = 80;

/** How a value found in a file is named in a message: short, unambiguous, never multi-line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'an empty value';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'an empty text';
    return JSON.stringify(shorten(value));
  }
  if (typeof value === 'number') return `the number ${value}`;
  if (typeof value === 'boolean') return `${value}`;
  if (value instanceof Date) return `the date ${value.toISOString()}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : `a list of ${count(value.length, 'item')}`;
  if (typeof value === 'object') {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty map' : `a map with ${keys.map((key) => `"${shorten(key)}"`).join(', ')}`;
  }
  return typeof value;
}

function shorten(text: string): string {
  const characters = [...text];
  return characters.length <= MAX_SHOWN_LENGTH ? text : `${characters.slice(0, MAX_SHOWN_LENGTH - 1).join('')}…`;
}

/**
 * The candidate whose name is nearest to a mistyped one (`tag` → `tags`, `chart.jpg` → `chart.png`),
 * if one is near enough to suggest: at most a third of its letters apart, whatever the letter case.
 */
export function closestMatch<Candidate>(
  wanted: string,
  candidates: Iterable<Candidate>,
  nameOf: (candidate: Candidate) => string = String,
): Candidate | undefined {
  const lower = wanted.toLowerCase();
  let best: { candidate: Candidate; distance: number } | undefined;
  for (const candidate of candidates) {
    const name = nameOf(candidate);
    const distance = levenshtein(lower, name.toLowerCase());
    if (distance <= Math.max(1, Math.floor(name.length / 3)) && (!best || distance < best.distance)) best = { candidate, distance };
  }
  return best?.candidate;
}
