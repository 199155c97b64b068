import { afterEach, describe, expect, it } from 'vitest';
import { createUser, deliver, seedMaildir, type TestUser } from '../rig';
import { generateMessages } from '../rig/seed/generate';
import { renderMessage } from '../rig/seed/mime';
import { openSyncHarness, serverFlags, type SyncHarness } from './sync.harness';

let harness: SyncHarness | undefined;
afterEach(async () => {
  await harness?.dispose();
  harness = undefined;
});

/** The user's account after a whole sync, headers and then bodies; disposed after the test. */
async function syncedWithBodies(user: TestUser): Promise<SyncHarness> {
  harness = openSyncHarness(user);
  await harness.engine.syncAccount(harness.accountId);
  await harness.engine.idle();
  return harness;
}

// The rest after the first batch comes in batches through imapflow, or through the header stream (big folders).
describe.each([
  ['batches', { firstBatchSize: 50, batchSize: 100 }],
  ['stream', { firstBatchSize: 50, batchSize: 100, streamFrom: 1 }],
])('sync: first sync (%s)', (how, tuning) => {
  it(`sync: the first sync caches every folder with its role, every message once, newest first, in threads (${how})`, async () => {
    const user = await createUser('first');
    const recipient = { name: 'First', address: user.address };
    await seedMaildir(user, 'INBOX', [...generateMessages({ count: 450, seed: 21, recipient })]);
    await seedMaildir(user, 'Sent', [...generateMessages({ count: 12, seed: 22, recipient })], { seen: true });
    harness = openSyncHarness(user, { tuning });
    const h = harness;

    // When the first progress report arrives, the cache must already hold exactly the newest 50 messages.
    let firstBatch: unknown = null;
    h.events.on('sync:status', (status) => {
      if (firstBatch !== null || status.folderPath !== 'INBOX' || status.done === 0) return;
      firstBatch = {
        progress: [status.done, status.total],
        cached: h.store.db.prepare('SELECT count(*) AS count, min(uid) AS min, max(uid) AS max FROM messages').get(),
      };
    });
    await h.engine.syncAccount(h.accountId);
    expect(firstBatch).toEqual({ progress: [50, 450], cached: { count: 50, min: 401, max: 450 } });

    const roles = h.store.db.prepare('SELECT path, role FROM folders ORDER BY path').all();
    expect(roles).toEqual([
      { path: 'Archive', role: 'archive' },
      { path: 'Drafts', role: 'drafts' },
      { path: 'INBOX', role: 'inbox' },
      { path: 'Junk', role: 'junk' },
      { path: 'Sent', role: 'sent' },
      { path: 'Trash', role: 'trash' },
    ]);
    for (const path of ['INBOX', 'Sent']) expect(h.cachedFlags(path)).toEqual(await serverFlags(user, path));
    expect(h.cachedFlags('Sent').get(1)).toEqual(['\\Seen']);

    // A reply shares its thread with the message it answers.
    const reply = h.store.db
      .prepare(
        `SELECT r.thread_id AS replyThread, p.thread_id AS parentThread FROM messages r
         JOIN messages p ON p.message_id_header = r.in_reply_to AND p.folder_id = r.folder_id LIMIT 1`,
      )
      .get() as { replyThread: number; parentThread: number } | undefined;
    expect(reply).toBeDefined();
    expect(reply?.replyThread).toBe(reply?.parentThread);
    expect(h.newMail).toEqual([]);
    expect(h.engine.status()).toMatchObject([{ accountId: h.accountId, state: 'idle', offlineSince: null, error: null }]);
  });
});

describe('sync: format=flowed', () => {
  it('sync: a format=flowed message is cached with its soft line breaks joined, as Dovecot describes its part', async () => {
    const user = await createUser('flowed');
    const raw = renderMessage(
      {
        from: { name: 'Bruno', address: 'bruno@example.com' },
        to: [{ name: 'Flowed', address: user.address }],
        subject: 'Piano settimanale',
        date: new Date('2026-11-02T08:00:00Z'),
        messageId: 'flowed.1@example.com',
      },
      {
        kind: 'text',
        subtype: 'plain',
        flowed: true,
        body: [
          'Ecco il piano per la settimana prossima, con le riunioni del lunedì e del ',
          'giovedì spostate al pomeriggio.',
          '',
          '> Lo mandi entro ',
          '> venerdì?',
        ].join('\n'),
      },
    );
    await seedMaildir(user, 'INBOX', [raw]);
    const h = await syncedWithBodies(user);
    const body = h.store.db
      .prepare('SELECT b.text FROM bodies b JOIN messages m ON m.id = b.message_id WHERE m.folder_id = ? AND m.uid = 1')
      .get(h.folderId('INBOX')) as { text: string } | undefined;
    expect(body?.text).toContain('con le riunioni del lunedì e del giovedì spostate al pomeriggio.');
    expect(body?.text).toContain('> Lo mandi entro venerdì?');
  });
});

