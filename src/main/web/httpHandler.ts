/** Web mode's HTTP side: the token handshake, then the built renderer as static files, every answer with the CSP. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isAllowedHost, isAuthorised, sessionCookie, tokenMatches } from './access';
import { securityHeaders } from './contentSecurity';
import { readRendererFile } from './rendererFiles';

export interface HttpHandlerOptions {
  port: number;
  token: string;
  rendererDir: string;
  /** Path of the WebSocket endpoint: a plain GET there is told to upgrade. */
  socketPath: string;
}

const UNAUTHORISED_PAGE =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Postino</title></head><body>' +
  '<h1>Postino</h1><p>Open Postino with the address printed in the terminal where it started ' +
  '(it ends with <code>?token=…</code>). After that, this browser stays signed in until Postino restarts.</p>' +
  '</body></html>';

const HTML = 'text/html; charset=utf-8';
const TEXT = 'text/plain; charset=utf-8';

export function createHttpHandler(options: HttpHandlerOptions): (request: IncomingMessage, response: ServerResponse) => void {
  const { port, token, rendererDir, socketPath } = options;

  return (request, response) => {
    const host = request.headers.host;
    if (!isAllowedHost(host, port)) {
      return respond(response, 403, securityHeaders(), TEXT, 'Forbidden: unexpected Host header.');
    }
    const headers = securityHeaders([`ws://${host}`]);

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return respond(response, 405, { ...headers, Allow: 'GET, HEAD' }, TEXT, 'Method not allowed.');
    }
    const url = new URL(request.url ?? '/', `http://${host}`);
    const queryToken = url.searchParams.get('token');

    if (queryToken !== null) {
      if (!tokenMatches(queryToken, token)) return respond(response, 401, headers, HTML, UNAUTHORISED_PAGE);
      // Trade the token for a cookie and drop it from the address bar (and so from history and screenshots).
      url.searchParams.delete('token');
      const location = url.pathname + url.search;
      return respond(response, 303, { ...headers, 'Set-Cookie': sessionCookie(port, token), Location: location }, TEXT, '');
    }
    if (!isAuthorised({ cookieHeader: request.headers.cookie, queryToken: null }, port, token)) {
      return respond(response, 401, headers, HTML, UNAUTHORISED_PAGE);
    }
    if (url.pathname === socketPath) return respond(response, 426, headers, TEXT, 'This endpoint speaks WebSocket only.');

    // Node itself drops the body of an answer to HEAD.
    readRendererFile(rendererDir, url.pathname).then(
      (file) => {
        if (!file) return respond(response, 404, headers, TEXT, 'Not found.');
        respond(response, 200, headers, file.contentType, file.body);
      },
      (err: unknown) => {
        console.error('Postino web mode: could not read a renderer file', err);
        respond(response, 500, headers, TEXT, 'Internal error.');
      },
    );
  };
}

function respond(
  response: ServerResponse,
  status: number,
  headers: Record<string, string>,
  contentType: string,
  body: string | Buffer,
): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  // Everything here is the user's mail app behind a secret: nothing goes into a shared or disk cache.
  response.writeHead(status, { ...headers, 'Content-Type': contentType, 'Content-Length': bytes.length, 'Cache-Control': 'no-store' });
  response.end(bytes);
}
