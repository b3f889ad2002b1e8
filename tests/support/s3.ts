import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';

/**
 * A real S3-compatible server for the deploy tests: s3rver (from npm, a devDependency), on 127.0.0.1
 * and a free port, its buckets in a temporary folder. It checks every request's AWS signature, with
 * its own fixed key (`S3_CREDENTIALS`), so a deploy that signs wrongly fails here as it would on S3.
 */
export interface S3Server {
  readonly url: string;
  stop(): Promise<void>;
}

export const S3_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } as const;

export async function startS3Server(): Promise<S3Server> {
  const directory = await mkdtemp(join(tmpdir(), 'dateline-s3-'));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory });
  const { port } = await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await server.close();
      await rm(directory, { recursive: true, force: true });
    },
  };
}

export interface S3Request {
  readonly method: string;
  /** The object key, without the bucket (path-style addressing); '' for a request on the bucket. */
  readonly key: string;
  readonly query: string;
}

/** What the proxy does with a request: pass it on, answer 403 AccessDenied, or never answer. */
type Decision = 'pass' | 'deny' | 'hold';

/**
 * A proxy in front of the server that records every request and can refuse or hold some, as a
 * failing service or a lost connection would: how the tests see what a deploy sent, and stop it
 * at a point of their choosing.
 */
export interface S3Proxy {
  readonly url: string;
  readonly requests: S3Request[];
  /** Requests answered with 2xx so far. */
  readonly answered: S3Request[];
  held: number;
  decide: (request: S3Request) => Decision;
  stop(): Promise<void>;
}

export async function startProxy(upstream: string): Promise<S3Proxy> {
  const target = new URL(upstream);
  const proxy: S3Proxy = {
    url: '',
    requests: [],
    answered: [],
    held: 0,
    decide: () => 'pass',
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
    const address = new URL(incoming.url ?? '/', 'http://proxy');
    const key = decodeURIComponent(address.pathname.split('/').slice(2).join('/'));
    const seen: S3Request = { method: incoming.method ?? 'GET', key, query: address.search };
    proxy.requests.push(seen);
    const decision = proxy.decide(seen);
    if (decision === 'hold') {
      proxy.held++;
      return;
    }
    if (decision === 'deny') {
      incoming.resume();
      response.writeHead(403, { 'content-type': 'application/xml' });
      response.end('<?xml version="1.0" encoding="UTF-8"?><Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>');
      return;
    }
    const forwarded = request(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        if ((answer.statusCode ?? 500) < 300) proxy.answered.push(seen);
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    forwarded.on('error', () => response.destroy());
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return Object.assign(proxy, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}
