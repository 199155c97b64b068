import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { ensureBuilt, startWebMode, type WebMode } from './webMode';

export interface OpenApp {
  web: WebMode;
  browser: Browser;
  /** The page's own context: where the pages a link opens appear. */
  context: BrowserContext;
  page: Page;
  /** Closes the browser, then stops web mode (its data directory goes with it). */
  close(): Promise<void>;
}

export interface OpenAppOptions {
  /** Runs on the page before it loads the app, to listen from its first request on. */
  beforeLoad?: (page: Page) => void;
}

/**
 * Starts web mode on a fresh data directory (building first when needed), launches Chromium and opens the app in
 * a 1400×900 page in English and the light scheme, the same in every run so that screenshots compare.
 */
export async function openApp(options: OpenAppOptions = {}): Promise<OpenApp> {
  await ensureBuilt();
  const web = await startWebMode();
  let browser: Browser | undefined;
  try {
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'en-US', colorScheme: 'light' });
    const page = await context.newPage();
    options.beforeLoad?.(page);
    await page.goto(web.url);
    const opened = browser;
    return {
      web,
      browser: opened,
      context,
      page,
      async close() {
        await opened.close();
        await web.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await web.stop();
    throw error;
  }
}
