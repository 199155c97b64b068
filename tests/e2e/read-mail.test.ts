/**
 * A new user reads mail in web mode, driven in Chromium against the real Dovecot/Postfix rig: adds an account
 * (a wrong password first), reads a plain, a format=flowed and an HTML message (remote content blocked until
 * asked, scripts never run), scrolls a 10,000-message folder, switches to Italian, and keeps reading cached mail with the server down.
 * The steps share one browser page and run in order; each saves a screenshot under test-output/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deliver, rigInfo, seedMaildir, startImap, stopImap, type TestUser } from '../rig';
import { submitAccountForm } from './support/account';
import { openApp, type OpenApp } from './support/app';
import { screenshot } from './support/browser';
import { startCountingServer, type CountingServer } from './support/countingServer';
import { folderButton } from './support/locators';
import { renderMessage } from '../rig/seed/mime';
import { bulkMessages } from './support/mail';

const WRONG_PASSWORD = 'not-the-password';
const BULK_COUNT = 10_000;

let user: TestUser;
let counter: CountingServer;
let app: OpenApp;
let page: Page;

const row = (subject: string) => page.locator('.message-row', { hasText: subject });
const fieldError = (name: string) => page.locator('.field', { has: page.locator(`[name="${name}"]`) }).locator('.field__error');

beforeAll(async () => {
  counter = await startCountingServer();
  user = await createUser('reader');
  await deliver({
    from: 'Marco Bianchi <marco@postino.test>',
    to: user.address,
    subject: 'Sopralluogo giovedì',
    text: 'Ciao,\nci vediamo giovedì alle 10.\nLa planimetria: https://example.com/planimetria.pdf\n\nMarco',
    attachments: [{ filename: 'planimetria.txt', content: 'Piano terra, 120 m².', contentType: 'text/plain' }],
  });
  await deliver({
    from: 'Newsletter <news@postino.test>',
    to: user.address,
    subject: 'Newsletter with a picture',
    text: 'Hello from the newsletter.',
    html:
      '<p>Hello from the newsletter.</p>' +
      `<img src="${counter.origin}/pixel.png" alt="tracking pixel" width="40" height="40">` +
      `<script>new Image().src = "${counter.origin}/script-ran";</script>` +
      `<img src="missing.png" onerror="new Image().src='${counter.origin}/script-ran?onerror'">` +
      `<p><a href="https://example.com/offer">See the offer</a></p>`,
  });
  await seedMaildir(user, 'Bulk', bulkMessages(BULK_COUNT, user.address), { seen: true });
  await seedMaildir(user, 'Flowed', [flowedMessage(user.address)]);
  app = await openApp();
  page = app.page;
});

afterAll(async () => {
  await startImap().catch(() => {});
  await app?.close();
  await counter?.close();
});

describe('reading mail in web mode', () => {
  it('shows a new user the empty state with the form to add an account', async () => {
    await page.getByText('No account yet').waitFor();
    await screenshot(page, '01-empty-state');
    expect(await page.locator('input[name="address"]').isVisible()).toBe(true);
  });

  it('says next to the password field that a wrong password is wrong', async () => {
    const rig = rigInfo();
    await submitAccountForm(page, { ...user, password: WRONG_PASSWORD }, 'E2E Reader');

    // The rig's certificate is self-signed: the form shows its fingerprint first, and trusting it retries.
    const fingerprint = page.getByTestId('fingerprint');
    await Promise.race([fingerprint.waitFor({ timeout: 60_000 }), fieldError('password').waitFor({ timeout: 60_000 })]);
    if (await fingerprint.isVisible()) {
      expect(await fingerprint.textContent()).toBe(rig.certSha256);
      await screenshot(page, '02a-untrusted-certificate');
      await page.getByRole('button', { name: 'Trust this certificate for this account' }).click();
    }
    await fieldError('password').waitFor({ timeout: 60_000 });
    expect(await fieldError('password').textContent()).toBe('The user name or password is wrong.');
    await screenshot(page, '02-wrong-password');
  });

  it('adds the account with the right password and shows its folders and messages', async () => {
    await page.fill('input[name="password"]', user.password);
    await page.getByRole('button', { name: 'Add account' }).click();
    await page.locator('.folder-pane').waitFor({ timeout: 60_000 });
    await folderButton(page, 'Inbox').click();
    await row('Sopralluogo giovedì').waitFor({ timeout: 60_000 });
    await row('Newsletter with a picture').waitFor();
    for (const name of ['Sent', 'Drafts', 'Trash', 'Bulk']) await folderButton(page, name).waitFor();
    await screenshot(page, '03-folders-and-messages');
  });

  it('opens a plain message with its line breaks, a safe link and its attachment', async () => {
    await row('Sopralluogo giovedì').click();
    const body = page.getByTestId('plain-body');
    await body.waitFor({ timeout: 30_000 });
    expect(await body.innerText()).toContain('ci vediamo giovedì alle 10.\nLa planimetria:');
    expect(await body.locator('a').getAttribute('href')).toBe('https://example.com/planimetria.pdf');
    await page.locator('.attachment', { hasText: 'planimetria.txt' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('.attachment').getByRole('button').click()]);
    expect(download.suggestedFilename()).toBe('planimetria.txt');
    await screenshot(page, '04-plain-message');
  });

  it('reads a format=flowed message as paragraphs that follow the width of the reader', async () => {
    await folderButton(page, 'Flowed').click();
    await row('Piano della settimana').click();
    const body = page.getByTestId('plain-body');
    await body.waitFor({ timeout: 30_000 });
    const text = await body.innerText();
    expect(text).toContain('le riunioni del lunedì e del giovedì si spostano al pomeriggio, così');
    expect(text).toContain('> Lo mandi entro venerdì?');
    await screenshot(page, '04b-flowed-message');
    await folderButton(page, 'Inbox').click();
    await row('Newsletter with a picture').waitFor();
  });

  it('blocks the remote image of an HTML message until "Show once", and never runs its script', async () => {
    await row('Newsletter with a picture').click();
    const frame = page.getByTestId('html-body');
    await frame.waitFor({ timeout: 30_000 });
    expect(await frame.getAttribute('sandbox')).toBe('allow-popups allow-popups-to-escape-sandbox');
    await page.getByText('Remote content blocked').waitFor();
    await page.waitForTimeout(1500);
    expect(counter.hits('/pixel.png')).toBe(0);
    await screenshot(page, '05a-remote-content-blocked');

    await page.getByRole('button', { name: 'Show once' }).click();
    await expect.poll(() => counter.hits('/pixel.png'), { timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(1000);
    expect(counter.hits('/script-ran')).toBe(0);
    const offer = page.frameLocator('[data-testid="html-body"]').getByRole('link', { name: 'See the offer' });
    expect(await offer.getAttribute('title')).toBe('https://example.com/offer');
    await screenshot(page, '05-remote-content-shown');
  });

  it('asks again after "Show once", and remembers "Always for this sender"', async () => {
    await row('Sopralluogo giovedì').click();
    await page.getByTestId('plain-body').waitFor();
    await row('Newsletter with a picture').click();
    await page.getByText('Remote content blocked').waitFor();
    const before = counter.hits('/pixel.png');
    await page.getByRole('button', { name: 'Always for this sender' }).click();
    await expect.poll(() => counter.hits('/pixel.png'), { timeout: 15_000 }).toBeGreaterThan(before);

    await row('Sopralluogo giovedì').click();
    await page.getByTestId('plain-body').waitFor();
    await row('Newsletter with a picture').click();
    await page.getByTestId('html-body').waitFor();
    await page.waitForTimeout(500);
    expect(await page.getByText('Remote content blocked').count()).toBe(0);
    expect(counter.hits('/script-ran')).toBe(0);
  });

  it('moves through the list with j/k and the arrow keys and opens a message with Enter', async () => {
    // Both messages arrived within the same second, so their order is not fixed: read it from the list.
    const subjects = await page.locator('.message-row .message-row__subject').allTextContents();
    expect([...subjects].sort()).toEqual(['Newsletter with a picture', 'Sopralluogo giovedì']);
    const [first, second] = subjects;
    const subject = page.locator('.reader__subject');
    await row(first ?? '').click();
    await expect.poll(() => subject.textContent(), { timeout: 15_000 }).toBe(first);
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect.poll(() => subject.textContent(), { timeout: 15_000 }).toBe(second);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await expect.poll(() => subject.textContent(), { timeout: 15_000 }).toBe(first);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('k');
    await page.keyboard.press('j');
    await page.keyboard.press('Enter');
    await expect.poll(() => subject.textContent(), { timeout: 15_000 }).toBe(second);
    await screenshot(page, '05b-keyboard');
  });

  it('scrolls a 10,000-message folder to its oldest message', async () => {
    await folderButton(page, 'Bulk').click();
    const count = page.locator('.message-list__count');
    await expect.poll(() => count.textContent(), { timeout: 110_000, interval: 500 }).toBe('10,000 messages');
    await row('Bulk message 09999').waitFor({ timeout: 30_000 });
    const list = page.getByTestId('message-list');
    const started = Date.now();
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight / 2 }));
    await page.locator('.message-row:not(.message-row--placeholder)', { hasText: 'Bulk message 0' }).first().waitFor();
    await list.evaluate((element) => element.scrollTo({ top: element.scrollHeight }));
    await row('Bulk message 00000').waitFor({ timeout: 10_000 });
    console.log(`e2e: scrolled 10,000 rows to the oldest in ${Date.now() - started} ms`);
    await screenshot(page, '06-bulk-folder-scrolled');
  });

  it('switches the whole window to Italian from the settings', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.selectOption('select[name="language"]', 'it');
    await page.getByRole('heading', { name: 'Impostazioni' }).waitFor();
    await screenshot(page, '07a-settings-italian');
    await page.getByRole('button', { name: 'Chiudi' }).click();
    await folderButton(page, 'Posta in arrivo').waitFor();
    await folderButton(page, 'Tutta la posta in arrivo').waitFor();
    await screenshot(page, '07-italian');
  });

  it('still reads a cached message with the IMAP server stopped, and says the account is offline', async () => {
    await stopImap();
    await folderButton(page, 'Posta in arrivo').click();
    const status = page.getByTestId('account-status');
    // As a user would: press sync until the app notices (a sync already running when the server went away
    // finishes or fails on its own schedule first).
    await expect
      .poll(
        async () => {
          const text = await status.textContent();
          if (!text?.startsWith('Offline')) await page.getByTestId('sync-button').click();
          return text;
        },
        { timeout: 90_000, interval: 5_000 },
      )
      .toMatch(/^Offline dalle \d{1,2}:\d{2}$/);
    await row('Sopralluogo giovedì').click();
    await page.getByTestId('plain-body').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('plain-body').innerText()).toContain('ci vediamo giovedì alle 10.');
    await screenshot(page, '08-offline-reading');
  });
});

/** Plain text as Thunderbird sends it (RFC 3676): lines wrapped at 72 columns, each soft break after a space. */
function flowedMessage(to: string): Buffer {
  const body = [
    'Ciao,',
    '',
    'ecco il piano della settimana prossima: le riunioni del lunedì e del ',
    'giovedì si spostano al pomeriggio, così la mattina resta libera per i ',
    'sopralluoghi in cantiere.',
    '',
    '> Lo mandi entro ',
    '> venerdì?',
    '',
    'Giulia',
  ].join('\n');
  return renderMessage(
    {
      from: { name: 'Giulia Neri', address: 'giulia@postino.test' },
      to: [{ name: 'E2E Reader', address: to }],
      subject: 'Piano della settimana',
      date: new Date('2026-11-23T07:30:00Z'),
      messageId: 'flowed.e2e@postino.test',
    },
    { kind: 'text', subtype: 'plain', flowed: true, body },
  );
}
