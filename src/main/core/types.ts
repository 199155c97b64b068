import type { PostinoApi } from '../../shared/api';
import type { Vault } from '../vault';
import type { CoreEvents } from './events';

/** What the composition root hands to a shell (Electron or web mode): the typed API, its events, and a way out. */
export interface Core {
  api: PostinoApi;
  events: CoreEvents;
  /** Stops timers and IMAP connections and closes the database. */
  close(): Promise<void>;
}

export interface CoreOptions {
  /** Directory holding the SQLite cache, the vault key and attachments. */
  dataDir: string;
  /** Milliseconds since epoch; tests pass a fake clock. */
  now?: () => number;
  /** Where account passwords live. The Electron shell passes its safeStorage vault; omitted, the file vault in dataDir. */
  vault?: Vault;
}
