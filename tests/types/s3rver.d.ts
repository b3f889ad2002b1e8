// The package ships no types: what the deploy tests use of it.
declare module 's3rver' {
  interface S3rverOptions {
    readonly address?: string;
    /** 0 for any free port; `run()` says which. */
    readonly port?: number;
    readonly silent?: boolean;
    /** Where the buckets are kept, as files. */
    readonly directory: string;
  }
  export default class S3rver {
    constructor(options: S3rverOptions);
    run(): Promise<{ address: string; port: number }>;
    close(): Promise<void>;
  }
}
