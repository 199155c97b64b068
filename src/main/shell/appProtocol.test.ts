import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppUrl, serveAppRequest } from './appProtocol';

describe('the postino:// app scheme', () => {
  let rendererDir: string;
  beforeAll(async () => {
    rendererDir = await mkdtemp(join(tmpdir(), 'postino-app-'));
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
  });
  afterAll(() => rm(rendererDir, { recursive: true, force: true }));

  it('recognises the app’s own pages only', () => {
    expect(isAppUrl('postino://app/index.html')).toBe(true);
    for (const url of ['postino://other/index.html', 'https://app/index.html', 'about:srcdoc', 'file:///index.html', '', null]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('serves the built renderer with the content security policy', async () => {
    const response = await serveAppRequest(rendererDir, 'postino://app/index.html');
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('<!doctype html><title>app</title>');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).toContain("connect-src 'self';");
  });

  it('answers 404 for a missing file, another host, or a path leaving the renderer', async () => {
    for (const url of ['postino://app/missing.js', 'postino://evil/index.html', 'postino://app/..%2f..%2fetc%2fpasswd']) {
      expect((await serveAppRequest(rendererDir, url)).status, url).toBe(404);
    }
  });
});
