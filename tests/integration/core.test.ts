/**
 * The mail core end to end against the rig, with no UI: the composition root (createCore) and its API, as the
 * Electron shell and web mode call it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Folder } from '../../src/shared/types';
import { createUser, deliver, rigInfo, seedMaildir, type TestUser } from '../rig';
import { openCore, rigAccountInput, syncsSettled, type TestCore } from './core.harness';

const MINUTE = 60_000;

function rawMessage(options: { subject: string; minutesAgo: number; body: string; html?: boolean }): string {
  return [
    'From: "Giulia Conti" <giulia.conti@example.it>',
    'To: core@postino.test',
    `Subject: ${options.subject}`,
    `Message-ID: <${options.subject.replace(/\W+/g, '-')}@example.it>`,
    `Date: ${new Date(Date.now() - options.minutesAgo * MINUTE).toUTCString()}`,
    'MIME-Version: 1.0',
    `Content-Type: ${options.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
    '',
    options.body,
    '',
  ].join('\r\n');
}

const SEEDED = [
  rawMessage({ subject: 'Verbale della riunione', minutesAgo: 300, body: 'Il verbale di ieri.' }),
  rawMessage({
    subject: 'Offerta con script',
    minutesAgo: 200,
    html: true,
    body: '<p onclick="steal()">Offerta valida fino a domenica.</p><script>steal()</script><a href="javascript:steal()">qui</a>',
  }),
  rawMessage({ subject: 'Conferma appuntamento', minutesAgo: 100, body: 'Confermo martedì alle 10.' }),
];

describe('core', () => {
  let user: TestUser;
  let opened: TestCore;
  let accountId: string;
  const inboxOf = (folders: Folder[]): Folder => {
    const inbox = folders.find((folder) => folder.role === 'inbox');
    if (!inbox) throw new Error('no Inbox in the cache');
    return inbox;
  };
  const subjectsOf = async (core: TestCore['core'], folderId: number) =>
    (await core.api.messages.list({ folderId, offset: 0, limit: 50 })).rows.map((row) => row.subject);

  beforeAll(async () => {
    user = await createUser('core');
    await seedMaildir(user, 'INBOX', SEEDED);
    opened = await openCore();
    accountId = (await opened.core.api.accounts.add(rigAccountInput(rigInfo(), user, 'Core'))).id;
    await syncsSettled(opened.core);
  });
  afterAll(async () => {
    await opened?.dispose();
  });

  it('core: adding an account syncs at once: its folders with their roles and the seeded messages, newest first', async () => {
    const { api } = opened.core;
    const folders = await api.folders.list(accountId);
    const roles = Object.fromEntries(folders.map((folder) => [folder.path, folder.role]));
    expect(roles).toMatchObject({ INBOX: 'inbox', Sent: 'sent', Drafts: 'drafts', Trash: 'trash', Junk: 'junk', Archive: 'archive' });

    const inbox = inboxOf(folders);
    expect(inbox).toMatchObject({ totalCount: 3, unreadCount: 3 });
    expect(inbox.lastSyncedAt).not.toBeNull();
    expect(await subjectsOf(opened.core, inbox.id)).toEqual(['Conferma appuntamento', 'Offerta con script', 'Verbale della riunione']);
    expect((await api.sync.status()).find((status) => status.accountId === accountId)?.state).toBe('idle');
  });

  it('core: an opened message has its body, with scripts, handlers and javascript: links removed', async () => {
    const { api } = opened.core;
    const page = await api.messages.list({ folderId: inboxOf(await api.folders.list(accountId)).id, offset: 0, limit: 50 });
    const offer = page.rows.find((row) => row.subject === 'Offerta con script');
    const detail = await api.messages.get(offer?.id ?? -1);

    expect(detail.bodyAvailable).toBe(true);
    expect(detail.html).toContain('Offerta valida fino a domenica.');
    expect(detail.html).not.toMatch(/<script|onclick|javascript:/i);
    expect(detail.text).toContain('Offerta valida fino a domenica.');
  });

  it('core: a message delivered through Postfix appears after a folder sync, and its attachment downloads byte for byte', async () => {
    const { api } = opened.core;
    const inbox = inboxOf(await api.folders.list(accountId));
    const spreadsheet = randomBytes(48_000);
    await deliver({
      from: '"Marco Bianchi" <marco.bianchi@example.it>',
      to: user.address,
      subject: 'Bilancio trimestrale',
      text: 'In allegato il bilancio.',
      attachments: [{ filename: 'bilancio Q3.xlsx', content: spreadsheet, contentType: 'application/vnd.ms-excel' }],
    });
    expect(await subjectsOf(opened.core, inbox.id)).not.toContain('Bilancio trimestrale');

    await api.sync.syncFolder(inbox.id);
    await syncsSettled(opened.core);

    const page = await api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 });
    expect(page.total).toBe(4);
    expect(page.rows[0]).toMatchObject({ subject: 'Bilancio trimestrale', hasAttachments: true, seen: false });
    const detail = await api.messages.get(page.rows[0]?.id ?? -1);
    expect(detail.attachments.map((attachment) => attachment.filename)).toEqual(['bilancio Q3.xlsx']);
    const downloaded = await api.messages.attachment(detail.attachments[0]?.id ?? -1);
    expect(downloaded).toMatchObject({ filename: 'bilancio Q3.xlsx', contentType: 'application/vnd.ms-excel' });
    expect(Buffer.from(downloaded.base64, 'base64').equals(spreadsheet)).toBe(true);
  });

  it('core: a core reopened on the same data directory has the account, its folders, messages and bodies', async () => {
    const before = {
      accounts: await opened.core.api.accounts.list(),
      folders: await opened.core.api.folders.list(),
    };
    const inbox = inboxOf(before.folders);
    const messagesBefore = await opened.core.api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 });
    await opened.close();

    opened = await openCore({ dataDir: opened.dataDir });
    const { api } = opened.core;
    expect(await api.accounts.list()).toEqual(before.accounts);
    expect(await api.folders.list()).toEqual(before.folders);
    expect(await api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 })).toEqual(messagesBefore);
    const newest = await api.messages.get(messagesBefore.rows[0]?.id ?? -1);
    expect(newest.text).toContain('In allegato il bilancio.');
  });
});
