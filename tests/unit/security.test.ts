import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../src/lib/security.ts';

const directives = Object.fromEntries(
  CONTENT_SECURITY_POLICY.split(';').map((directive) => {
    const [name = '', ...values] = directive.trim().split(/\s+/);
    return [name, values];
  }),
);

describe('Content Security Policy', () => {
  it('runs only script files of the site itself, never inline, and loads nothing from another origin', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'none'"]);
    for (const values of Object.values(directives)) {
      for (const value of values) expect(["'self'", "'none'"], value).toContain(value);
    }
  });

  it('forbids inline styles, base tags, forms, plugins and frames', () => {
    expect(directives['style-src']).toEqual(["'self'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-src']).toEqual(["'none'"]);
  });
});
