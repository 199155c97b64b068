import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createSafeStorageVault, type SafeStorageLike } from './safeStorageVault';

/**
 * A stand-in for Electron's safeStorage (its binary cannot run here): a reversible transform keyed by a
 * generation number, so a test can rotate the key the way the OS keyring may.
 */
function standInSafeStorage(backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret') {
  const state = { generation: 1 };
  const safeStorage: SafeStorageLike = {
    getSelectedStorageBackend: () => backend,
    encryptStringAsync: async (plain) => Buffer.from(`v${state.generation}:${Buffer.from(plain).toString('hex')}`),
    decryptStringAsync: async (encrypted) => {
      const [version, hex] = encrypted.toString().split(':');
      return { result: Buffer.from(hex!, 'hex').toString(), shouldReEncrypt: version !== `v${state.generation}` };
    },
  };
  return { safeStorage, state };
}

describe('the safeStorage vault', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'postino-vault-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  const vaultFile = () => join(dataDir, 'secrets.safe.json');

  it('stores, reads and deletes secrets, and knows when there is none', async () => {
    const vault = createSafeStorageVault({ dataDir, safeStorage: standInSafeStorage().safeStorage, os: 'linux' });
    expect(await vault.getSecret('acc-1')).toBeNull();
    await vault.setSecret('acc-1', 'hunter2');
    await vault.setSecret('__proto__', 'still data');
    expect(await vault.getSecret('acc-1')).toBe('hunter2');
    expect(await vault.getSecret('__proto__')).toBe('still data');
    await vault.deleteSecret('acc-1');
    await vault.deleteSecret('never-there');
    expect(await vault.getSecret('acc-1')).toBeNull();
  });

  it('writes only ciphertext, to a file only its owner can read', async () => {
    const vault = createSafeStorageVault({ dataDir, safeStorage: standInSafeStorage().safeStorage, os: 'linux' });
    await vault.setSecret('acc-1', 'hunter2');
    expect(await readFile(vaultFile(), 'utf8')).not.toContain('hunter2');
    expect((await stat(vaultFile())).mode & 0o777).toBe(0o600);
  });

  it('refuses a ciphertext moved to another entry', async () => {
    const vault = createSafeStorageVault({ dataDir, safeStorage: standInSafeStorage().safeStorage, os: 'linux' });
    await vault.setSecret('acc-1', 'hunter2');
    const file = JSON.parse(await readFile(vaultFile(), 'utf8'));
    file.entries['acc-2'] = file.entries['acc-1'];
    await writeFile(vaultFile(), JSON.stringify(file));
    await expect(vault.getSecret('acc-2')).rejects.toMatchObject({ code: 'internal', details: { key: 'acc-2' } });
  });

  it('loses no secret when many are stored at once', async () => {
    const vault = createSafeStorageVault({ dataDir, safeStorage: standInSafeStorage().safeStorage, os: 'linux' });
    await Promise.all(Array.from({ length: 20 }, (_, index) => vault.setSecret(`acc-${index}`, `password-${index}`)));
    for (let index = 0; index < 20; index++) expect(await vault.getSecret(`acc-${index}`)).toBe(`password-${index}`);
  });

  it('stores a secret again under the new key when the OS rotated it', async () => {
    const { safeStorage, state } = standInSafeStorage();
    const vault = createSafeStorageVault({ dataDir, safeStorage, os: 'linux' });
    await vault.setSecret('acc-1', 'hunter2');
    state.generation = 2;
    expect(await vault.getSecret('acc-1')).toBe('hunter2');
    const stored = JSON.parse(await readFile(vaultFile(), 'utf8')).entries['acc-1'];
    expect(Buffer.from(stored, 'base64').toString()).toMatch(/^v2:/);
  });

  it('says it is not secure on Linux without a keyring, and secure with one or on macOS and Windows', () => {
    const describeOn = (os: NodeJS.Platform, backend: Parameters<typeof standInSafeStorage>[0]) =>
      createSafeStorageVault({ dataDir, safeStorage: standInSafeStorage(backend).safeStorage, os }).describe();
    expect(describeOn('linux', 'basic_text')).toEqual({ backend: 'safeStorage:basic_text', secure: false });
    expect(describeOn('linux', 'gnome_libsecret')).toEqual({ backend: 'safeStorage:gnome_libsecret', secure: true });
    expect(describeOn('linux', 'kwallet6')).toEqual({ backend: 'safeStorage:kwallet6', secure: true });
    expect(describeOn('darwin', 'unknown')).toEqual({ backend: 'safeStorage:keychain', secure: true });
    expect(describeOn('win32', 'unknown')).toEqual({ backend: 'safeStorage:dpapi', secure: true });
  });
});
