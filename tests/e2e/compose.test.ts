/**
 * Writing mail in web mode, driven in Chromium against the real Dovecot/Postfix rig: the user answers a message
 * with an attachment and sends it, and the reply arrives in the sender's mailbox with its thread headers; a
 * message sent by mistake is taken back with Undo and comes back in the composer; a forward keeps the original's
 * attachment, waits in the Drafts folder and is finished from there. Screenshots go to test-output/e2e/compose-*.png.
 */
import { ImapFlow } from 'imapflow';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser, deliver, rigInfo, type TestUser } from '../rig';
import { launchChromium, screenshot } from './support/browser';
import { ensureBuilt, startWebMode, type WebMode } from './support/webMode';

const ORIGINAL_SUBJECT = 'Preventivo per il tetto';
const REPLY_TEXT = 'Grazie Marta, ti mando il preventivo firmato.';

let writer: TestUser;
let friend: TestUser;
let web: WebMode;
let browser: Browser;
let page: Page;

const folderButton = (name: string) =>
  page.locator('.folder-pane .mailbox-item').filter({ has: page.locator('.mailbox-item__name', { hasText: new RegExp(`^${name}$`) }) });

/** Adds the writer's account through the form, as a user does (trusting the rig's self-signed certificate). */
async function addAccount(user: TestUser): Promise<void> {
  const rig = rigInfo();
  await page.fill('input[name="address"]', user.address);
  await page.fill('input[name="password"]', user.password);
  await page.fill('input[name="displayName"]', 'Walter Writer');
  await page.locator('input[name="displayName"]').focus();
  await page.locator('.account-form__discovery').filter({ hasNotText: 'Looking up' }).waitFor({ timeout: 30_000 });
  const advanced = page.locator('details.account-form__advanced');
  if ((await advanced.getAttribute('open')) === null) await advanced.locator('summary').click();
  await page.fill('input[name="username"]', user.username);
  await page.fill('input[name="imap-host"]', rig.host);
  await page.fill('input[name="imap-port"]', String(rig.imapPort));
  await page.selectOption('select[name="imap-security"]', 'starttls');
  await page.fill('input[name="smtp-host"]', rig.host);
  await page.fill('input[name="smtp-port"]', String(rig.smtpPort));
  await page.selectOption('select[name="smtp-security"]', 'starttls');
  await page.getByRole('button', { name: 'Add account' }).click();
  const trust = page.getByRole('button', { name: 'Trust this certificate for this account' });
  await Promise.race([trust.waitFor({ timeout: 60_000 }), page.locator('.folder-pane').waitFor({ timeout: 60_000 })]);
  if (await trust.isVisible()) await trust.click();
  await page.locator('.folder-pane').waitFor({ timeout: 60_000 });
}

/** The messages in the user's INBOX whose subject contains `subject`, parsed. */
async function inboxMessages(user: TestUser, subject: string): Promise<ParsedMail[]> {
  const rig = rigInfo();
  const client = new ImapFlow({
    host: rig.host, port: rig.imapsPort, secure: true, auth: { user: user.username, pass: user.password }, tls: { ca: [rig.certPem] }, logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    const uids = (await client.search({ subject }, { uid: true })) || [];
    const parsed: ParsedMail[] = [];
    for (const uid of uids) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (message && message.source) parsed.push(await simpleParser(message.source));
    }
    return parsed;
  } finally {
    lock.release();
    await client.logout();
  }
}

beforeAll(async () => {
  await ensureBuilt();
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
  web = await startWebMode();
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: 'en-US', colorScheme: 'light' });
  await page.goto(web.url);
  await page.getByText('No account yet').waitFor();
  await addAccount(writer);
});

afterAll(async () => {
  await browser?.close();
  await web?.stop();
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
    await folderButton('Inbox').click();
    await page.locator('.message-row', { hasText: ORIGINAL_SUBJECT }).click();
    await page.getByTestId('plain-body').waitFor({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Forward' }).click();
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
          await folderButton('Drafts').click();
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
