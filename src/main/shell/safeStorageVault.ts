/**
 * The desktop vault: each password encrypted by Electron's safeStorage (Keychain on macOS, DPAPI on Windows, the
 * Secret Service or KWallet on Linux) in `secrets.safe.json` of the data directory. On Linux without a keyring
 * safeStorage falls back to a key built into Chromium ("basic_text"); the vault then says it is not secure, and
 * the shell tells the user, rather than pretending.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SafeStorage } from 'electron';
import { PostinoError } from '../../shared/errors';
import type { Vault } from '../vault';

export type SafeStorageLike = Pick<SafeStorage, 'encryptStringAsync' | 'decryptStringAsync' | 'getSelectedStorageBackend'>;

interface SecretsFile {
  version: 1;
  /** Base64 of safeStorage's ciphertext of `{ name, value }`. */
  entries: Record<string, string>;
}

const OWNER_ONLY = 0o600;
const OS_BACKENDS: Record<string, string> = { darwin: 'keychain', win32: 'dpapi' };

export function createSafeStorageVault(options: { dataDir: string; safeStorage: SafeStorageLike; os: NodeJS.Platform }): Vault {
  const { dataDir, safeStorage, os } = options;
  const path = join(dataDir, 'secrets.safe.json');
  const backend = OS_BACKENDS[os] ?? safeStorage.getSelectedStorageBackend();
  // Calls chain one after another: each is read-change-write across awaits, and two interleaved would lose one.
  let queue: Promise<unknown> = Promise.resolve();
  const serially = <T>(operation: () => Promise<T>): Promise<T> => {
    const result = queue.then(operation);
    queue = result.catch(() => {});
    return result;
  };

  const read = async (): Promise<Map<string, string>> => {
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
      throw err;
    }
    const parsed = JSON.parse(text) as Partial<SecretsFile>;
    if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
      throw new PostinoError('internal', `The vault file ${path} is not in a format this Postino reads`);
    }
    // A Map, because entry names are data: one called "__proto__" must not reach an object's prototype.
    return new Map(Object.entries(parsed.entries));
  };

  const write = async (entries: Map<string, string>): Promise<void> => {
    await mkdir(dataDir, { recursive: true, mode: 0o700 });
    const file: SecretsFile = { version: 1, entries: Object.fromEntries(entries) };
    // A crash leaves the old file or the new one, never half of one.
    const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
    await writeFile(temporary, JSON.stringify(file, null, 2), { mode: OWNER_ONLY, flag: 'wx' });
    await rename(temporary, path);
  };

  // The name is sealed with the value, so a ciphertext copied to another entry is refused like a damaged one.
  const seal = async (name: string, value: string) =>
    (await safeStorage.encryptStringAsync(JSON.stringify({ name, value }))).toString('base64');
  const open = async (name: string, sealed: string): Promise<{ value: string; shouldReEncrypt: boolean }> => {
    const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(sealed, 'base64'));
    const opened = JSON.parse(result) as { name?: unknown; value?: unknown };
    if (opened.name !== name || typeof opened.value !== 'string') {
      throw new PostinoError('internal', `The stored secret "${name}" belongs to another entry: the vault file was altered`, { key: name });
    }
    return { value: opened.value, shouldReEncrypt };
  };

  return {
    setSecret: (name, value) =>
      serially(async () => {
        const entries = await read();
        entries.set(name, await seal(name, value));
        await write(entries);
      }),
    getSecret: (name) =>
      serially(async () => {
        const entries = await read();
        const sealed = entries.get(name);
        if (sealed === undefined) return null;
        const { value, shouldReEncrypt } = await open(name, sealed);
        // The OS rotated the key or a stronger backend appeared: store the secret under the new one.
        if (shouldReEncrypt) await write(entries.set(name, await seal(name, value)));
        return value;
      }),
    deleteSecret: (name) =>
      serially(async () => {
        const entries = await read();
        if (entries.delete(name)) await write(entries);
      }),
    describe: () => ({ backend: `safeStorage:${backend}`, secure: backend !== 'basic_text' && backend !== 'unknown' }),
  };
}
