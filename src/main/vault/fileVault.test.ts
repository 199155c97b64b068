import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileVault } from './fileVault';

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'postino-vault-'));
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const PASSWORD = 'Tr0ub4dor&3-correct-horse';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const mode = (path: string) => statSync(path).mode & 0o777;
const secretsFile = () => JSON.parse(readFileSync(join(dataDir, 'secrets.json'), 'utf8'));

describe('file vault', () => {
  it('stores, reads back, replaces and deletes a secret; an unknown key reads as null', async () => {
    const vault = createFileVault(dataDir);
    expect(await vault.getSecret('acc-1')).toBeNull();
    await vault.setSecret('acc-1', PASSWORD);
    await vault.setSecret('acc-2', 'other');
    expect(await vault.getSecret('acc-1')).toBe(PASSWORD);
    await vault.setSecret('acc-1', 'changed');
    expect(await vault.getSecret('acc-1')).toBe('changed');
    await vault.deleteSecret('acc-1');
    await vault.deleteSecret('never-there');
    expect(await vault.getSecret('acc-1')).toBeNull();
    expect(await vault.getSecret('acc-2')).toBe('other');
    expect(vault.describe()).toEqual({ backend: 'file', secure: false });
  });

  it('a vault opened again on the same directory reads what the first one stored', async () => {
    await createFileVault(dataDir).setSecret('acc-1', PASSWORD);
    expect(await createFileVault(dataDir).getSecret('acc-1')).toBe(PASSWORD);
  });

  it('the plaintext appears in no file of the data directory, in any common encoding', async () => {
    const vault = createFileVault(dataDir);
    await vault.setSecret('acc-1', PASSWORD);
    writeFileSync(join(dataDir, 'cache.sqlite'), 'unrelated');
    const needles = [
      Buffer.from(PASSWORD, 'utf8'),
      Buffer.from(PASSWORD, 'utf16le'),
      Buffer.from(Buffer.from(PASSWORD).toString('base64')),
      Buffer.from(Buffer.from(PASSWORD).toString('hex')),
    ];
    const files = filesUnder(dataDir);
    expect(files.map((file) => file.slice(dataDir.length + 1)).sort()).toEqual(['cache.sqlite', 'secrets.json', 'vault.key']);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const needle of needles) expect(bytes.includes(needle), `${file} holds the password`).toBe(false);
    }
  });

  it('a tampered ciphertext fails loudly instead of returning something else', async () => {
    const vault = createFileVault(dataDir);
    await vault.setSecret('acc-1', PASSWORD);
    const secrets = secretsFile();
    const data = Buffer.from(secrets.entries['acc-1'].data, 'base64');
    data[0] = (data[0] as number) ^ 0x01;
    secrets.entries['acc-1'].data = data.toString('base64');
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify(secrets));
    await expect(vault.getSecret('acc-1')).rejects.toMatchObject({ code: 'internal', message: /integrity check/ });
  });

  it('a ciphertext copied under another name fails too (the name is authenticated)', async () => {
    const vault = createFileVault(dataDir);
    await vault.setSecret('acc-1', PASSWORD);
    await vault.setSecret('acc-2', 'other');
    const secrets = secretsFile();
    secrets.entries['acc-2'] = secrets.entries['acc-1'];
    writeFileSync(join(dataDir, 'secrets.json'), JSON.stringify(secrets));
    await expect(vault.getSecret('acc-2')).rejects.toMatchObject({ code: 'internal' });
  });

  it('a different key cannot read the secrets', async () => {
    await createFileVault(dataDir).setSecret('acc-1', PASSWORD);
    rmSync(join(dataDir, 'vault.key'));
    await expect(createFileVault(dataDir).getSecret('acc-1')).rejects.toMatchObject({ code: 'internal' });
  });

  it('the key and the secrets file are readable by their owner only, and a loosened key is tightened on open', async () => {
    await createFileVault(dataDir).setSecret('acc-1', PASSWORD);
    const keyPath = join(dataDir, 'vault.key');
    expect(mode(keyPath)).toBe(0o600);
    expect(mode(join(dataDir, 'secrets.json'))).toBe(0o600);
    expect(readFileSync(keyPath)).toHaveLength(32);

    chmodSync(keyPath, 0o644);
    createFileVault(dataDir);
    expect(mode(keyPath)).toBe(0o600);
  });

  it('a damaged key file is refused rather than used', () => {
    writeFileSync(join(dataDir, 'vault.key'), 'short', { mode: 0o600 });
    expect(() => createFileVault(dataDir)).toThrow(expect.objectContaining({ code: 'internal' }) as Error);
  });

  it('a name like __proto__ is stored as an ordinary entry', async () => {
    const vault = createFileVault(dataDir);
    await vault.setSecret('__proto__', PASSWORD);
    expect(await createFileVault(dataDir).getSecret('__proto__')).toBe(PASSWORD);
    expect(await vault.getSecret('constructor')).toBeNull();
  });
});
