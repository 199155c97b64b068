/**
 * What the tests that wire the core's parts by hand (drafts, actions) share: a rig user's account as a row in the
 * store, and the sync engine pointed at that user, as createCore would build them.
 */
import { createCoreEvents } from '../../src/main/core/events';
import { insertAccount } from '../../src/main/store/accounts';
import type { Store } from '../../src/main/store/store';
import { createSyncSink } from '../../src/main/store/syncSink';
import { createSyncEngine, type SyncEngine, type SyncTuning } from '../../src/main/sync/engine';
import type { TestUser } from '../rig';
import { endpointOf } from './sync.harness';

/** Inserts the user's account (the rig's plain IMAP and its submission port) and returns its id. */
export function insertLoopbackAccount(store: Store, user: Pick<TestUser, 'address' | 'username'>, displayName: string): string {
  return insertAccount(store, {
    address: user.address,
    displayName,
    username: user.username,
    imap: { host: '127.0.0.1', port: 143, security: 'none' },
    smtp: { host: '127.0.0.1', port: 587, security: 'starttls' },
  }).id;
}

/** A sync engine writing to `store`, connecting as `user`, with no bodies kept offline and one parse worker. */
export function openSyncEngine(store: Store, user: TestUser, tuning: Partial<SyncTuning> = {}): SyncEngine {
  return createSyncEngine({
    sink: createSyncSink(store),
    endpointFor: async () => endpointOf(user),
    now: Date.now,
    events: createCoreEvents(),
    settings: () => ({ offlineBodyDays: 0 }),
    tuning: { parseWorkers: 1, ...tuning },
  });
}
