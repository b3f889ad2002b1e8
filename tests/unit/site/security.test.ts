import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicyFor } from '../../../src/lib/site/security.ts';

function directives(policy: string): Record<string, string[]> {
  return Object.fromEntries(
    policy.split(';').map((directive) => {
      const [name = '', ...values] = directive.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

describe('Content Security Policy', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it('runs only script files of the site itself, never inline, and loads nothing from another origin', () => {
    expect(policy['script-src']).toEqual(["'self'"]);
    expect(policy['default-src']).toEqual(["'none'"]);
    for (const values of Object.values(policy)) {
      for (const value of values) expect(["'self'", "'none'"], value).toContain(value);
    }
  });

  it('forbids inline styles, base tags, plugins and frames, and forms to other sites', () => {
    expect(policy['style-src']).toEqual(["'self'"]);
    expect(policy['base-uri']).toEqual(["'none'"]);
    expect(policy['form-action']).toEqual(["'self'"]);
    expect(policy['object-src']).toEqual(["'none'"]);
    expect(policy['frame-src']).toEqual(["'none'"]);
  });

  it('lets the search page compile WebAssembly, and nothing more', () => {
    const search = directives(contentSecurityPolicyFor({ webAssembly: true }));
    expect(search['script-src']).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect({ ...search, 'script-src': policy['script-src'] }).toEqual(policy);
  });
});
