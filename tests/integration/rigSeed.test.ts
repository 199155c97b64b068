import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createUser, rigInfo, type TestUser } from '../rig';
import { seedDemoMailboxes } from '../rig/seed/demo';
import { generateMessages } from '../rig/seed/generate';
import { seedGeneratedMessages } from '../rig/seed/seedGenerated';

async function withInbox<T>(user: TestUser, folder: string, use: (client: ImapFlow) => Promise<T>): Promise<T> {
  const rig = rigInfo();
  const client = new ImapFlow({
    host: rig.host, port: rig.imapsPort, secure: true, auth: { user: user.username, pass: user.password }, tls: { ca: [rig.certPem] }, logger: false,
  });
  await client.connect();
  const lock = await client.getMailboxLock(folder);
  try {
    return await use(client);
  } finally {
    lock.release();
    await client.logout();
  }
}

const recipient = { name: 'Alice', address: 'alice@postino.test' };

describe('rig seeding', () => {
  it('seed: the same seed generates the same messages, byte for byte', () => {
    const first = [...generateMessages({ count: 50, seed: 5, recipient })];
    const second = [...generateMessages({ count: 50, seed: 5, recipient })];
    const other = [...generateMessages({ count: 50, seed: 6, recipient })];
    expect(Buffer.concat(first).equals(Buffer.concat(second))).toBe(true);
    expect(Buffer.concat(first).equals(Buffer.concat(other))).toBe(false);
  });

  it('seed: generated mail has threads, HTML, attachments and non-ASCII names that parse back', async () => {
    const parsed = await Promise.all([...generateMessages({ count: 300, seed: 9, recipient })].map((raw) => simpleParser(raw)));
    const averageBytes = [...generateMessages({ count: 300, seed: 9, recipient })].reduce((sum, raw) => sum + raw.length, 0) / 300;
    expect(averageBytes).toBeGreaterThan(15_000);
    expect(averageBytes).toBeLessThan(40_000);
    expect(parsed.filter((message) => message.inReplyTo && message.references).length).toBeGreaterThan(30);
    expect(parsed.filter((message) => message.html).length).toBeGreaterThan(100);
    expect(parsed.filter((message) => message.attachments.length > 0).length).toBeGreaterThan(20);
    const senderNames = new Set(parsed.map((message) => message.from?.value[0]?.name));
    expect(senderNames).toContain('Niccolò Ferrari');
    expect(senderNames).toContain('王芳');
  });

  it('seed: seeded messages are listed by the server, unseen or seen as asked', async () => {
    const user = await createUser('bulk');
    const result = await seedGeneratedMessages(rigInfo().dir, user, 'INBOX', { count: 500, seed: 3, seenFraction: 0.5 });
    expect(result.count).toBe(500);
    const status = await withInbox(user, 'INBOX', (client) => client.status('INBOX', { messages: true, unseen: true }));
    if (!status) throw new Error('STATUS INBOX failed');
    expect(status.messages).toBe(500);
    expect(status.unseen).toBeGreaterThan(200);
    expect(status.unseen).toBeLessThan(300);
  });

  it('seed: the demo gives alice the remote-image, script and attachment messages newest in INBOX', async () => {
    const { alice, bob } = await seedDemoMailboxes(rigInfo());
    expect(alice.address).toBe(`alice@${rigInfo().domain}`);
    const newest = await withInbox(alice, 'INBOX', async (client) => {
      const subjects: string[] = [];
      const exists = client.mailbox ? client.mailbox.exists : 0;
      for await (const message of client.fetch(`${exists - 4}:*`, { envelope: true })) subjects.push(message.envelope?.subject ?? '');
      return subjects;
    });
    expect(newest).toEqual(expect.arrayContaining([
      'Le mostre di dicembre a Firenze 🎨', 'Hai vinto un premio! Clicca qui', 'Preventivo però urgente: documenti allegati',
    ]));
    const bobInbox = await withInbox(bob, 'INBOX', (client) => client.status('INBOX', { messages: true }));
    expect(bobInbox && bobInbox.messages).toBe(151);
  });
});
