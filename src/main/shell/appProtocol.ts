/**
 * The app's pages come from its own scheme, `postino://app/…`, not from file://: a file:// page may read any
 * local file it can name, and a standard scheme gets real response headers, so the desktop app is served with the
 * very content security policy web mode uses (Electron's security checklist: "avoid file://").
 */
import { securityHeaders } from '../web/contentSecurity';
import { readRendererFile } from '../web/rendererFiles';

export const APP_SCHEME = 'postino';
const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** True for the app's own pages; false for anything else, mail frames and remote pages included. */
export function isAppUrl(url: string | null | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export async function serveAppRequest(rendererDir: string, requestUrl: string): Promise<Response> {
  const headers = securityHeaders();
  const file = isAppUrl(requestUrl) ? await readRendererFile(rendererDir, new URL(requestUrl).pathname) : null;
  if (!file) return new Response('Not found', { status: 404, headers: { ...headers, 'Content-Type': 'text/plain' } });
  return new Response(new Uint8Array(file.body), { status: 200, headers: { ...headers, 'Content-Type': file.contentType } });
}
