import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A 1×1 transparent PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface CountingServer {
  origin: string;
  /** How many requests asked for a path starting with `prefix`. */
  hits(prefix: string): number;
  close(): Promise<void>;
}

/** A loopback HTTP server that serves a pixel and counts every request: proof of what a page did or did not load. */
export async function startCountingServer(): Promise<CountingServer> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    if (request.url?.startsWith('/pixel.png')) {
      response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(PIXEL);
    } else {
      response.writeHead(204).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    hits: (prefix) => paths.filter((path) => path.startsWith(prefix)).length,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
