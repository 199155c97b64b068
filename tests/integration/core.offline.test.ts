/**
 * Offline reading through the core: with Dovecot stopped, a core reopened on its data directory still serves what
 * it cached, says the account is offline, and catches up by itself once the server is back.
 */
import { describe, expect, it } from 'vitest';
import { createUser, deliver, rigInfo, startImap, stopImap, useIsolatedRig, type TestUser } from '../rig';
import { openCore, rigAccountInput, syncsSettled, waitFor, type TestCore } from './core.harness';

useIsolatedRig();

/** An order confirmation from the shop, dated `minutesAgo` (distinct dates keep the list's order unambiguous). */
function order(user: TestUser, number: number, minutesAgo: number, text: string): Promise<void> {
  return deliver({
    from: '"Sara Gallo" <sara.gallo@example.it>',
    to: user.address,
    subject: `Ordine ${number}`,
    text,
    headers: { Date: new Date(Date.now() - minutesAgo * 60_000).toUTCString() },
  });
}

describe('core offline', () => {
  it('core: with IMAP stopped a reopened core lists and opens cached mail, reports offline, and resumes by itself when IMAP is back', async () => {
    const user = await createUser('away');
    await order(user, 4411, 30, 'Spedito oggi.');
    await order(user, 4412, 20, 'Spedito domani.');
    // Short retry steps, so "resumes by itself" fits in a test; the production steps start at 5 s.
    const syncTuning = { retryDelaysMs: [300, 600, 1_200] };
    let opened: TestCore = await openCore({ syncTuning });
    try {
      const accountId = (await opened.core.api.accounts.add(rigAccountInput(rigInfo(), user, 'Away'))).id;
      await syncsSettled(opened.core);
      const inbox = (await opened.core.api.folders.list(accountId)).find((folder) => folder.role === 'inbox');
      if (!inbox) throw new Error('no Inbox in the cache');
      const cached = await opened.core.api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 });
      expect(cached.rows.map((row) => row.subject)).toEqual(['Ordine 4412', 'Ordine 4411']);
      await opened.close();

      // Arrives while the app is closed; the server then goes away before the app comes back.
      await order(user, 4413, 10, 'In consegna.');
      await stopImap();
      opened = await openCore({ dataDir: opened.dataDir, syncTuning });
      const { api } = opened.core;

      expect(await api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 })).toEqual(cached);
      const reading = await api.messages.get(cached.rows[0]?.id ?? -1);
      expect(reading).toMatchObject({ bodyAvailable: true, subject: 'Ordine 4412' });
      expect(reading.text).toContain('Spedito domani.');

      await api.sync.syncAccount(accountId);
      await syncsSettled(opened.core);
      const [offline] = await api.sync.status();
      expect(offline).toMatchObject({ accountId, state: 'offline' });
      expect(offline?.offlineSince).not.toBeNull();
      expect(await api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 })).toEqual(cached);

      await startImap();
      const subjects = await waitFor('the account to sync again after IMAP came back', async () => {
        const [status] = await api.sync.status();
        const rows = (await api.messages.list({ folderId: inbox.id, offset: 0, limit: 50 })).rows;
        return status?.state === 'idle' && rows.length === 3 ? rows.map((row) => row.subject) : undefined;
      });
      expect(subjects).toEqual(['Ordine 4413', 'Ordine 4412', 'Ordine 4411']);
      expect((await api.sync.status())[0]?.offlineSince).toBeNull();
    } finally {
      await startImap().catch(() => undefined);
      await opened.dispose();
    }
  });
});
