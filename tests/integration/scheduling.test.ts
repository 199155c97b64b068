/**
 * Issue 5 against the rig: the core with the scheduler on a fake clock and fake timers, the sync engine doing real
 * IMAP work. What reached the server is read from Dovecot's log (logins and finished SELECTs of the test's user).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { MailNotification } from '../../src/shared/notifications';
import type { Folder } from '../../src/shared/types';
import { unreadBadge } from '../../src/main/notify/newMail';
import { createFakeTime } from '../../src/main/scheduler/fakeTime';
import { HOUR, MINUTE } from '../../src/main/scheduler/testHarness';
import { createUser, deliver, rigInfo, seedMaildir, type TestUser } from '../rig';
import { openCore, rigAccountInput, serverActivity, syncsSettled, type TestCore } from './core.harness';

let opened: TestCore | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

interface Scenario {
  user: TestUser;
  /** Where the fake clock started: the real time, so the mail's dates and the cache's times agree. */
  startedAt: number;
  opened: TestCore;
  accountId: string;
  folder(role: 'inbox' | 'junk'): Promise<Folder>;
  /**
   * Lets `ms` of fake time pass in steps (a minute by default), the syncs of each step finishing before the next:
   * the engine's IMAP work runs in real time, only the scheduler's clock is fake.
   */
  advance(ms: number, step?: number): Promise<void>;
}

/** A user with one message, a core on fake time whose window is `window`, and the account added and synced. */
async function scenario(name: string, options: { window: 'window-hidden' | 'window-shown'; assignKnownClients: boolean }): Promise<Scenario> {
  const user = await createUser(name);
  await deliver({ from: '"Anna Verdi" <anna.verdi@example.it>', to: user.address, subject: 'Benvenuto', text: 'Primo messaggio.' });
  const startedAt = Date.now();
  const time = createFakeTime(startedAt);
  opened = await openCore({ clock: time.clock, timers: time.timers });
  const { core } = opened;
  await core.api.settings.update({ assignKnownClients: options.assignKnownClients });
  await core.api.activity.report(options.window);
  const accountId = (await core.api.accounts.add(rigAccountInput(rigInfo(), user, name))).id;
  await syncsSettled(core);
  const current = opened;
  return {
    user,
    startedAt,
    opened: current,
    accountId,
    async folder(role) {
      const found = (await current.core.api.folders.list(accountId)).find((folder) => folder.role === role);
      if (!found) throw new Error(`no ${role} folder`);
      return found;
    },
    async advance(ms, step = MINUTE) {
      for (let passed = 0; passed < ms; passed += step) {
        await time.advance(Math.min(step, ms - passed));
        await syncsSettled(current.core);
      }
    },
  };
}

