/**
 * Web mode in a real browser (Debian's Chromium): the renderer's own bridge (src/renderer/lib/bridge.ts), built
 * by Vite into a small page, against the real server; and the reader's mail frame under the app's content policy.
 * The core behind the server is a small in-test one: what is under test is the transport and the headers.
 */
import { createServer, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type ChangeRecord } from '../../src/shared/types';
import { startWebServer, type WebServer } from '../../src/main/web/server';
import { createSettingsCore } from './web.harness';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const source = (path: string) => fileURLToPath(new URL(`../../src/${path}`, import.meta.url));

// The pages run in the browser, as plain modules Vite bundles with the real renderer code.
const BRIDGE_PAGE = `
import { api, getBridge } from '@postino/bridge';
import { PostinoError } from '@postino/errors';
const events = [];
getBridge().on('store:changed', (payload) => events.push(payload));
window.postinoTest = {
  events,
  settings: () => api.settings.get(),
  failure: () => api.messages.get(42).then(
    () => null,
    (err) => ({ isPostinoError: err instanceof PostinoError, code: err.code, message: err.message, details: err.details }),
  ),
};
`;

const MAIL_PAGE = `
import { frameDocument } from '@postino/frameDocument';
const imagePort = new URLSearchParams(location.search).get('images');
for (const allowed of [false, true]) {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', '');
  frame.srcdoc = frameDocument(
    '<p id="styled" style="color: rgb(255, 0, 0)">styled</p>' +
      '<img src="http://127.0.0.1:' + imagePort + '/' + (allowed ? 'allowed' : 'blocked') + '.png">',
    allowed,
  );
  document.body.append(frame);
}
`;

const html = (entry: string) => `<!doctype html><html><head><meta charset="utf-8"><script type="module" src="./${entry}"></script></head><body></body></html>`;

describe('web mode in Chromium', () => {
  const core = createSettingsCore();
  let dir: string;
  let server: WebServer;
  let browser: Browser;
  let page: Page;
  /** Stands for the remote server a mail's images come from. */
  let imageServer: Server;
  const imageRequests: string[] = [];
  /** Evaluates an expression on the page's `window.postinoTest` (set up by BRIDGE_PAGE). */
  const inPage = (expression: string) => page.evaluate(`window.postinoTest.${expression}`);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'postino-browser-'));
    await writeFile(join(dir, 'index.html'), html('bridge.js'));
    await writeFile(join(dir, 'bridge.js'), BRIDGE_PAGE);
    await writeFile(join(dir, 'mail.html'), html('mail.js'));
    await writeFile(join(dir, 'mail.js'), MAIL_PAGE);
    await build({
      configFile: false,
      root: dir,
      logLevel: 'silent',
      resolve: {
        alias: {
          '@postino/bridge': source('renderer/lib/bridge.ts'),
          '@postino/errors': source('shared/errors.ts'),
          '@postino/frameDocument': source('renderer/features/reader/frameDocument.ts'),
        },
      },
      build: { outDir: join(dir, 'out'), rollupOptions: { input: { index: join(dir, 'index.html'), mail: join(dir, 'mail.html') } } },
    });
    server = await startWebServer({ core, host: '127.0.0.1', port: 0, rendererDir: join(dir, 'out') });

    imageServer = createServer((request, response) => {
      imageRequests.push(request.url ?? '');
      response.writeHead(404).end();
    });
    await new Promise<void>((done) => imageServer.listen(0, '127.0.0.1', done));

    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    imageServer?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('signs in with the printed address, and the token leaves the address bar', async () => {
    await page.goto(server.url);
    expect(page.url()).toBe(`http://127.0.0.1:${server.port}/`);
    await page.waitForFunction('window.postinoTest !== undefined');
  });

  it('round-trips a request through the renderer bridge and the WebSocket', async () => {
    expect(await inPage('settings()')).toEqual(DEFAULT_SETTINGS);
  });

  it('gives the page an error as a PostinoError with its code and details', async () => {
    expect(await inPage('failure()')).toEqual({
      isPostinoError: true,
      code: 'not-found',
      message: 'No message 42',
      details: { id: 42 },
    });
  });

  it('pushes core events to the page', async () => {
    const change: ChangeRecord = { entity: 'account', kind: 'update', ids: ['a1'] };
    core.events.emit('store:changed', change);
    await expect.poll(() => inPage('events')).toEqual([change]);
  });

  it('reconnects by itself when the server comes back on the same port', async () => {
    const { port, token } = server;
    await server.close();
    server = await startWebServer({ core, host: '127.0.0.1', port, rendererDir: join(dir, 'out'), token });
    await expect.poll(() => inPage('settings().catch((err) => err.code)'), { timeout: 10_000 }).toEqual(DEFAULT_SETTINGS);
  });

  it('shows a mail frame with its inline styles, and remote images only once allowed, under the app policy', async () => {
    const mailPage = await browser.newPage();
    await mailPage.goto(server.url);
    await mailPage.goto(`http://127.0.0.1:${server.port}/mail.html?images=${(imageServer.address() as { port: number }).port}`);
    const frames = () => mailPage.frames().filter((frame) => frame.url() === 'about:srcdoc');
    await expect.poll(() => frames().length).toBe(2);

    await expect.poll(() => imageRequests).toEqual(['/allowed.png']);
    for (const frame of frames()) {
      expect(await frame.evaluate("getComputedStyle(document.getElementById('styled')).color")).toBe('rgb(255, 0, 0)');
    }
    await mailPage.close();
  });
});
