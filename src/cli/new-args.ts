import { parseArgs } from 'node:util';
import { closestMatch } from '../lib/article/problems.ts';

/**
 * The command line of `npm run new`, read without side effects: every way of getting it wrong (an
 * option npm kept for itself, an unknown option, an option without its value) is refused with one
 * line for the editor, before anything is written.
 */
export const NEW_USAGE = [
  'Usage: npm run new -- "Headline" [--dateline PLACE] [--section Section] [--lang ar]',
  'Example: npm run new -- "Ceasefire talks resume in Doha" --dateline DOHA --section World',
].join('\n');

export type NewArgs =
  | {
      readonly kind: 'article';
      readonly headline: string;
      readonly dateline?: string | undefined;
      readonly section?: string | undefined;
      readonly lang?: string | undefined;
      readonly root?: string | undefined;
    }
  | { readonly kind: 'help' }
  | { readonly kind: 'refused'; readonly message: string };

/** Each option with the value it shows in a message. `--root` (another project folder) is for tests and tools. */
const VALUED_OPTIONS = { dateline: 'GAZA', section: 'World', lang: 'ar', root: 'DIR' } as const;
type ValuedOption = keyof typeof VALUED_OPTIONS;

const NOTHING_WRITTEN = 'Nothing was written.';

export function readNewArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): NewArgs {
  const kept = optionsNpmKept(env);
  if (kept.length > 0) {
    return {
      kind: 'refused',
      message: `npm took ${listed(kept)} for its own ${kept.length === 1 ? 'option' : 'options'}; put -- after "npm run new", before the headline. ${NOTHING_WRITTEN}`,
    };
  }

  const { tokens } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: false,
    tokens: true,
    options: {
      dateline: { type: 'string' },
      section: { type: 'string' },
      lang: { type: 'string' },
      root: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const words: string[] = [];
  const values: Partial<Record<ValuedOption, string>> = {};
  for (const token of tokens) {
    if (token.kind === 'positional') words.push(token.value);
    if (token.kind !== 'option') continue;
    if (token.name === 'help') return { kind: 'help' };
    if (!isValuedOption(token.name)) {
      const suggestion = nearestOption(token.name);
      return {
        kind: 'refused',
        message: `Unknown option ${token.rawName}${suggestion ? ` (did you mean --${suggestion}?)` : ''}. ${NOTHING_WRITTEN}`,
      };
    }
    // Without "=", a word starting with a dash is the next option, not this one's value.
    const value = token.inlineValue || !token.value?.startsWith('-') ? token.value?.trim() : undefined;
    if (!value) {
      return {
        kind: 'refused',
        message: `${token.rawName} needs a value after it, like --${token.name} ${VALUED_OPTIONS[token.name]}. ${NOTHING_WRITTEN}`,
      };
    }
    values[token.name] = value;
  }
  return { kind: 'article', headline: words.join(' '), ...values };
}

function isValuedOption(name: string): name is ValuedOption {
  return Object.hasOwn(VALUED_OPTIONS, name);
}

/**
 * The options of ours that npm took for its own settings. Run as `npm run new "Headline" --dateline RAFAH`,
 * without `--`, npm 11 passes on only "Headline" and "RAFAH", and leaves npm_config_dateline=true in the
 * environment (the value itself with --dateline=RAFAH), npm_config_datline for a typo. `--lang` is a case
 * of its own: its letters are all npm shorthands (-l -a -n -g), so npm sets long, all and global instead.
 */
function optionsNpmKept(env: Readonly<Record<string, string | undefined>>): string[] {
  if (env['npm_lifecycle_event'] === undefined) return [];
  const settings = Object.keys(env).flatMap((name) => /^npm_config_(.+)$/.exec(name)?.[1]?.toLowerCase().replaceAll('_', '-') ?? []);
  // "long" is npm's own setting, near "lang" only by accident of spelling; --lang is told by all three.
  const kept = settings.filter((setting) => setting !== 'long' && nearestOption(setting) !== undefined).map((setting) => `--${setting}`);
  if (LANG_AS_NPM_SHORTHANDS.every((setting) => env[`npm_config_${setting}`] === 'true')) kept.push('--lang');
  return kept.sort();
}

const LANG_AS_NPM_SHORTHANDS = ['long', 'all', 'global'];

/** Our option nearest to a mistyped one (`datline` → `dateline`), if any is near enough to suggest. */
function nearestOption(name: string): ValuedOption | undefined {
  return closestMatch(name.replace(/^-+/, ''), Object.keys(VALUED_OPTIONS).filter(isValuedOption));
}

function listed(names: readonly string[]): string {
  return new Intl.ListFormat('en-GB', { type: 'conjunction' }).format(names);
}
