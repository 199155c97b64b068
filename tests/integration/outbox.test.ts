/**
 * Sending through the real Postfix (submission, STARTTLS, SASL) into the real Dovecot: MIME that survives the
 * trip, replies that thread and mark their original, the undo delay, offline queuing, and a connection cut
 * after DATA (by a loopback TCP relay in front of Postfix, a network fault injector) that must never turn into a
 * second copy.
 */
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/shared/api/compose';
import { createCoreEvents } from '../../src/main/core/events';
import { connectImap } from '../../src/main/imap/connect';
import { createAppendStep } from '../../src/main/compose/appendStep';
import { createCompose, type ComposeService } from '../../src/main/compose/service';
import { createOutbox, type Outbox } from '../../src/main/outbox/outbox';
import type { SmtpEndpoint } from '../../src/main/smtp/connect';
import { getAccount, insertAccount } from '../../src/main/store/accounts';
import { getOutbox } from '../../src/main/store/outbox';
import { createStore, type Store } from '../../src/main/store/store';
import { createSyncSink } from '../../src/main/store/syncSink';
import { createSyncEngine, type SyncEngine } from '../../src/main/sync/engine';
import { createTaskRunner, type TaskRunner } from '../../src/main/tasks/runner';
import { createUser, rigInfo, type TestUser } from '../rig';
import { endpointOf, otherClient, serverFlags } from './sync.harness';

interface SendingCore {
  store: Store;
  accountId: string;
  sync: SyncEngine;
  runner: TaskRunner;
  outbox: Outbox;
  compose: ComposeService;
  close(): Promise<void>;
}

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postino-outbox-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return join(dir, 'cache.sqlite');
}

function smtpEndpoint(user: TestUser, port = rigInfo().smtpPort): SmtpEndpoint {
  const rig = rigInfo();
  return { host: rig.host, port, security: 'starttls', username: user.username, password: user.password, pinnedCertSha256: rig.certSha256 };
}

/** What createCore wires: store, sync, task runner (with the APPEND step), outbox and compose. */
function openCore(user: TestUser, opts: { path?: string; accountId?: string; smtpPort?: () => number } = {}): SendingCore {
  const store = createStore(opts.path ?? tempPath(), { log: { warn: () => undefined } });
  const accountId =
    opts.accountId ??
    insertAccount(store, {
      address: user.address,
      displayName: user.address.startsWith('alice') ? 'Àlice Bianchi' : 'Bob Ferrari',
      username: user.username,
      imap: { host: '127.0.0.1', port: 143, security: 'none' },
      smtp: { host: '127.0.0.1', port: 587, security: 'starttls' },
    }).id;
  const sync = createSyncEngine({
    sink: createSyncSink(store),
    endpointFor: async () => endpointOf(user),
    now: Date.now,
    events: createCoreEvents(),
    settings: () => ({ offlineBodyDays: 0 }),
    tuning: { parseWorkers: 1, retryDelaysMs: [60_000] },
  });
  const runner = createTaskRunner({
    store,
    connect: () => connectImap(endpointOf(user)),
    events: { emit: () => undefined },
    retryDelaysMs: [200],
    append: createAppendStep({ store }),
  });
  const outbox = createOutbox({
    store,
    smtpEndpointFor: async () => smtpEndpoint(user, opts.smtpPort?.()),
    kickTasks: (id) => runner.kick(id),
    retryDelaysMs: [300, 300, 300, 300, 300],
    sendTimeoutMs: 10_000,
    log: { warn: () => undefined },
  });
  const compose = createCompose({ store, outbox, tasks: runner });
  const core: SendingCore = {
    store,
    accountId,
    sync,
    runner,
    outbox,
    compose,
    async close() {
      compose.close();
      await outbox.close();
      await runner.close();
      await sync.close();
      if (store.db.open) store.close();
    },
  };
  cleanups.push(() => core.close());
  return core;
}

const PIXEL = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';

