import { describe, expect, it } from 'vitest';
import { readNewArgs } from '../../../src/cli/new-args.ts';

/** What `npm run` leaves in the environment of every script it runs, whatever the options. */
const byNpm = { npm_lifecycle_event: 'new', npm_command: 'run', npm_config_audit: '', npm_config_fund: '', npm_config_yes: '' };
const refusal = (args: string[], env: Record<string, string> = {}) => {
  const result = readNewArgs(args, env);
  return result.kind === 'refused' ? result.message : result;
};

describe('the command line of npm run new', () => {
  it('reads the headline (in quotes or not) and the options, as npm passes them after --', () => {
    expect(readNewArgs(['Border reopens', '--dateline', 'RAFAH', '--section', 'World', '--lang', 'ar'], byNpm)).toEqual({
      kind: 'article',
      headline: 'Border reopens',
      dateline: 'RAFAH',
      section: 'World',
      lang: 'ar',
    });
    expect(readNewArgs(['--section=World', 'Border', 'reopens', '--root', '/tmp/site'], {})).toEqual({
      kind: 'article',
      headline: 'Border reopens',
      section: 'World',
      root: '/tmp/site',
    });
    expect(readNewArgs(['--', '-5 degrees in Gaza'], {})).toEqual({ kind: 'article', headline: '-5 degrees in Gaza' });
    expect(readNewArgs(['Headline', '-h'], {})).toEqual({ kind: 'help' });
  });

  it('refuses an unknown option, suggesting the one meant', () => {
    expect(refusal(['Border reopens', '--datline', 'DOHA'])).toMatchInlineSnapshot(
      `"Unknown option --datline (did you mean --dateline?). Nothing was written."`,
    );
    expect(refusal(['Border reopens', '-d', 'DOHA'])).toMatchInlineSnapshot(`"Unknown option -d. Nothing was written."`);
  });

  it('refuses an option without its value, or whose value is the next option', () => {
    expect(refusal(['Border reopens', '--section'])).toMatchInlineSnapshot(
      `"--section needs a value after it, like --section World. Nothing was written."`,
    );
    expect(refusal(['Border reopens', '--dateline', '--section', 'World'])).toMatchInlineSnapshot(
      `"--dateline needs a value after it, like --dateline GAZA. Nothing was written."`,
    );
    expect(refusal(['Border reopens', '--lang=', 'ar'])).toMatch(/^--lang needs a value/);
    expect(refusal(['Border reopens', '--dateline', '  '])).toMatch(/^--dateline needs a value/);
  });

  it('refuses the words npm passed on when it kept the options for itself (no --)', () => {
    // npm run new "Border reopens" --dateline RAFAH --section World
    const env = { ...byNpm, npm_config_dateline: 'true', npm_config_section: 'true' };
    expect(refusal(['Border reopens', 'RAFAH', 'World'], env)).toMatchInlineSnapshot(
      `"npm took --dateline and --section for its own options; put -- after "npm run new", before the headline. Nothing was written."`,
    );
    // npm run new "Border reopens" --section=World
    expect(refusal(['Border reopens'], { ...byNpm, npm_config_section: 'World' })).toMatch(/^npm took --section for its own option;/);
    // npm run new "Border reopens" --datline DOHA, and --date-line
    expect(refusal(['Border reopens', 'DOHA'], { ...byNpm, npm_config_datline: 'true' })).toMatch(/^npm took --datline /);
    expect(refusal(['Border reopens', 'DOHA'], { ...byNpm, npm_config_date_line: 'true' })).toMatch(/^npm took --date-line /);
    // npm run new "Border reopens" --lang ar: npm reads --lang as its shorthands -l -a -n -g
    const lang = { ...byNpm, npm_config_long: 'true', npm_config_all: 'true', npm_config_global: 'true' };
    expect(refusal(['Border reopens', 'ar'], lang)).toMatch(/^npm took --lang for its own option;/);
  });

  it("leaves npm's own settings alone, and the environment of a command not run by npm", () => {
    const settings = { npm_config_long: 'true', npm_config_cache: '/root/.npm', npm_config_user_agent: 'npm/11', npm_config_node_gyp: 'x' };
    expect(readNewArgs(['Border reopens'], { ...byNpm, ...settings })).toEqual({ kind: 'article', headline: 'Border reopens' });
    expect(readNewArgs(['Border reopens'], { npm_config_dateline: 'true' })).toEqual({ kind: 'article', headline: 'Border reopens' });
  });
});