describe('scheduling', () => {
  it('scheduling: in the background with "assign e-mails of known clients" off, hours pass without a sync reaching the server', async () => {
    const s = await scenario('bgoff', { window: 'window-hidden', assignKnownClients: false });
    const before = await serverActivity(rigInfo(), s.user);
    expect(before.logins).toBeGreaterThan(0);
    expect(before.selects.get('INBOX')).toBeGreaterThan(0);

    await s.advance(6 * HOUR, 5 * MINUTE);

    expect(await serverActivity(rigInfo(), s.user)).toEqual(before);
    const [status] = await s.opened.core.api.activity.schedule();
    expect(status).toMatchObject({ reason: 'background-option-off', backgroundCause: 'window-hidden', lastSyncedAt: s.startedAt, nextSyncAt: s.startedAt + 24 * HOUR });
  });

  it('scheduling: in the background with the option on, the account syncs once every 10 minutes', async () => {
    const s = await scenario('bgon', { window: 'window-hidden', assignKnownClients: true });
    const before = await serverActivity(rigInfo(), s.user);
    const syncedAtMinutes: number[] = [];
    let lastSyncedAt = (await s.opened.core.api.activity.schedule())[0]?.lastSyncedAt;
    for (let minute = 1; minute <= 60; minute++) {
      await s.advance(MINUTE);
      const [status] = await s.opened.core.api.activity.schedule();
      if (status?.lastSyncedAt !== lastSyncedAt) syncedAtMinutes.push(minute);
      lastSyncedAt = status?.lastSyncedAt;
    }

    expect(syncedAtMinutes).toEqual([10, 20, 30, 40, 50, 60]);
    // Each of those syncs reached the server: one SELECT of every folder (nothing new, so no body pass).
    const after = await serverActivity(rigInfo(), s.user);
    const folders = await s.opened.core.api.folders.list(s.accountId);
    expect(after.totalSelects - before.totalSelects).toBe(6 * folders.length);
    expect((after.selects.get('INBOX') ?? 0) - (before.selects.get('INBOX') ?? 0)).toBe(6);
    const [status] = await s.opened.core.api.activity.schedule();
    expect(status).toMatchObject({ reason: 'background-option-on', lastSyncedAt: s.startedAt + HOUR, nextSyncAt: s.startedAt + HOUR + 10 * MINUTE });
  });

  it('scheduling: opening a folder syncs it at once, and opening it again within 30 seconds does not', async () => {
    const s = await scenario('open', { window: 'window-shown', assignKnownClients: false });
    const inbox = await s.folder('inbox');
    await s.advance(MINUTE);
    const afterStart = await serverActivity(rigInfo(), s.user);

    await s.opened.core.api.sync.folderOpened(inbox.id);
    await syncsSettled(s.opened.core);
    const afterOpen = await serverActivity(rigInfo(), s.user);
    expect(afterOpen.selects.get('INBOX')).toBe((afterStart.selects.get('INBOX') ?? 0) + 1);
    expect(afterOpen.totalSelects).toBe(afterStart.totalSelects + 1);

    await s.advance(20_000, 20_000);
    await s.opened.core.api.sync.folderOpened(inbox.id);
    await syncsSettled(s.opened.core);
    expect(await serverActivity(rigInfo(), s.user)).toEqual(afterOpen);

    await s.advance(15_000, 15_000); // 35 s after the first opening: past the floor
    await s.opened.core.api.sync.folderOpened(inbox.id);
    await syncsSettled(s.opened.core);
    expect((await serverActivity(rigInfo(), s.user)).selects.get('INBOX')).toBe((afterOpen.selects.get('INBOX') ?? 0) + 1);
  });

  it('scheduling: new mail from someone else notifies once and raises the Inbox badge by one; Junk and the user\'s own mail stay quiet', async () => {
    const s = await scenario('notify', { window: 'window-shown', assignKnownClients: false });
    const { api, events } = s.opened.core;
    const notifications: MailNotification[] = [];
    events.on('mail:notify', (notification) => notifications.push(notification));
    const inbox = await s.folder('inbox');
    const badgeBefore = unreadBadge(await api.folders.list());

    await deliver({ from: '"Paolo Neri" <paolo.neri@example.it>', to: s.user.address, subject: 'Fattura di novembre', text: 'In allegato.' });
    await api.sync.syncFolder(inbox.id);
    await syncsSettled(s.opened.core);

    const [newest] = (await api.messages.list({ folderId: inbox.id, offset: 0, limit: 1 })).rows;
    expect(newest?.subject).toBe('Fattura di novembre');
    expect(notifications).toEqual([
      {
        accountId: s.accountId,
        folderId: inbox.id,
        messageIds: [newest?.id],
        title: { key: 'notify.newMessage.title', params: { sender: 'Paolo Neri' } },
        body: { key: 'notify.newMessage.body', params: { subject: 'Fattura di novembre' } },
      },
    ]);
    expect(unreadBadge(await api.folders.list())).toBe(badgeBefore + 1);

    // The rig has no server-side filter: a message written into Junk is what a spam filter would have left there.
    const junkRaw = ['From: premi@truffa.example', `To: ${s.user.address}`, 'Subject: Hai vinto', `Date: ${new Date().toUTCString()}`, '', 'Clicca qui.', ''].join('\r\n');
    await seedMaildir(s.user, 'Junk', [junkRaw]);
    await deliver({ from: s.user.address, to: s.user.address, subject: 'Promemoria per me', text: 'Chiamare il commercialista.' });
    const newMail: number[] = [];
    events.on('mail:new', ({ messages }) => newMail.push(...messages.map((message) => message.id)));
    await api.sync.syncAccount(s.accountId);
    await syncsSettled(s.opened.core);

    expect(newMail).toHaveLength(2); // both were synced...
    expect(notifications).toHaveLength(1); // ...and neither notified
    const junk = await s.folder('junk');
    expect((await api.messages.list({ folderId: junk.id, offset: 0, limit: 5 })).rows.map((row) => row.subject)).toEqual(['Hai vinto']);
  });
});