function draftTo(core: SendingCore, to: TestUser, overrides: Partial<Draft> = {}): Draft {
  return {
    draftId: `d-${Math.random().toString(36).slice(2)}`,
    accountId: core.accountId,
    revision: 1,
    to: [{ name: 'Bòb Ferrari', address: to.address }],
    cc: [],
    bcc: [],
    subject: 'Offerta: caffè, però già scontato ☕',
    html: '<p>Ciao <b>Bob</b>, ecco il preventivo.</p><p><img src="cid:logo@postino"></p>',
    attachments: [
      { filename: 'Preventivo più recente.pdf', contentType: 'application/pdf', base64: Buffer.alloc(60_000, 7).toString('base64') },
      { filename: 'logo.png', contentType: 'image/png', base64: PIXEL, contentId: 'logo@postino' },
    ],
    ...overrides,
  };
}

/** The messages of a folder, parsed, once there are at least `count` (Postfix delivers asynchronously). */
async function waitForMessages(user: TestUser, path: string, count: number, timeoutMs = 15_000): Promise<ParsedMail[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const client = await otherClient(user);
    try {
      const lock = await client.getMailboxLock(path, { readOnly: true });
      try {
        const exists = client.mailbox ? client.mailbox.exists : 0;
        if (exists >= count || Date.now() > deadline) {
          const parsed: ParsedMail[] = [];
          if (exists > 0) for await (const m of client.fetch('1:*', { source: true })) parsed.push(await simpleParser(m.source as Buffer));
          return parsed;
        }
      } finally {
        lock.release();
      }
    } finally {
      await client.logout();
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A loopback TCP relay in front of Postfix. It forwards bytes both ways (TLS stays end to end) and, once armed,
 * cuts the connection at the server's answer to the message: the first server bytes after the client has sent
 * more than `bodyBytes` since the server last spoke.
 */
class FaultyRelay {
  server = net.createServer((client) => this.relay(client));
  mode: 'pass' | 'cut-after-reply' | 'cut-before-reply' = 'pass';
  cuts = 0;

  constructor(private readonly bodyBytes: number) {}

  async listen(port = 0): Promise<number> {
    this.server.listen(port, '127.0.0.1');
    await once(this.server, 'listening');
    return (this.server.address() as net.AddressInfo).port;
  }

  async close(): Promise<void> {
    if (!this.server.listening) return;
    this.server.close();
    await once(this.server, 'close');
  }

  private relay(client: net.Socket): void {
    const upstream = net.connect(rigInfo().smtpPort, rigInfo().host);
    let sentSinceReply = 0;
    const cut = () => {
      this.cuts++;
      client.destroy();
      upstream.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      sentSinceReply += chunk.length;
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      const answersMessage = sentSinceReply > this.bodyBytes;
      sentSinceReply = 0;
      if (answersMessage && this.mode === 'cut-before-reply') return cut();
      client.write(chunk);
      if (answersMessage && this.mode === 'cut-after-reply') client.end(() => cut());
    });
    client.on('error', () => upstream.destroy());
    upstream.on('error', () => client.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  }
}

describe('outbox', () => {
  it('a message with attachments and a non-ASCII subject and names sent by alice through Postfix arrives in bob’s Inbox, and in her Sent', async () => {
    const [alice, bob] = [await createUser('alice'), await createUser('bob')];
    const core = openCore(alice);
    await core.sync.syncAccount(core.accountId);
    const bcc = [{ name: 'Archivio', address: 'archivio@example.com' }];
    const entry = await core.compose.send(draftTo(core, bob, { bcc }), { undoDelayMs: 0 });
    expect(entry.state).toBe('queued');
    await core.outbox.drained(core.accountId);
    expect(getOutbox(core.store.db, entry.id).state).toBe('sent');
    // The first send read the SIZE limit of the rig's Postfix (message_size_limit, tests/rig/postfixConfig.ts).
    expect(getAccount(core.store.db, core.accountId).smtpMaxSize).toBe(52_428_800);

    const [received] = await waitForMessages(bob, 'INBOX', 1);
    expect(received?.subject).toBe('Offerta: caffè, però già scontato ☕');
    expect(received?.from?.value[0]).toEqual({ name: 'Àlice Bianchi', address: alice.address });
    expect(received?.to && !Array.isArray(received.to) ? received.to.value[0]?.name : null).toBe('Bòb Ferrari');
    expect(received?.messageId).toBe(entry.messageIdHeader);
    expect(received?.text).toContain('Ciao Bob, ecco il preventivo.');
    expect(received?.html).toContain('<b>Bob</b>');
    const files = received?.attachments.map((a) => [a.filename, a.contentType, a.contentDisposition, a.size, a.cid ?? null]);
    expect(files?.sort()).toEqual([
      ['Preventivo più recente.pdf', 'application/pdf', 'attachment', 60_000, null],
      ['logo.png', 'image/png', 'inline', 68, 'logo@postino'],
    ]);

    await core.runner.drained(core.accountId);
    expect(received?.bcc).toBeUndefined();
    const sent = await waitForMessages(alice, 'Sent', 1);
    expect(sent.map((m) => m.messageId)).toEqual([entry.messageIdHeader]);
    expect(sent[0]?.bcc && !Array.isArray(sent[0].bcc) ? sent[0].bcc.value : null).toEqual(bcc);
  });

  it('bob’s reply carries In-Reply-To and References and marks the original \\Answered on the server; a forward marks it $Forwarded', async () => {
    const [alice, bob] = [await createUser('alice'), await createUser('bob')];
    const aliceCore = openCore(alice);
    await aliceCore.sync.syncAccount(aliceCore.accountId); // a client knows its folders (Sent) before it sends
    const first = await aliceCore.compose.send(draftTo(aliceCore, bob, { attachments: [] }), { undoDelayMs: 0 });
    await aliceCore.outbox.drained(aliceCore.accountId);
    await waitForMessages(bob, 'INBOX', 1);

    const bobCore = openCore(bob);
    await bobCore.sync.syncAccount(bobCore.accountId);
    const original = bobCore.store.db.prepare('SELECT id, uid FROM messages WHERE message_id_header = ?').get(first.messageIdHeader) as { id: number; uid: number };
    const reply = await bobCore.compose.send(
      {
        ...draftTo(bobCore, alice, { attachments: [], subject: 'Re: Offerta: caffè, però già scontato ☕', html: '<p>Grazie!</p>' }),
        replyTo: { messageId: original.id, kind: 'reply' },
      },
      { undoDelayMs: 0 },
    );
    await bobCore.outbox.drained(bobCore.accountId);
    await bobCore.runner.drained(bobCore.accountId);

    const [answer] = (await waitForMessages(alice, 'INBOX', 1)).filter((m) => m.messageId === reply.messageIdHeader);
    expect(answer?.inReplyTo).toBe(first.messageIdHeader);
    expect(answer?.references).toBe(first.messageIdHeader);
    expect((await serverFlags(bob, 'INBOX')).get(original.uid)).toContain('\\Answered');
    expect(bobCore.store.db.prepare('SELECT answered FROM messages WHERE id = ?').get(original.id)).toEqual({ answered: 1 });

    // In alice's client bob's answer threads under what she sent: her Sent copy and the reply share one thread.
    await aliceCore.runner.drained(aliceCore.accountId); // her Sent copy is appended by a queued task
    await aliceCore.sync.syncAccount(aliceCore.accountId);
    await aliceCore.sync.idle();
    const threadsOf = (header: string) =>
      aliceCore.store.db.prepare('SELECT thread_id AS threadId FROM messages WHERE message_id_header = ?').all(header) as Array<{ threadId: number }>;
    const [sentCopies, answers] = [threadsOf(first.messageIdHeader), threadsOf(reply.messageIdHeader)];
    expect(sentCopies.length).toBeGreaterThan(0);
    expect(answers).toHaveLength(1);
    expect(new Set([...sentCopies, ...answers].map((row) => row.threadId)).size).toBe(1);

    const forward = await bobCore.compose.send(
      { ...draftTo(bobCore, alice, { attachments: [], subject: 'I: Offerta' }), replyTo: { messageId: original.id, kind: 'forward' } },
      { undoDelayMs: 0 },
    );
    await bobCore.outbox.drained(bobCore.accountId);
    await bobCore.runner.drained(bobCore.accountId);
    const [forwarded] = (await waitForMessages(alice, 'INBOX', 2)).filter((m) => m.messageId === forward.messageIdHeader);
    expect(forwarded?.references).toBe(first.messageIdHeader);
    expect(forwarded?.inReplyTo).toBeUndefined();
    expect((await serverFlags(bob, 'INBOX')).get(original.uid)).toEqual(expect.arrayContaining(['\\Answered', '$Forwarded']));
  });

  it('cancelSend within the undo delay sends nothing and gives the draft back', async () => {
    const [alice, bob] = [await createUser('alice'), await createUser('bob')];
    const core = openCore(alice);
    const draft = draftTo(core, bob, { attachments: [] });
    const entry = await core.compose.send(draft, { undoDelayMs: 1_500 });
    expect(await core.compose.cancelSend(entry.id)).toEqual(draft);
    expect(await core.compose.getDraft(draft.draftId)).toEqual(draft);
    await settle(2_500);
    expect(getOutbox(core.store.db, entry.id).state).toBe('cancelled');
    expect(await waitForMessages(bob, 'INBOX', 1, 0)).toEqual([]);
    await expect(core.compose.cancelSend(entry.id)).rejects.toMatchObject({ code: 'invalid-input' });
  });

  it('the outbox sends what was queued while the SMTP port refused connections, once it is reachable', async () => {
    const [alice, bob] = [await createUser('alice'), await createUser('bob')];
    const relay = new FaultyRelay(Number.MAX_SAFE_INTEGER);
    const port = await relay.listen();
    await relay.close();
    cleanups.push(() => relay.close());
    const core = openCore(alice, { smtpPort: () => port });
    const entry = await core.compose.send(draftTo(core, bob, { attachments: [] }), { undoDelayMs: 0 });
    await settle(700);
    expect(getOutbox(core.store.db, entry.id)).toMatchObject({ state: 'queued', error: { code: 'connection-refused' } });

    await relay.listen(port);
    await settle(700);
    await core.outbox.drained(core.accountId);
    expect(getOutbox(core.store.db, entry.id).state).toBe('sent');
    expect((await waitForMessages(bob, 'INBOX', 1)).map((m) => m.messageId)).toEqual([entry.messageIdHeader]);
  });

  it.each(['cut-before-reply', 'cut-after-reply'] as const)(
    'an SMTP connection %s to the final dot never produces a second copy by itself, even after a restart',
    async (mode) => {
      const [alice, bob] = [await createUser('alice'), await createUser('bob')];
      const relay = new FaultyRelay(30_000);
      const port = await relay.listen();
      cleanups.push(() => relay.close());
      relay.mode = mode;
      const path = tempPath();
      const core = openCore(alice, { path, smtpPort: () => port });
      const entry = await core.compose.send(draftTo(core, bob), { undoDelayMs: 0 });
      await core.outbox.drained(core.accountId);
      expect(relay.cuts).toBe(1);
      const state = getOutbox(core.store.db, entry.id).state;
      expect(state).toBe(mode === 'cut-before-reply' ? 'sent-unconfirmed' : 'sent');

      relay.mode = 'pass';
      await core.close();
      const restarted = openCore(alice, { path, accountId: core.accountId, smtpPort: () => port });
      restarted.outbox.start();
      await settle(1_000);
      await restarted.outbox.drained(restarted.accountId);
      expect(getOutbox(restarted.store.db, entry.id).state).toBe(state);
      const received = await waitForMessages(bob, 'INBOX', 2, 3_000);
      expect(received.map((m) => m.messageId)).toEqual([entry.messageIdHeader]);
      if (mode === 'cut-after-reply') return;

      // Only the user's explicit retry sends it again, with the same Message-ID.
      expect((await restarted.compose.retrySend(entry.id)).state).toBe('queued');
      await restarted.outbox.drained(restarted.accountId);
      expect(getOutbox(restarted.store.db, entry.id).state).toBe('sent');
      expect((await waitForMessages(bob, 'INBOX', 2)).map((m) => m.messageId)).toEqual([entry.messageIdHeader, entry.messageIdHeader]);
    },
  );
});
