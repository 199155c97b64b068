/**
 * Drafts: a save is durable the moment it resolves (a child process running the core is SIGKILLed mid-stream of
 * saves), and the server's Drafts folder holds exactly one copy, replaced on each upload and removed on discard.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import type { Draft } from '../../src/shared/api/compose';
import { createAppendStep } from '../../src/main/compose/appendStep';
import { createCompose } from '../../src/main/compose/service';
import { connectImap } from '../../src/main/imap/connect';
import { createStore } from '../../src/main/store/store';
import { createTaskRunner } from '../../src/main/tasks/runner';
import { createUser } from '../rig';
import { insertLoopbackAccount, openSyncEngine } from './handWiredCore.harness';
import { endpointOf, otherClient } from './sync.harness';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'postino-drafts-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const source = (path: string): string => fileURLToPath(new URL(`../../src/main/${path}`, import.meta.url));

/** The child: opens the core's store and compose service and saves a new revision every 100 ms, reporting each. */
function childScript(dbPath: string, accountId: string): string {
  return `
import { createStore } from ${JSON.stringify(source('store/store.ts'))};
import { createCompose } from ${JSON.stringify(source('compose/service.ts'))};
const store = createStore(${JSON.stringify(dbPath)}, { log: { warn: () => undefined } });
const compose = createCompose({ store, outbox: { kick() {} }, tasks: { kick() {} } });
let revision = 0;
setInterval(async () => {
  revision += 1;
  const subject = 'Revisione ' + revision;
  await compose.saveDraft({ draftId: 'kill-me', accountId: ${JSON.stringify(accountId)}, revision, to: [], cc: [], bcc: [],
    subject, html: '<p>' + subject + ' ' + 'x'.repeat(20000) + '</p>', attachments: [] });
  process.stdout.write('saved ' + revision + '\\n');
}, 100);
`;
}

function draft(accountId: string, revision: number): Draft {
  return {
    draftId: 'server-copy',
    accountId,
    revision,
    to: [{ name: 'Bruno', address: 'bruno@example.com' }],
    cc: [],
    bcc: [{ name: 'Nascosto', address: 'ccn@example.com' }],
    subject: `Bozza ${revision}`,
    html: `<p>Testo ${revision}</p>`,
    attachments: [],
  };
}

async function draftsOnServer(user: Awaited<ReturnType<typeof createUser>>): Promise<string[]> {
  const client = await otherClient(user);
  try {
    const lock = await client.getMailboxLock('Drafts', { readOnly: true });
    try {
      const subjects: string[] = [];
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const m of client.fetch('1:*', { envelope: true, flags: true })) {
          subjects.push(`${m.envelope?.subject} ${[...(m.flags ?? [])].includes('\\Draft') ? '(draft)' : ''}`.trim());
        }
      }
      return subjects;
    } finally {
      lock.release();
    }
  } finally {
    await client.logout();
  }
}

describe('drafts', () => {
  it('a draft survives the process being killed: the last saved revision is there, never an older one', async () => {
    const dir = tempDir();
    const dbPath = join(dir, 'cache.sqlite');
    const setup = createStore(dbPath, { log: { warn: () => undefined } });
    const accountId = insertLoopbackAccount(setup, { address: 'anna@postino.test', username: 'anna@postino.test' }, 'Anna');
    setup.close();
    const script = join(dir, 'child.ts');
    writeFileSync(script, childScript(dbPath, accountId));

    const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: fileURLToPath(new URL('../..', import.meta.url)), stdio: ['ignore', 'pipe', 'inherit'] });
    let lastReported = 0;
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        for (const match of chunk.toString().matchAll(/saved (\d+)/g)) lastReported = Number(match[1]);
        if (lastReported >= 15) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the child exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    const reopened = createStore(dbPath, { log: { warn: () => undefined } });
    cleanups.push(() => reopened.close());
    const compose = createCompose({ store: reopened, outbox: { kick() {} }, tasks: { kick() {} } });
    cleanups.push(() => compose.close());
    const survivor = await compose.getDraft('kill-me');
    // A save that committed just before the kill may not have been reported yet: never older, at most one newer.
    expect(survivor.revision).toBeGreaterThanOrEqual(lastReported);
    expect(survivor.revision).toBeLessThanOrEqual(lastReported + 1);
    expect(survivor.subject).toBe(`Revisione ${survivor.revision}`);
    expect(survivor.html).toContain(`Revisione ${survivor.revision} `);
  });

  it('the server’s Drafts folder holds one copy, replaced on each upload and removed on discard', async () => {
    const user = await createUser('drafts');
    const store = createStore(join(tempDir(), 'cache.sqlite'), { log: { warn: () => undefined } });
    const accountId = insertLoopbackAccount(store, user, 'Anna');
    const sync = openSyncEngine(store, user);
    const runner = createTaskRunner({
      store,
      connect: () => connectImap(endpointOf(user)),
      events: { emit: () => undefined },
      append: createAppendStep({ store }),
    });
    const compose = createCompose({ store, outbox: { kick() {} }, tasks: runner });
    cleanups.push(async () => {
      compose.close();
      await runner.close();
      await sync.close();
      store.close();
    });
    await sync.syncAccount(accountId);

    await compose.saveDraft(draft(accountId, 1));
    await compose.closeDraft('server-copy');
    await runner.drained(accountId);
    expect(await draftsOnServer(user)).toEqual(['Bozza 1 (draft)']);

    await compose.saveDraft(draft(accountId, 2));
    await compose.saveDraft(draft(accountId, 3));
    compose.uploadDrafts();
    compose.uploadDrafts();
    await runner.drained(accountId);
    expect(await draftsOnServer(user)).toEqual(['Bozza 3 (draft)']);

    await compose.discardDraft('server-copy');
    await runner.drained(accountId);
    expect(await draftsOnServer(user)).toEqual([]);
    await expect(compose.getDraft('server-copy')).rejects.toMatchObject({ code: 'not-found' });
  });
});
