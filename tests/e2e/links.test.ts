/**
 * Links in mail, in web mode, driven in Chromium against the real Dovecot/Postfix rig: a link in an HTML message
 * shows its real target on hover and opens exactly that address in a new page (served by a loopback server that
 * counts the request) with no way back to the app, while the mail frame stays on its own document; javascript: and
 * relative links do nothing; a link in a plain-text message opens the same way. Screenshots go to
 * test-output/e2e/links-*.png.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deliver, type TestUser } from '../rig';
import { addAccountThroughForm } from './support/account';
import { openApp, type OpenApp } from './support/app';
import { screenshot } from './support/browser';
import { startCountingServer, type CountingServer } from './support/countingServer';

const HTML_SUBJECT = 'Offerta di primavera';
const PLAIN_SUBJECT = 'Il link del verbale';
/** Long enough for a click that would load something to have reached the loopback server. */
const SETTLE_MS = 1500;

let user: TestUser;
let counter: CountingServer;
let app: OpenApp;
let context: BrowserContext;
let page: Page;

const row = (subject: string) => page.locator('.message-row', { hasText: subject });
const mailFrame = () => page.frameLocator('[data-testid="html-body"]');
const offerUrl = () => `${counter.origin}/page/offer?from=mail`;

/** The address of the document the reader's mail frame holds now. */
async function mailFrameUrl(): Promise<string | undefined> {
  const element = await page.getByTestId('html-body').elementHandle();
  return (await element?.contentFrame())?.url();
}

beforeAll(async () => {
  counter = await startCountingServer();
  user = await createUser('links');
  await deliver({
    from: 'Negozio <shop@postino.test>',
    to: user.address,
    subject: HTML_SUBJECT,
    text: 'See the offer.',
    html:
      '<p>Ciao, the spring offer is here.</p>' +
      // The visible text and the mail's own title both lie about where the link goes; hovering must tell the truth.
      `<p><a href="${offerUrl()}" title="https://bank.example/login" target="_self">https://bank.example/login</a></p>` +
      `<p><a href="javascript:new Image().src='${counter.origin}/javascript-ran'">Run the script</a></p>` +
      '<p><a href="/settings">A relative link</a></p>' +
      '<p><a href="mailto:shop@postino.test?subject=Offerta">Write to the shop</a></p>',
  });
  await deliver({
    from: 'Marco Bianchi <marco@postino.test>',
    to: user.address,
    subject: PLAIN_SUBJECT,
    text: `Ciao,\nil verbale è qui: ${counter.origin}/page/minutes\n\nMarco`,
  });
  app = await openApp();
  ({ context, page } = app);
  await page.getByText('No account yet').waitFor({ timeout: 30_000 });
  await addAccountThroughForm(page, user, 'E2E Links');
  await row(HTML_SUBJECT).waitFor({ timeout: 60_000 });
  await row(PLAIN_SUBJECT).waitFor({ timeout: 60_000 });
});

afterAll(async () => {
  await app?.close();
  await counter?.close();
});

describe('links in mail', () => {
  it('shows the real target of a link in an HTML message on hover, whatever its text and title claim', async () => {
    await row(HTML_SUBJECT).click();
    const frame = page.getByTestId('html-body');
    await frame.waitFor({ timeout: 30_000 });
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    const link = mailFrame().getByRole('link', { name: 'https://bank.example/login' });
    await link.hover();
    expect(await link.getAttribute('title')).toBe(offerUrl());
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
    const mailto = mailFrame().getByRole('link', { name: 'Write to the shop' });
    expect(await mailto.getAttribute('title')).toBe('mailto:shop@postino.test?subject=Offerta');
    await screenshot(page, 'links-01-hover');
  });

  it('opens a clicked link in a new page at exactly its address, with no way back to the app', async () => {
    const appUrl = page.url();
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      mailFrame().getByRole('link', { name: 'https://bank.example/login' }).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(offerUrl());
    expect(counter.hits('/page/offer')).toBe(1);
    // noopener and noreferrer: the opened page cannot reach the app's window, nor learn where the link was.
    expect(await opened.evaluate(() => (globalThis as unknown as { opener: unknown }).opener === null)).toBe(true);
    expect(await opened.evaluate(() => (globalThis as unknown as { document: { referrer: string } }).document.referrer)).toBe('');
    await screenshot(opened, 'links-02-opened-page');
    await opened.close();

    // The app and the mail frame are where they were.
    expect(page.url()).toBe(appUrl);
    expect(await mailFrameUrl()).toBe('about:srcdoc');
    await mailFrame().getByText('the spring offer is here').waitFor();
  });

  it('does nothing for a javascript: or a relative link, which are plain text in the mail', async () => {
    for (const name of ['Run the script', 'A relative link']) {
      const text = mailFrame().locator('a', { hasText: name });
      expect(await text.getAttribute('href'), name).toBeNull();
      const pagesBefore = context.pages().length;
      await text.click();
      await page.waitForTimeout(SETTLE_MS);
      expect(context.pages().length, name).toBe(pagesBefore);
      expect(await mailFrameUrl(), name).toBe('about:srcdoc');
    }
    expect(counter.hits('/javascript-ran')).toBe(0);
    expect(await mailFrame().getByRole('link').count()).toBe(2);
    await screenshot(page, 'links-03-inert-links');
  });

  it('opens a link in a plain-text message the same way', async () => {
    await row(PLAIN_SUBJECT).click();
    const link = page.getByTestId('plain-body').getByRole('link');
    await link.waitFor({ timeout: 30_000 });
    expect(await link.getAttribute('title')).toBe(`${counter.origin}/page/minutes`);
    const appUrl = page.url();
    const [opened] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${counter.origin}/page/minutes`);
    expect(counter.hits('/page/minutes')).toBe(1);
    await opened.close();
    expect(page.url()).toBe(appUrl);
    await screenshot(page, 'links-04-plain-message');
  });
});
