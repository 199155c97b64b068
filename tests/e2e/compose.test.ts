/**
 * Writing mail in web mode, driven in Chromium against the real Dovecot/Postfix rig: the user answers a message
 * with an attachment and sends it, and the reply arrives in the sender's mailbox with its thread headers; a
 * message sent by mistake is taken back with Undo and comes back in the composer; a forward keeps the original's
 * attachment, waits in the Drafts folder and is finished from there. Screenshots go to test-output/e2e/compose-*.png.
 */
import type { ParsedMail } from 'mailparser';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deliver, type TestUser } from '../rig';
import { addAccountThroughForm } from './support/account';
import { openApp, type OpenApp } from './support/app';
import { screenshot } from './support/browser';
import { folderButton } from './support/locators';
import { inboxMessages } from './support/server';

const ORIGINAL_SUBJECT = 'Preventivo per il tetto';
const REPLY_TEXT = 'Grazie Marta, ti mando il preventivo firmato.';

let writer: TestUser;
let friend: TestUser;
let app: OpenApp;
let page: Page;

beforeAll(async () => {
  writer = await createUser('writer');
  friend = await createUser('friend');
  await deliver({
    from: `Marta Rossi <${friend.address}>`,
    to: writer.address,
    subject: ORIGINAL_SUBJECT,
    text: 'Ciao Walter,\nmi mandi il preventivo firmato?\n\nMarta',
    headers: { 'Message-ID': '<preventivo-tetto@postino.test>' },
    attachments: [{ filename: 'planimetria.txt', content: 'Piano terra, 120 m²', contentType: 'text/plain' }],
  });
  app = await openApp();
  page = app.page;
  await page.getByText('No account yet').waitFor();
  await addAccountThroughForm(page, writer, 'Walter Writer');
});

afterAll(async () => {
  await app?.close();
});

