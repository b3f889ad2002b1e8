import type { ErrorPayload, ViteDevServer } from 'vite';
import { CONTENT_DIR } from '../lib/article/article.ts';
import { formatProblemReport, type Problem } from '../lib/article/problems.ts';

/**
 * The dev server's content problems, shown in the browser: the loader publishes each check's problems
 * here and the integration puts them in Astro's error overlay, over whatever page the editor has
 * open, with the same `file:line: field — …` lines as the terminal and `npm run check`. Meanwhile the
 * loader goes on storing every valid file, so the other articles keep updating.
 *
 * The loader runs inside Vite's module runner and the integration outside it, each with its own copy
 * of this module: the state lives on globalThis, under a key both copies know.
 */
interface DevProblems {
  current: readonly Problem[];
  readonly listeners: Set<(problems: readonly Problem[]) => void>;
}

const KEY = Symbol.for('dateline.dev-problems');

function channel(): DevProblems {
  const global = globalThis as { [KEY]?: DevProblems };
  global[KEY] ??= { current: [], listeners: new Set() };
  return global[KEY];
}

export function publishProblems(problems: readonly Problem[]): void {
  const state = channel();
  const before = state.current;
  state.current = problems;
  if (before.length === 0 && problems.length === 0) return;
  for (const listener of state.listeners) listener(problems);
}

export const DEV_PROBLEMS_HINT =
  'Fix each line in the file it names and save: this page updates by itself. The README\'s "Writing an article" lists every field.';

/** Shows the problems in every open page as they change, in pages opened later, and reloads the pages once they are fixed. */
export function showProblemsInBrowser(server: ViteDevServer, root: string): void {
  const state = channel();
  const show = (problems: readonly Problem[]) => {
    if (problems.length === 0) return server.hot.send({ type: 'full-reload' });
    const first = problems.find((problem) => problem.line !== undefined) ?? problems[0]!;
    const payload: ErrorPayload = {
      type: 'error',
      err: {
        name: 'ArticleFormatError',
        message: `The files in ${CONTENT_DIR}/ do not follow the article format.\n${formatProblemReport(problems)}`,
        hint: DEV_PROBLEMS_HINT,
        stack: '',
        plugin: 'dateline',
        id: `${root}/${first.file}`,
        loc: { file: `${root}/${first.file}`, line: first.line ?? 1, column: 1 },
      },
    };
    server.hot.send(payload);
  };
  state.listeners.add(show);
  server.ws.on('connection', () => {
    if (state.current.length > 0) show(state.current);
  });
  server.httpServer?.once('close', () => state.listeners.delete(show));
}
