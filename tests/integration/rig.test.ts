import { readFile } from 'node:fs/promises';
import { ImapFlow, type ImapFlowOptions } from 'imapflow';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createUser, deliver, rigInfo, seedMaildir, type TestUser } from '../rig';

function imapClient(user: TestUser, options: Partial<ImapFlowOptions> & { port: number }): ImapFlow {
  const rig = rigInfo();
  return new ImapFlow({
    host: options.host ?? rig.host,
    auth: { user: user.username, pass: user.password },
    // Trust exactly the rig's certificate: this also proves its SAN covers 127.0.0.1.
    tls: { ca: [rig.certPem] },
    logger: false,
    ...options,
  });
}

async function withClient<T>(client: ImapFlow, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.logout();
  }
}

function rawMessage(subject: string): string {
  return `From: Giulia Bianchi <giulia@example.it>\r\nTo: someone@postino.test\r\nSubject: ${subject}\r\n` +
    `Date: Mon, 02 Mar 2026 10:00:00 +0100\r\nMessage-ID: <${subject.replace(/\W/g, '')}@example.it>\r\n\r\nCiao!\r\n`;
}

describe('rig', () => {
  it('rig: a fresh user logs in over plain IMAP, STARTTLS and IMAPS', async () => {
    const rig = rigInfo();
    const user = await createUser('login');
    const plain = imapClient(user, { port: rig.imapPort, secure: false, doSTARTTLS: false });
    expect(await withClient(plain, async (client) => client.secureConnection)).toBe(false);
    const startTls = imapClient(user, { port: rig.imapPort, secure: false, doSTARTTLS: true });
    expect(await withClient(startTls, async (client) => client.secureConnection)).toBe(true);
    const implicitTls = imapClient(user, { port: rig.imapsPort, secure: true });
    expect(await withClient(implicitTls, async (client) => client.secureConnection)).toBe(true);

    const log = await readFile(rig.dovecotLog, 'utf8');
    expect(log.split('\n').filter((line) => line.includes(`Login: user=<${user.username}>`))).toHaveLength(3);
  });

  it('rig: a wrong IMAP password is refused', async () => {
    const user = await createUser('wrongpw');
    const client = imapClient({ ...user, password: 'not-the-password' }, { port: rigInfo().imapsPort, secure: true });
    await expect(client.connect()).rejects.toMatchObject({ authenticationFailed: true });
  });

  it('rig: a new user sees the special-use folders, subscribed, with CONDSTORE and QRESYNC on offer', async () => {
    const user = await createUser('folders');
    const client = imapClient(user, { port: rigInfo().imapsPort, secure: true });
    await withClient(client, async (connected) => {
      const folders = await connected.list();
      const specialUses = Object.fromEntries(folders.map((folder) => [folder.specialUse ?? folder.path, folder.subscribed]));
      expect(specialUses).toEqual({
        '\\Inbox': true, '\\Sent': true, '\\Drafts': true, '\\Trash': true, '\\Junk': true, '\\Archive': true,
      });
      expect(connected.capabilities.has('CONDSTORE')).toBe(true);
      expect(connected.capabilities.has('QRESYNC')).toBe(true);
      expect(connected.capabilities.has('IMAP4rev1')).toBe(true);
    });
  });

  it('rig: the noRev1Host listener does not claim IMAP4rev1', async () => {
    const rig = rigInfo();
    const user = await createUser('norev1');
    const client = imapClient(user, { host: rig.noRev1Host, port: rig.imapsPort, secure: true, tls: { rejectUnauthorized: false } });
    await withClient(client, async (connected) => {
      expect(connected.capabilities.has('IMAP4rev1')).toBe(false);
      expect(connected.capabilities.has('CONDSTORE')).toBe(true);
    });
  });

  it('rig: a message sent through deliver is in INBOX when deliver returns', async () => {
    const user = await createUser('deliver');
    await deliver({
      from: 'Niccolò Ferrari <niccolo@example.it>', to: user.address, subject: 'Preventivo però urgente',
      text: 'Buongiorno', attachments: [{ filename: 'conto.txt', content: 'totale: 42 €' }],
    });
    const client = imapClient(user, { port: rigInfo().imapsPort, secure: true });
    const subjects = await withClient(client, async (connected) => {
      const lock = await connected.getMailboxLock('INBOX');
      try {
        const found: string[] = [];
        for await (const message of connected.fetch('1:*', { envelope: true })) found.push(message.envelope?.subject ?? '');
        return found;
      } finally {
        lock.release();
      }
    });
    expect(subjects).toEqual(['Preventivo però urgente']);
  });

  it('rig: seedMaildir puts messages in order, unseen unless asked', async () => {
    const user = await createUser('seed');
    await seedMaildir(user, 'INBOX', ['first', 'second', 'third'].map(rawMessage));
    await seedMaildir(user, 'Archive/2025', [rawMessage('archived')], { seen: true });
    const client = imapClient(user, { port: rigInfo().imapsPort, secure: true });
    await withClient(client, async (connected) => {
      const inbox = [];
      const lock = await connected.getMailboxLock('INBOX');
      for await (const message of connected.fetch('1:*', { envelope: true, flags: true, uid: true })) inbox.push(message);
      lock.release();
      expect(inbox.map((message) => [message.uid, message.envelope?.subject, message.flags?.has('\\Seen')])).toEqual([
        [1, 'first', false], [2, 'second', false], [3, 'third', false],
      ]);
      const archived = await connected.status('Archive/2025', { messages: true, unseen: true });
      expect(archived).toMatchObject({ messages: 1, unseen: 0 });
    });
  });

  it('rig: submission refuses a wrong password and accepts the right one', async () => {
    const rig = rigInfo();
    const user = await createUser('smtp');
    const send = (port: number, secure: boolean, pass: string) => {
      const transport = nodemailer.createTransport({
        host: rig.host, port, secure, requireTLS: !secure, auth: { user: user.username, pass }, tls: { ca: [rig.certPem] },
      });
      return transport.sendMail({ from: user.address, to: user.address, subject: 'self', text: 'x' }).finally(() => transport.close());
    };
    await expect(send(rig.smtpPort, false, 'wrong')).rejects.toMatchObject({ code: 'EAUTH' });
    await expect(send(rig.smtpsPort, true, 'wrong')).rejects.toMatchObject({ code: 'EAUTH' });
    await expect(send(rig.smtpPort, false, user.password)).resolves.toMatchObject({ accepted: [user.address] });
    await expect(send(rig.smtpsPort, true, user.password)).resolves.toMatchObject({ accepted: [user.address] });
  });
});
