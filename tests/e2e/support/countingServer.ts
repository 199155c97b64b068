import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

// A 1×1 transparent PNG.
const PIXEL = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const PAGE = '<!doctype html><title>Landing page</title><h1>Landing page</h1>';

export interface CountingServer {
  origin: string;
  /** How many requests asked for a path starting with `prefix`. */
  hits(prefix: string): number;
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that serves a pixel (`/pixel.png…`) and a page (`/page…`) and counts every request: proof
 * of what a page did or did not load or open.
 */
export async function startCountingServer(): Promise<CountingServer> {
  const paths: string[] = [];
  const server = createServer((request, response) => {
    paths.push(request.url ?? '');
    if (request.url?.startsWith('/pixel.png')) {
      response.writeHead(200, { 'Content-Type': 'image/png', 'Cache-Control': 'no-store' }).end(PIXEL);
    } else if (request.url?.startsWith('/page')) {
      // A page a link can open: a 204 would leave the new window on about:blank.
      response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(PAGE);
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
