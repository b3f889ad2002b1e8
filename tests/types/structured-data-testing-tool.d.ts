// The package ships no types: what the build tests use of it.
declare module 'structured-data-testing-tool' {
  interface Test {
    readonly test: string;
    readonly description?: string;
    readonly groups?: readonly string[];
    readonly error?: { readonly type: string; readonly message: string };
  }
  export interface Result {
    readonly passed: readonly Test[];
    readonly failed: readonly Test[];
    readonly warnings: readonly Test[];
    readonly schemas: readonly string[];
  }
  interface Options {
    presets?: readonly unknown[];
    schemas?: readonly string[];
  }
  /** Validates the structured data in an HTML string; never fetches anything. Rejects when a test fails. */
  export function structuredDataTestHtml(html: string, options?: Options): Promise<Result>;
}

declare module 'structured-data-testing-tool/presets.js' {
  const presets: { readonly Google: unknown; readonly SocialMedia: unknown };
  export default presets;
}