describe('sync: new mail', () => {
  it('sync: a message delivered through Postfix appears on the next sync and is announced as new mail', async () => {
    const user = await createUser('delivery');
    harness = openSyncHarness(user);
    const h = harness;
    await deliver({ from: 'bruno@example.com', to: user.address, subject: 'Primo', text: 'Uno' });
    await h.engine.syncAccount(h.accountId);
    expect(h.newMail).toEqual([]);

    await deliver({ from: 'bruno@example.com', to: user.address, subject: 'Preventivo aggiornato', text: 'Eccolo' });
    await h.engine.syncFolder(h.accountId, h.folderId('INBOX'));
    expect([...h.cachedFlags('INBOX').keys()]).toEqual([1, 2]);
    expect(h.newMail).toHaveLength(1);
    expect(h.newMail[0]?.folderId).toBe(h.folderId('INBOX'));
    expect(h.newMail[0]?.messages.map((m) => m.subject)).toEqual(['Preventivo aggiornato']);
  });
});

const malformed: Record<string, string> = {
  missingBoundaries: [
    'From: a@example.com', 'Subject: Nessun confine', 'Message-ID: <m1@x>', 'MIME-Version: 1.0',
    'Content-Type: multipart/alternative; boundary="b1"', '', 'Testo senza confini multipart', '',
  ].join('\r\n'),
  brokenBase64: [
    'From: a@example.com', 'Subject: Base64 rotto', 'Message-ID: <m2@x>', 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: base64', '',
    `${Buffer.from('Contenuto leggibile in base64').toString('base64')}!!**`, 'QUJD', '',
  ].join('\r\n'),
  unknownCharset: [
    'From: a@example.com', 'Subject: =?x-made-up?Q?Set_sconosciuto?=', 'Message-ID: <m3@x>', 'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=x-made-up', 'Content-Transfer-Encoding: 8bit', '', 'Charset inventato', '',
  ].join('\r\n'),
  unclosedMultipart: [
    'From: a@example.com', 'Subject: =?utf-8?B?bad base64?= Confine aperto', 'Message-ID: <m4@x>', 'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="zz"', '', '--zz', 'Content-Type: text/plain; charset=utf-8', '',
    'Parte senza chiusura', '--zz', 'Content-Type: application/pdf; name="a.pdf"', 'Content-Transfer-Encoding: base64', '',
    'JVBERi0xLjQK', '',
  ].join('\r\n'),
};

describe('sync: bodies', () => {
  it('sync: bodies are cached in the background, their HTML sanitised and remote images flagged, attachments left on the server', async () => {
    const user = await createUser('bodies');
    await deliver({
      from: 'promo@example.com',
      to: user.address,
      subject: 'Offerta',
      html: '<p onclick="steal()">Offerta speciale</p><script>alert(1)</script><img src="https://tracker.example/p.gif" onerror="alert(2)">',
    });
    await deliver({
      from: 'bruno@example.com',
      to: user.address,
      subject: 'Preventivo',
      text: 'In allegato il preventivo.',
      attachments: [{ filename: 'preventivo.pdf', content: Buffer.from('%PDF-1.4 finto'), contentType: 'application/pdf' }],
    });
    const h = await syncedWithBodies(user);

    const rows = h.store.db
      .prepare('SELECT m.id, m.subject, m.snippet, b.text, b.html, b.has_remote_content AS remote FROM messages m JOIN bodies b ON b.message_id = m.id ORDER BY m.uid')
      .all() as Array<{ id: number; subject: string; snippet: string; text: string; html: string | null; remote: number }>;
    expect(rows.map((row) => row.subject)).toEqual(['Offerta', 'Preventivo']);
    const [offer, quote] = rows;
    expect(offer?.html).toContain('Offerta speciale');
    expect(offer?.html).toContain('https://tracker.example/p.gif');
    expect(offer?.html).not.toMatch(/<script|onclick|onerror|alert/);
    expect(offer?.remote).toBe(1);
    expect(offer?.text).toContain('Offerta speciale');
    expect(quote?.text).toContain('In allegato il preventivo.');
    expect(quote?.snippet).toBe('In allegato il preventivo.');
    expect(quote?.remote).toBe(0);
    expect(h.store.db.prepare('SELECT filename, content_type FROM attachments').all()).toEqual([
      { filename: 'preventivo.pdf', content_type: 'application/pdf' },
    ]);
    expect(h.store.db.prepare('SELECT count(*) AS n FROM attachment_contents').get()).toEqual({ n: 0 });
    const attachment = await h.engine.fetchAttachment(quote!.id, '2');
    expect(attachment.content.toString()).toBe('%PDF-1.4 finto');
  });

  it('sync: messages with malformed MIME are cached with whatever could be decoded', async () => {
    const user = await createUser('malformed');
    await seedMaildir(user, 'INBOX', Object.values(malformed));
    const h = await syncedWithBodies(user);
    const rows = h.store.db
      .prepare('SELECT m.subject, b.text FROM messages m LEFT JOIN bodies b ON b.message_id = m.id ORDER BY m.uid')
      .all() as Array<{ subject: string; text: string | null }>;
    expect(rows).toHaveLength(4);
    expect(rows[0]?.text ?? '').toContain('Testo senza confini');
    expect(rows[1]?.text).toContain('Contenuto leggibile in base64');
    expect(rows[2]?.subject).toContain('Set');
    expect(rows[2]?.text).toContain('Charset inventato');
    expect(rows[3]?.subject).toContain('Confine aperto');
    expect(rows[3]?.text).toContain('Parte senza chiusura');
  });
});
