import type { Page } from 'playwright-core';

/**
 * Hides or shows the page as the Page Visibility API reports it: `document.visibilityState` and `document.hidden`
 * read the new state and `visibilitychange` fires, exactly what the app listens to.
 *
 * Why not a real background tab: headless Chromium (156, driven by playwright-core) keeps every page 'visible'.
 * Tried and measured: a second page brought to front, a tab opened in the same window (window.open and
 * Target.createTarget) and activated, the window minimised with Browser.setWindowBounds, focus emulation turned
 * off, Playwright's --disable-backgrounding-occluded-windows dropped, and a headful browser on the headless Ozone
 * platform: visibilityState stayed 'visible' in every case (only document.hasFocus() changed).
 */
export async function setPageVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((wanted) => {
    // Runs in the page; the tests' TypeScript has no DOM types, so the document is named by what is used of it.
    const document = (globalThis as unknown as { document: EventTarget }).document;
    if (wanted === 'visible') {
      // Removing the overrides lets the browser's own (visible) state show through again.
      Reflect.deleteProperty(document, 'visibilityState');
      Reflect.deleteProperty(document, 'hidden');
    } else {
      Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => wanted });
      Object.defineProperty(document, 'hidden', { configurable: true, get: () => true });
    }
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

/** The page's `document.visibilityState`, read in the page. */
export function pageVisibility(page: Page): Promise<string> {
  return page.evaluate(() => (globalThis as unknown as { document: { visibilityState: string } }).document.visibilityState);
}

/** Records the activity events the page reports to the core (`activity:report` requests over the web-mode socket). */
export function recordActivityReports(page: Page): string[] {
  const reports: string[] = [];
  page.on('websocket', (socket) => {
    socket.on('framesent', ({ payload }) => {
      if (typeof payload !== 'string') return;
      try {
        const request = JSON.parse(payload) as { channel?: string; args?: unknown[] };
        if (request.channel === 'activity:report' && typeof request.args?.[0] === 'string') reports.push(request.args[0]);
      } catch {
        // Not a request frame.
      }
    });
  });
  return reports;
}
