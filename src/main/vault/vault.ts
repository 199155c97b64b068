/**
 * Where account passwords live, apart from the cache: the store never sees them. The file vault below is the
 * portable backend (web mode, tests, Linux without a keyring); the Electron shell adds one backed by
 * safeStorage with this same interface.
 */
export interface Vault {
  setSecret(key: string, value: string): Promise<void>;
  /** The secret, or null when none is stored under the key. Fails loudly when the stored one was tampered with. */
  getSecret(key: string): Promise<string | null>;
  /** Removing a key that is not there is not an error. */
  deleteSecret(key: string): Promise<void>;
  /** For the settings screen and the logs: which backend, and whether it is protected by the OS. */
  describe(): { backend: string; secure: boolean };
}
