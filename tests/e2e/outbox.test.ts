/**
 * The compose gaps of issue 4 in web mode, driven in Chromium against the real rig: the undo delay set in the
 * settings keeps a sent message in the Outbox, which lists it with its time and then empties when it goes; a
 * message sent later waits there and is taken back to edit; an alias added in the account settings is offered as
 * a sender and the recipient gets mail from it; Forward as attachment sends the original as message/rfc822.
 * Screenshots go to test-output/e2e/outbox-*.png.
 */
import type { ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deliver, type TestUser } from '../rig';
import { addAccountThroughForm } from './support/account';
import { launchChromium, screenshot } from './support/browser';
import { inboxMessages } from './support/server';
import { ensureBuilt, startWebMode, type WebMode } from './support/webMode';

const ORIGINAL_SUBJECT = 'Verbale del cantiere';

let writer: TestUser;
let friend: TestUser;
let web: WebMode;
let browser: Browser;
let page: Page;

const outboxEntry = () => page.locator('.folder-pane .mailbox-item', { hasText: /^Outbox/ });

async function writeMessage(subject: string, text: string): Promise<void> {
  await page.getByTestId('new-message').click();
  await page.getByTestId('composer').waitFor();
  await page.keyboard.type(`${friend.address},`);
  await page.fill('input[name="subject"]', subject);
  await page.getByTestId('composer-body').click();
  await page.keyboard.type(text);
}

beforeAll(async () => {
  await ensureBuilt();
  writer = await createUser('outboxer');
  friend = await createUser('friend');
  await deliver({ from: `Marta Rossi <${friend.address}>`, to: writer.address, subject: ORIGINAL_SUBJECT, text: 'Il verbale di oggi, firmato.' });
  web = await startWebMode();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US', colorScheme: 'light' });
  await page.goto(web.url);
  await page.getByText('No account yet').waitFor();
  await addAccountThroughForm(page, writer, 'Olga Outbox');
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
});

describe('the outbox, undo delay, aliases and forward as attachment in web mode', () => {
  it('keeps a sent message in the Outbox for the undo delay chosen in the settings, then sends it and empties', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.fill('input[name="undoSendSeconds"]', '20');
    await page.locator('input[name="undoSendSeconds"]').press('Tab');
    await page.waitForTimeout(500);
    await screenshot(page, 'outbox-01-undo-setting');
    await page.getByRole('button', { name: 'Close' }).click();

    expect(await outboxEntry().count()).toBe(0);
    await writeMessage('Held for twenty seconds', 'This waits in the outbox first.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await outboxEntry().waitFor({ timeout: 10_000 });
    expect(await outboxEntry().innerText()).toContain('Outbox (1)');
    await outboxEntry().click();
    const row = page.getByTestId('outbox-entry');
    await row.waitFor();
    expect(await row.innerText()).toContain('Held for twenty seconds');
    expect(await row.getAttribute('data-status')).toBe('scheduled');
    expect(await row.innerText()).toMatch(/Scheduled for \d{1,2}:\d{2}/);
    await screenshot(page, 'outbox-02-held');
    expect(await inboxMessages(friend, 'Held for twenty seconds')).toEqual([]);

    await page.getByText('Nothing is waiting to be sent.').waitFor({ timeout: 60_000 });
    await screenshot(page, 'outbox-03-sent');
    await page.getByRole('button', { name: 'Close' }).click();
    expect(await outboxEntry().count()).toBe(0);
    await expect.poll(async () => (await inboxMessages(friend, 'Held for twenty seconds')).length, { timeout: 60_000, interval: 1_000 }).toBe(1);
  });

  it('lists a message sent later with its time, and Edit takes it back into the composer', async () => {
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.fill('input[name="undoSendSeconds"]', '0');
    await page.locator('input[name="undoSendSeconds"]').press('Tab');
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: 'Close' }).click();

    await writeMessage('For tomorrow morning', 'Buongiorno!');
    await page.getByRole('button', { name: 'Send later…' }).click();
    await page.getByRole('button', { name: 'Schedule' }).click();
    await outboxEntry().click();
    const row = page.getByTestId('outbox-entry');
    await row.waitFor();
    expect(await row.innerText()).toMatch(/Scheduled for .*8:00/);
    await screenshot(page, 'outbox-04-scheduled');
    await row.getByRole('button', { name: 'Edit' }).click();
    await page.getByTestId('composer').waitFor();
    expect(await page.locator('input[name="subject"]').inputValue()).toBe('For tomorrow morning');
    expect(await outboxEntry().count()).toBe(0);
    await page.getByRole('button', { name: 'Discard draft' }).click();
  });

  it('offers an alias added in the account settings as a sender, and the recipient gets mail from it', async () => {
    const alias = `studio.${writer.address}`;
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('tab', { name: 'Accounts' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByRole('button', { name: 'Add an address' }).click();
    await page.fill('input[name="alias-0-address"]', alias);
    await page.fill('input[name="alias-0-name"]', 'Studio Olga');
    await page.fill('textarea[name="alias-0-signature"]', 'Studio Olga — cantieri');
    await screenshot(page, 'outbox-05-alias-settings');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.locator('.account-form').waitFor({ state: 'detached', timeout: 30_000 });
    await page.getByRole('button', { name: 'Close' }).click();

    await writeMessage('From the studio', 'Scrivo dallo studio.');
    await page.selectOption('select[name="from"]', { label: `Studio Olga <${alias}>` });
    expect(await page.getByTestId('composer-body').innerText()).toContain('Studio Olga — cantieri');
    await screenshot(page, 'outbox-06-alias-sender');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    let arrived: ParsedMail[] = [];
    await expect.poll(async () => (arrived = await inboxMessages(friend, 'From the studio')).length, { timeout: 60_000, interval: 1_000 }).toBe(1);
    expect(arrived[0]?.from?.value).toEqual([{ name: 'Studio Olga', address: alias }]);
  });

  it('forwards a message as an attachment that arrives as message/rfc822', async () => {
    await page.locator('.message-row', { hasText: ORIGINAL_SUBJECT }).click({ timeout: 60_000 });
    await page.getByTestId('plain-body').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Forward as attachment' }).click();
    const composer = page.getByTestId('composer');
    await composer.locator('.composer-attachment', { hasText: `${ORIGINAL_SUBJECT}.eml` }).waitFor({ timeout: 30_000 });
    await page.keyboard.type(`${friend.address},`);
    await screenshot(page, 'outbox-07-forward-as-attachment');
    await page.keyboard.press('Control+Enter');
    let arrived: ParsedMail[] = [];
    await expect.poll(async () => (arrived = await inboxMessages(friend, `Fwd: ${ORIGINAL_SUBJECT}`)).length, { timeout: 60_000, interval: 1_000 }).toBe(1);
    const [part] = arrived[0]?.attachments ?? [];
    expect(part?.contentType).toBe('message/rfc822');
    expect(part?.content.toString()).toContain('Il verbale di oggi, firmato.');
  });
});
