/**
 * Web mode: the same renderer and API as the desktop app, served to a browser on this machine only. The
 * composition root (./main.ts) builds the core; this file only exposes it.
 */
import { createServer, type Server } from 'node:http';
import { PostinoError } from '../../shared/errors';
import { createDispatcher } from '../core/dispatch';
import type { Core } from '../core/types';
import { createToken } from './access';
import { createHttpHandler } from './httpHandler';
import { createSocketBridge } from './socketBridge';

export interface WebServerOptions {
  /** What a bridge needs of the core: its API and its events. Closing it stays with the composition root. */
  core: Pick<Core, 'api' | 'events'>;
  /** Loopback only: web mode has no TLS and no accounts of its own, so it must never face a network. */
  host: '127.0.0.1';
  /** 0 picks a free port. */
  port: number;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** The secret of the printed URL; a fresh random one when omitted. */
  token?: string;
}

export interface WebServer {
  /** `http://127.0.0.1:<port>/?token=<token>`: the one address that lets a browser in. */
  url: string;
  port: number;
  token: string;
  /** Stops listening and drops every connection. The core stays open: whoever made it closes it. */
  close(): Promise<void>;
}

export const SOCKET_PATH = '/api';
const MIN_TOKEN_LENGTH = 32;

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const { core, host, rendererDir } = options;
  if (host !== '127.0.0.1') {
    throw new PostinoError('invalid-input', `Web mode listens on 127.0.0.1 only, not ${String(host)}`, { field: 'host' });
  }
  const token = options.token ?? createToken();
  if (token.length < MIN_TOKEN_LENGTH) {
    throw new PostinoError('invalid-input', `The web-mode token must be at least ${MIN_TOKEN_LENGTH} characters`, { field: 'token' });
  }

  const server = createServer();
  const port = await listen(server, host, options.port);
  // Attached after `listen` resolves but before the event loop can accept a connection, so every handler knows the
  // port it checks Host and Origin against.
  const sockets = createSocketBridge({ events: core.events, dispatch: createDispatcher(core.api), port, token, path: SOCKET_PATH });
  server.on('request', createHttpHandler({ port, token, rendererDir, socketPath: SOCKET_PATH }));
  server.on('upgrade', (request, socket, head) => sockets.handleUpgrade(request, socket, head));

  return {
    url: `http://${host}:${port}/?token=${token}`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve, reject) => {
        sockets.close();
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      if (address === null || typeof address === 'string') return reject(new Error('The server has no TCP address'));
      resolve(address.port);
    });
  });
}