describe('writing mail in web mode', () => {
  it('replies with an attachment, and the reply reaches the sender with its thread headers', async () => {
    await page.locator('.message-row', { hasText: ORIGINAL_SUBJECT }).click({ timeout: 60_000 });
    await page.getByTestId('plain-body').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Reply', exact: true }).click();

    const composer = page.getByTestId('composer');
    await composer.waitFor();
    expect(await composer.locator('.chip').allTextContents()).toEqual(['Marta Rossi']);
    expect(await page.locator('input[name="subject"]').inputValue()).toBe(`Re: ${ORIGINAL_SUBJECT}`);
    expect(await page.getByTestId('composer-body').innerText()).toContain('mi mandi il preventivo firmato?');

    await page.keyboard.type(REPLY_TEXT);
    await page.locator('input[name="attachments"]').setInputFiles({ name: 'preventivo-firmato.txt', mimeType: 'text/plain', buffer: Buffer.from('Preventivo: 4.200 € — firmato') });
    await composer.locator('.composer-attachment', { hasText: 'preventivo-firmato.txt' }).waitFor();
    await page.getByText('Draft saved').waitFor({ timeout: 10_000 });
    await screenshot(page, 'compose-01-reply');

    await page.keyboard.press('Control+Enter');
    const notice = page.getByTestId('send-notice');
    await notice.getByText('Sending…').waitFor();
    expect(await composer.count()).toBe(0);
    await screenshot(page, 'compose-02-sending');

    let arrived: ParsedMail[] = [];
    await expect
      .poll(async () => (arrived = await inboxMessages(friend, `Re: ${ORIGINAL_SUBJECT}`)).length, { timeout: 60_000, interval: 1_000 })
      .toBe(1);
    const [reply] = arrived as [ParsedMail];
    expect(reply.from?.value[0]?.address).toBe(writer.address);
    expect(reply.inReplyTo).toBe('<preventivo-tetto@postino.test>');
    expect(reply.text?.trim().startsWith(REPLY_TEXT)).toBe(true);
    expect(reply.html || '').toContain('<blockquote type="cite">');
    expect(reply.attachments.map((attachment) => attachment.filename)).toEqual(['preventivo-firmato.txt']);
    expect(reply.attachments[0]?.content.toString()).toBe('Preventivo: 4.200 € — firmato');
  });

  it('suggests a correspondent, takes the message back with Undo, reopens it, and nothing is delivered', async () => {
    await page.getByTestId('new-message').click();
    const composer = page.getByTestId('composer');
    await composer.waitFor();
    await page.keyboard.type('mar');
    await page.getByRole('listbox', { name: 'Suggested addresses' }).getByRole('option', { name: /Marta Rossi/ }).waitFor({ timeout: 10_000 });
    await screenshot(page, 'compose-03-suggestion');
    await page.keyboard.press('Enter');
    await page.fill('input[name="subject"]', 'Sent by mistake');
    await page.getByTestId('composer-body').click();
    await page.keyboard.type('This should never leave.');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.getByTestId('send-notice').getByRole('button', { name: 'Undo' }).click();

    await composer.waitFor();
    expect(await page.locator('input[name="subject"]').inputValue()).toBe('Sent by mistake');
    expect(await page.getByTestId('composer-body').innerText()).toContain('This should never leave.');
    expect(await composer.locator('.chip').allTextContents()).toEqual(['Marta Rossi']);
    await screenshot(page, 'compose-04-undone');

    await page.getByRole('button', { name: 'Discard draft' }).click();
    await page.waitForTimeout(6_000);
    expect(await inboxMessages(friend, 'Sent by mistake')).toEqual([]);
  });

  it('forwards the original’s attachment, keeps the forward in Drafts, and finishes it from there', async () => {
    await folderButton(page, 'Inbox').click();
    await page.locator('.message-row', { hasText: ORIGINAL_SUBJECT }).click();
    await page.getByTestId('plain-body').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Forward', exact: true }).click();
    const composer = page.getByTestId('composer');
    await composer.locator('.composer-attachment', { hasText: 'planimetria.txt' }).waitFor({ timeout: 30_000 });
    await page.keyboard.type(`${friend.address},`);
    await page.getByTestId('composer-body').click();
    await page.keyboard.type('Ecco la planimetria.');
    await page.keyboard.press('Escape');
    await composer.waitFor({ state: 'detached' });

    // The draft is copied to the server's Drafts folder on close; opening the folder syncs it.
    const draftRow = page.locator('.message-row', { hasText: `Fwd: ${ORIGINAL_SUBJECT}` });
    await expect
      .poll(
        async () => {
          await folderButton(page, 'Drafts').click();
          return draftRow.count();
        },
        { timeout: 60_000, interval: 2_000 },
      )
      .toBe(1);
    await draftRow.click();
    await page.getByRole('button', { name: 'Edit draft' }).click();
    await composer.waitFor();
    // Written above the forwarded original, where the first click into the body put the caret.
    expect((await page.getByTestId('composer-body').innerText()).trim()).toMatch(/^Ecco la planimetria\.\n/);
    expect(await composer.locator('.composer-attachment').allTextContents()).toEqual([expect.stringContaining('planimetria.txt')]);
    await screenshot(page, 'compose-05-draft-reopened');
    await page.keyboard.press('Control+Enter');
    await page.getByTestId('send-notice').getByText('Sending…').waitFor();

    let arrived: ParsedMail[] = [];
    await expect
      .poll(async () => (arrived = await inboxMessages(friend, `Fwd: ${ORIGINAL_SUBJECT}`)).length, { timeout: 60_000, interval: 1_000 })
      .toBe(1);
    const [forward] = arrived as [ParsedMail];
    expect(forward.text).toContain('Ecco la planimetria.');
    expect(forward.text).toContain('mi mandi il preventivo firmato?');
    expect(forward.attachments.map((attachment) => [attachment.filename, attachment.content.toString()])).toEqual([['planimetria.txt', 'Piano terra, 120 m²']]);
  });
});
