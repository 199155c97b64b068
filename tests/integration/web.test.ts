/**
 * Web mode over real sockets: the HTTP token handshake, the Host and Origin checks, and the WebSocket API. The
 * core behind it is a small in-test one (src/main/web/testCore.ts): what is under test is the transport.
 */
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_SETTINGS, type ChangeRecord } from '../../src/shared/types';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { createSettingsCore } from './web.harness';

const INDEX_HTML = '<!doctype html><title>Postino test page</title><script type="module" src="/assets/app.js"></script>';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Opens a WebSocket and resolves with it, or with the HTTP status of a refused upgrade. */
function openSocket(url: string, headers: Record<string, string>): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    socket.once('error', reject);
  });
}

function nextMessage(socket: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => socket.once('message', (data) => resolve(JSON.parse(String(data)))));
}

describe('web mode', () => {
  const core = createSettingsCore();
  let rendererDir: string;
  let server: WebServer;
  let cookie: string;

  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'postino-web-'));
    await mkdir(join(rendererDir, 'assets'));
    await writeFile(join(rendererDir, 'index.html'), INDEX_HTML);
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
    await writeFile(join(tmpdir(), 'postino-web-outside.txt'), 'outside the renderer');
    server = await startWebServer({ core, host: '127.0.0.1', port: 0, rendererDir });
  });

  afterAll(async () => {
    await server.close();
    await rm(rendererDir, { recursive: true, force: true });
    await rm(join(tmpdir(), 'postino-web-outside.txt'), { force: true });
  });

  it('prints an address with a 32-byte base64url token on 127.0.0.1', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
  });

  it('listens on 127.0.0.1 only: other loopback addresses are refused', async () => {
    expect(await canConnect('127.0.0.1', server.port)).toBe(true);
    expect(await canConnect('127.0.0.2', server.port)).toBe(false);
    expect(await canConnect('::1', server.port)).toBe(false);
  });

  it('refuses to listen on any other host', async () => {
    const anyHost = '0.0.0.0' as '127.0.0.1';
    await expect(startWebServer({ core, host: anyHost, port: 0, rendererDir })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'host' },
    });
  });

  it('answers 401 with a hint to use the printed address when there is no token', async () => {
    const answer = await get(server.port, '/');
    expect(answer.status).toBe(401);
    expect(answer.body).toContain('?token=');
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('answers 401 to a wrong token and sets no cookie', async () => {
    const answer = await get(server.port, `/?token=${'x'.repeat(43)}`);
    expect(answer.status).toBe(401);
    expect(answer.headers['set-cookie']).toBeUndefined();
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and redirects to a clean address', async () => {
    const answer = await get(server.port, `/?token=${server.token}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const [setCookie] = answer.headers['set-cookie'] as string[];
    expect(setCookie).toMatch(new RegExp(`^postino_${server.port}=${server.token}; Path=/; HttpOnly; SameSite=Strict$`));
    cookie = setCookie!.split(';')[0]!;
  });

  it('serves the app with the cookie, under a strict content security policy', async () => {
    const answer = await get(server.port, '/', { cookie });
    expect(answer.status).toBe(200);
    expect(answer.body).toBe(INDEX_HTML);
    expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
    const policy = String(answer.headers['content-security-policy']);
    for (const directive of [
      "default-src 'self'",
      "script-src 'self'",
      `connect-src 'self' ws://127.0.0.1:${server.port}`,
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
    ]) {
      expect(policy).toContain(directive);
    }
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['referrer-policy']).toBe('no-referrer');
    expect(answer.headers['cache-control']).toBe('no-store');
  });

  it('serves the built assets with their content type', async () => {
    const answer = await get(server.port, '/assets/app.js', { cookie });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
  });

  it('never serves a file outside the renderer directory', async () => {
    for (const path of ['/../postino-web-outside.txt', '/%2e%2e/postino-web-outside.txt', '/assets/..%2f..%2fpostino-web-outside.txt']) {
      const answer = await get(server.port, path, { cookie });
      expect(answer.status, path).toBe(404);
      expect(answer.body).not.toContain('outside the renderer');
    }
  });

  it('refuses a Host header other than 127.0.0.1 or localhost on its port (DNS rebinding)', async () => {
    for (const host of ['attacker.example', `attacker.example:${server.port}`, `127.0.0.1:${server.port + 1}`, '127.0.0.1']) {
      const answer = await get(server.port, `/?token=${server.token}`, { host, cookie });
      expect(answer.status, host).toBe(403);
      expect(answer.headers['set-cookie']).toBeUndefined();
    }
    expect((await get(server.port, '/', { host: `localhost:${server.port}`, cookie })).status).toBe(200);
  });

  it('refuses a WebSocket upgrade from a foreign Origin, even with the cookie', async () => {
    const status = await openSocket(`ws://127.0.0.1:${server.port}/api`, { cookie, origin: 'http://attacker.example' });
    expect(status).toBe(403);
  });

  it('refuses a WebSocket upgrade without the cookie, even from its own Origin', async () => {
    const status = await openSocket(`ws://127.0.0.1:${server.port}/api`, { origin: `http://127.0.0.1:${server.port}` });
    expect(status).toBe(403);
  });

  describe('with the right Origin and cookie', () => {
    let socket: WebSocket;

    beforeAll(async () => {
      const opened = await openSocket(`ws://127.0.0.1:${server.port}/api`, { cookie, origin: `http://127.0.0.1:${server.port}` });
      if (typeof opened === 'number') throw new Error(`upgrade refused with ${opened}`);
      socket = opened;
    });

    afterAll(() => socket.close());

    it('round-trips a request to the core', async () => {
      socket.send(JSON.stringify({ id: 1, channel: 'settings:get', args: [] }));
      expect(await nextMessage(socket)).toEqual({ id: 1, result: { ok: true, value: DEFAULT_SETTINGS } });
    });

    it('keeps the code and details of an error', async () => {
      socket.send(JSON.stringify({ id: 'two', channel: 'messages:get', args: [42] }));
      expect(await nextMessage(socket)).toEqual({
        id: 'two',
        result: { ok: false, error: { code: 'not-found', message: 'No message 42', details: { id: 42 } } },
      });
    });

    it('pushes core events to the page', async () => {
      const change: ChangeRecord = { entity: 'message', kind: 'update', ids: [7] };
      const pushed = nextMessage(socket);
      core.events.emit('store:changed', change);
      expect(await pushed).toEqual({ event: 'store:changed', payload: change });
    });

    it('answers an unknown channel and a malformed request with invalid-input', async () => {
      socket.send(JSON.stringify({ id: 3, channel: '__proto__', args: [] }));
      expect(await nextMessage(socket)).toMatchObject({ id: 3, result: { ok: false, error: { code: 'invalid-input' } } });
      socket.send('{ not json');
      expect(await nextMessage(socket)).toMatchObject({ id: null, result: { ok: false, error: { code: 'invalid-input' } } });
    });
  });

  it('stops listening and drops its sockets on close, leaving the core open', async () => {
    const other = await startWebServer({ core, host: '127.0.0.1', port: 0, rendererDir, token: server.token });
    const opened = await openSocket(`ws://127.0.0.1:${other.port}/api?token=${other.token}`, { origin: `http://127.0.0.1:${other.port}` });
    if (typeof opened === 'number') throw new Error(`upgrade refused with ${opened}`);
    const closed = new Promise((resolve) => opened.once('close', resolve));

    await other.close();

    await closed;
    expect(await canConnect('127.0.0.1', other.port)).toBe(false);
    expect(core.closed()).toBe(false);
  });
});
