/**
 * Compose gaps of issue 4 through the whole core against the rig: sending from an alias, a reply that answers
 * from the alias the original was sent to, forward as attachment (the original's bytes as message/rfc822), and
 * the submission server's SIZE limit (RFC 1870) read from the rig's Postfix.
 */
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/shared/api/compose';
import { senderForResponse } from '../../src/shared/identities';
import { createUser, rigInfo, seedMaildir, type TestUser } from '../rig';
import { openCore, rigAccountInput, syncsSettled, waitFor, type TestCore } from './core.harness';
import { otherClient } from './sync.harness';

/** What main.cf of the rig sets as message_size_limit (tests/rig/postfixConfig.ts). */
const RIG_MESSAGE_SIZE_LIMIT = 52_428_800;

/** The folder's messages as the server holds them: raw source by Message-ID. */
async function sources(user: TestUser, path: string): Promise<Map<string, Buffer>> {
  const client = await otherClient(user);
  try {
    const lock = await client.getMailboxLock(path, { readOnly: true });
    try {
      const found = new Map<string, Buffer>();
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const message of client.fetch('1:*', { source: true, envelope: true })) {
          if (message.source) found.set(message.envelope?.messageId ?? '', message.source);
        }
      }
      return found;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

/** The message with this Message-ID once Postfix has delivered it. */
async function received(user: TestUser, messageIdHeader: string): Promise<ParsedMail> {
  const raw = await waitFor(`${messageIdHeader} in ${user.address}'s Inbox`, async () => (await sources(user, 'INBOX')).get(messageIdHeader));
  return simpleParser(raw);
}

describe('identities, forward as attachment and the SMTP size limit', () => {
  let alice: TestUser;
  let bob: TestUser;
  let opened: TestCore;
  let accountId: string;
  let aliasAddress: string;
  let originalId: number;
  let listMessageIdInCache: number;
  const originalMessageId = `<preventivo-${Date.now()}@example.it>`;
  const listMessageId = `<cantieri-${Date.now()}@lists.example.it>`;

  const draft = (overrides: Partial<Draft>): Draft => ({
    draftId: `d-${Math.random().toString(36).slice(2)}`,
    accountId,
    revision: 1,
    to: [{ name: 'Bob', address: bob.address }],
    cc: [],
    bcc: [],
    subject: 'Prova',
    html: '<p>Ciao</p>',
    attachments: [],
    ...overrides,
  });

  beforeAll(async () => {
    [alice, bob] = [await createUser('anna'), await createUser('bob')];
    aliasAddress = `studio.${alice.address}`;
    await seedMaildir(alice, 'INBOX', [
      [
        `From: Bob <${bob.address}>`,
        `To: Studio <${aliasAddress.toUpperCase()}>`,
        'Cc: Carla <carla@example.it>',
        'Subject: Preventivo per lo studio',
        `Message-ID: ${originalMessageId}`,
        `Date: ${new Date().toUTCString()}`,
        'MIME-Version: 1.0',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: 8bit',
        '',
        'Buongiorno, ecco la richiesta. Perché no?',
        '',
      ].join('\r\n'),
      [
        `Delivered-To: ${alice.address}`,
        `X-Original-To: ${aliasAddress}`,
        `From: Bob <${bob.address}>`,
        'To: Cantieri <cantieri@lists.example.it>',
        'Subject: Riunione dei cantieri',
        `Message-ID: ${listMessageId}`,
        `Date: ${new Date().toUTCString()}`,
        '',
        'Ci vediamo giovedì.',
        '',
      ].join('\r\n'),
    ]);
    opened = await openCore();
    accountId = (await opened.core.api.accounts.add(rigAccountInput(rigInfo(), alice, 'Anna'))).id;
    await opened.core.api.accounts.update(accountId, { aliases: [{ address: aliasAddress, name: 'Studio Rossi', signature: 'Studio Rossi' }] });
    await syncsSettled(opened.core);
    const inbox = (await opened.core.api.folders.list(accountId)).find((folder) => folder.role === 'inbox');
    const page = await opened.core.api.messages.list({ folderId: inbox?.id ?? -1, offset: 0, limit: 10 });
    originalId = page.rows.find((row) => row.messageIdHeader === originalMessageId)?.id ?? -1;
    listMessageIdInCache = page.rows.find((row) => row.messageIdHeader === listMessageId)?.id ?? -1;
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('reads the SIZE limit the rig’s Postfix announces when the account is added', async () => {
    const [account] = await opened.core.api.accounts.list();
    expect(account?.smtpMaxSize).toBe(RIG_MESSAGE_SIZE_LIMIT);
  });

  it('a reply answers from the alias the original was sent to, and bob receives it From the alias with its name', async () => {
    const { api } = opened.core;
    const original = await api.messages.get(originalId);
    const sender = senderForResponse(original, await api.accounts.list());
    expect(sender).toMatchObject({ accountId, identity: { address: aliasAddress, name: 'Studio Rossi' } });
    const entry = await api.compose.send(
      draft({ from: { name: '', address: sender?.identity.address ?? '' }, subject: 'Re: Preventivo per lo studio', replyTo: { messageId: originalId, kind: 'reply' } }),
      { undoDelayMs: 0 },
    );
    const reply = await received(bob, entry.messageIdHeader);
    expect(reply.from?.value).toEqual([{ name: 'Studio Rossi', address: aliasAddress }]);
    expect(reply.inReplyTo).toBe(originalMessageId);
  });

  it('a message that reached the alias through a list is answered from the alias, found in its delivery headers', async () => {
    const { api } = opened.core;
    const message = await api.messages.get(listMessageIdInCache);
    const accounts = await api.accounts.list();
    expect(senderForResponse(message, accounts)?.identity.address).toBe(alice.address);
    const delivered = await api.compose.deliveredTo(listMessageIdInCache);
    expect(delivered).toEqual([aliasAddress, alice.address]);
    expect(senderForResponse(message, accounts, delivered)?.identity).toEqual({ address: aliasAddress, name: 'Studio Rossi', signature: 'Studio Rossi' });
  });

  it('refuses to save or send from an address that is none of the account’s identities, naming the field', async () => {
    await expect(opened.core.api.compose.saveDraft(draft({ from: { name: 'Bob', address: bob.address } }))).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'from' },
    });
    await expect(opened.core.api.compose.send(draft({ from: { name: 'Bob', address: bob.address } }), { undoDelayMs: 0 })).rejects.toMatchObject({
      code: 'invalid-input',
      details: { field: 'from' },
    });
  });

  it('forward as attachment sends the original, byte for byte as the server holds it, in a message/rfc822 part', async () => {
    const { api } = opened.core;
    const attachment = await api.compose.originalAsAttachment(originalId);
    const onServer = (await sources(alice, 'INBOX')).get(originalMessageId);
    expect(attachment).toMatchObject({ filename: 'Preventivo per lo studio.eml', contentType: 'message/rfc822' });
    expect(Buffer.from(attachment.base64, 'base64').equals(onServer ?? Buffer.alloc(0))).toBe(true);

    const entry = await api.compose.send(
      draft({ subject: 'Fwd: Preventivo per lo studio', attachments: [attachment], replyTo: { messageId: originalId, kind: 'forward' } }),
      { undoDelayMs: 0 },
    );
    const forward = await received(bob, entry.messageIdHeader);
    const [part] = forward.attachments;
    expect(part?.contentType).toBe('message/rfc822');
    expect(part?.content.equals(onServer ?? Buffer.alloc(0))).toBe(true);
  });
});
