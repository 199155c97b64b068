/**
 * Issue 5, "instant new mail (IMAP IDLE on Inbox)", against the rig. The scheduler runs on fake timers that the
 * tests never advance, and the tests call no sync after the account's first: whatever brings a delivered message
 * into the cache is the IDLE connection. Dovecot's log tells the logins and logouts of the test's user.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { MailNotification } from '../../src/shared/notifications';
import type { Folder } from '../../src/shared/types';
import { createFakeTime } from '../../src/main/scheduler/fakeTime';
import { createUser, deliver, killImap, rigInfo, startImap, useIsolatedRig, type TestUser } from '../rig';
import { openCore, rigAccountInput, serverActivity, syncsSettled, waitFor, type TestCore } from './core.harness';

// Killing Dovecot would pull the shared rig from under the test files running in parallel: this file gets its own.
useIsolatedRig();

let opened: TestCore | undefined;
afterEach(async () => {
  await opened?.dispose();
  opened = undefined;
});

interface Scenario {
  user: TestUser;
  opened: TestCore;
  inbox: Folder;
  notifications: MailNotification[];
  subjects(): Promise<string[]>;
  /** Turns the setting on or off and, when on, waits until the IDLE connection has logged in and selected. */
  setInstantNewMail(on: boolean): Promise<void>;
}

/** A user with one message, a core whose scheduler never ticks, and the account added and synced once. */
async function scenario(name: string): Promise<Scenario> {
  const user = await createUser(name);
  await deliver({ from: 'anna@example.it', to: user.address, subject: 'Benvenuto', text: 'Primo messaggio.' });
  const time = createFakeTime(Date.now());
  opened = await openCore({ clock: time.clock, timers: time.timers });
  const { core } = opened;
  await core.api.activity.report('window-shown');
  const accountId = (await core.api.accounts.add(rigAccountInput(rigInfo(), user, name))).id;
  await syncsSettled(core);
  const inbox = (await core.api.folders.list(accountId)).find((folder) => folder.role === 'inbox');
  if (!inbox) throw new Error('no Inbox');
  const notifications: MailNotification[] = [];
  core.events.on('mail:notify', (notification) => notifications.push(notification));
  return {
    user,
    opened,
    inbox,
    notifications,
    async subjects() {
      const page = await core.api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 });
      return page.rows.map((row) => row.subject);
    },
    async setInstantNewMail(on) {
      const loginsBefore = (await serverActivity(rigInfo(), user)).logins;
      await core.api.settings.update({ instantNewMail: on });
      if (!on) return;
      await waitFor('the IDLE connection to log in', async () => ((await serverActivity(rigInfo(), user)).logins > loginsBefore ? true : undefined));
      // LOGIN is logged before the client's SELECT and IDLE, and the catch-up sync follows the SELECT.
      await sleep(1_000);
      await syncsSettled(core);
    },
  };
}

/** The user's IMAP sessions that ended (LOGOUT or a dropped connection), from Dovecot's log. */
async function endedSessions(user: TestUser): Promise<number> {
  await sleep(300); // Dovecot's log process writes a moment after the session ended
  const lines = (await readFile(rigInfo().dovecotLog, 'utf8')).split('\n');
  return lines.filter((line) => line.includes(`imap(${user.username})`) && line.includes('Disconnected')).length;
}

async function arrives(s: Scenario, subject: string, timeoutMs = 5_000): Promise<number> {
  const startedAt = Date.now();
  await waitFor(`"${subject}" in the Inbox`, async () => ((await s.subjects()).includes(subject) ? true : undefined), timeoutMs);
  return Date.now() - startedAt;
}

describe('instant new mail', () => {
  it('instant mail: with the setting on, a delivered message reaches the cache within seconds with no sync asked and no scheduler tick', async () => {
    const s = await scenario('idleon');
    await s.setInstantNewMail(true);
    expect(s.notifications).toEqual([]);

    await deliver({ from: 'Marco Bianchi <marco@example.it>', to: s.user.address, subject: 'Subito', text: 'Arriva da solo.' });
    const latencyMs = await arrives(s, 'Subito');

    await sleep(1_000); // a second sync or notification would show up meanwhile
    expect(s.notifications).toHaveLength(1);
    expect(s.notifications[0]).toMatchObject({ folderId: s.inbox.id });
    console.info(`instant mail: delivered → in the cache in ${latencyMs} ms`);
  });

  it('instant mail: with the setting off, a delivered message waits for a sync', async () => {
    const s = await scenario('idleoff');
    await deliver({ from: 'marco@example.it', to: s.user.address, subject: 'Aspetta', text: 'Arriva col prossimo sync.' });
    await sleep(3_000);
    expect(await s.subjects()).not.toContain('Aspetta');

    await s.opened.core.api.sync.syncFolder(s.inbox.id);
    await syncsSettled(s.opened.core);
    expect(await s.subjects()).toContain('Aspetta');
  });

  it('instant mail: turning the setting off logs the IDLE connection out, and it stays out', async () => {
    const s = await scenario('idleout');
    await s.setInstantNewMail(true);
    const ended = await endedSessions(s.user);
    const { logins } = await serverActivity(rigInfo(), s.user);

    await s.setInstantNewMail(false);
    await waitFor('the IDLE session to end', async () => ((await endedSessions(s.user)) > ended ? true : undefined), 5_000);
    expect(await endedSessions(s.user)).toBe(ended + 1);

    // Longer than the first reconnect wait (5 s): a watch that was not really released would log in again.
    await sleep(6_000);
    expect((await serverActivity(rigInfo(), s.user)).logins).toBe(logins);
    await deliver({ from: 'marco@example.it', to: s.user.address, subject: 'Dopo', text: 'Niente IDLE.' });
    await sleep(2_000);
    expect(await s.subjects()).not.toContain('Dopo');
  });

  it('instant mail: removing the account ends its IDLE session with the others', async () => {
    const s = await scenario('idleremove');
    await s.setInstantNewMail(true);
    const [account] = await s.opened.core.api.accounts.list();
    await s.opened.core.api.accounts.remove(account!.id);

    const { logins } = await serverActivity(rigInfo(), s.user);
    await waitFor('every session of the user to end', async () => ((await endedSessions(s.user)) === logins ? true : undefined), 5_000);
  });

  it('instant mail: after Dovecot is killed and restarted, the IDLE connection comes back by itself and the next delivery still arrives', async () => {
    const s = await scenario('idlekill');
    await s.setInstantNewMail(true);

    await killImap();
    await startImap();
    // Delivered while the watcher waits to reconnect: the catch-up sync after its new SELECT brings it.
    await deliver({ from: 'marco@example.it', to: s.user.address, subject: 'Durante', text: 'Mentre riconnette.' });
    await arrives(s, 'Durante', 30_000);

    await sleep(1_000);
    await deliver({ from: 'marco@example.it', to: s.user.address, subject: 'Dopo il riavvio', text: 'Di nuovo istantaneo.' });
    const latencyMs = await arrives(s, 'Dopo il riavvio');
    console.info(`instant mail: after a restart, delivered → in the cache in ${latencyMs} ms`);
  });
});
