import { createServer } from 'node:net';

/** A TCP port free on 127.0.0.1 right now, for a server we are about to start. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** Resolves once `url` answers 200; rejects after `timeoutMs`. */
export function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  return waitUntil(async () => (await fetch(url).catch(() => undefined))?.status === 200, timeoutMs, `nothing answered on ${url}`);
}

/** Resolves once `condition` holds, asking again every 200 ms; rejects with `what` after `timeoutMs`. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((done) => setTimeout(done, 200));
  }
}
