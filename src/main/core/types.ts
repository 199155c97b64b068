import type { PostinoApi } from '../../shared/api';
import type { AccountServiceDeps } from '../accounts/service';
import type { Scheduler, Clock, Timers } from '../scheduler/scheduler';
import type { SyncEngine, SyncTuning } from '../sync/engine';
import type { Vault } from '../vault';
import type { CoreEvents } from './events';

/** What the composition root hands to a shell (Electron or web mode): the typed API, its events, and a way out. */
export interface Core {
  api: PostinoApi;
  events: CoreEvents;
  /** The engine and scheduler themselves, for the shell's window/power events and for tests that await a sync. */
  sync: SyncEngine;
  scheduler: Scheduler;
  /** Stops timers and IMAP connections and closes the database. */
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Directory holding the SQLite cache and, for the file vault, the key and the encrypted secrets. */
  dataDir: string;
  /** The desktop shell passes a safeStorage vault; web mode and tests use the file vault. */
  vault?: Vault;
  /** Tests pass a fake clock and timers. */
  clock?: Clock;
  timers?: Timers;
  syncTuning?: Partial<SyncTuning>;
  /** Tests shorten login timeouts or inject discovery fakes. */
  accountServiceOverrides?: Partial<Omit<AccountServiceDeps, 'store' | 'vault'>>;
}
