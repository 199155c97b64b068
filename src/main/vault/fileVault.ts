/**
 * A vault in two files of the data directory: `vault.key` (32 random bytes, mode 0600) and `secrets.json`
 * (each secret AES-256-GCM encrypted with its own random IV; the entry's name is the additional authenticated
 * data, so a ciphertext moved to another entry fails too). It keeps passwords out of the cache, backups of it
 * and casual reads; it does not protect against someone who can read the user's files, which is why it
 * describes itself as not secure and the Electron shell prefers safeStorage.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import {
  chmodSync,
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { PostinoError } from '../../shared/errors';
import type { Vault } from './vault';

const KEY_BYTES = 32;
const IV_BYTES = 12; // the size GCM is specified for (NIST SP 800-38D §8.2)
const OWNER_ONLY = 0o600;

interface SealedEntry {
  iv: string;
  tag: string;
  data: string;
}

interface SecretsFile {
  version: 1;
  entries: Record<string, SealedEntry>;
}

const isMissing = (err: unknown): boolean => err instanceof Error && 'code' in err && err.code === 'ENOENT';

/** Creates the key on first use (exclusively, already 0600), or reads it, tightening loose permissions first. */
function loadKey(path: string): Buffer {
  try {
    const fd = openSync(path, 'wx', OWNER_ONLY);
    try {
      const key = randomBytes(KEY_BYTES);
      writeSync(fd, key);
      fsyncSync(fd);
      return key;
    } finally {
      closeSync(fd);
    }
  } catch (err) {
    if (!(err instanceof Error && 'code' in err && err.code === 'EEXIST')) throw err;
  }
  // A copy or an archive tool may have widened the mode; the key must stay readable by its owner only.
  if (process.platform !== 'win32' && (statSync(path).mode & 0o077) !== 0) chmodSync(path, OWNER_ONLY);
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) {
    throw new PostinoError(
      'internal',
      `The vault key ${path} is damaged (${key.length} bytes instead of ${KEY_BYTES})`,
    );
  }
  return key;
}

/** The entries as a Map: names are data, so one like "__proto__" must never touch an object's prototype. */
function readSecrets(path: string): Map<string, SealedEntry> {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if (isMissing(err)) return new Map();
    throw err;
  }
  const parsed = JSON.parse(text) as Partial<SecretsFile>;
  if (parsed.version !== 1 || typeof parsed.entries !== 'object' || parsed.entries === null) {
    throw new PostinoError('internal', `The vault file ${path} is not in a format this Postino reads`);
  }
  return new Map(Object.entries(parsed.entries));
}

/** Write a temporary file, flush it, rename it over the old one: a crash leaves the old file or the new, never half. */
function writeSecretsAtomically(path: string, entries: Map<string, SealedEntry>): void {
  const secrets: SecretsFile = { version: 1, entries: Object.fromEntries(entries) };
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const fd = openSync(temporary, 'wx', OWNER_ONLY);
  try {
    writeSync(fd, JSON.stringify(secrets, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, path);
}

function seal(key: Buffer, name: string, value: string): SealedEntry {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(name, 'utf8'));
  const data = Buffer.concat([cipher.update(value, 'utf8'), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

function open(key: Buffer, name: string, entry: SealedEntry): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(entry.iv, 'base64'));
    decipher.setAAD(Buffer.from(name, 'utf8'));
    decipher.setAuthTag(Buffer.from(entry.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(entry.data, 'base64')), decipher.final()]).toString('utf8');
  } catch (err) {
    throw new PostinoError(
      'internal',
      `The stored secret "${name}" failed its integrity check: the vault file or its key was altered ` +
        `(${(err as Error).message})`,
      { key: name },
    );
  }
}

/** Opens (creating if needed) the vault of a data directory. */
export function createFileVault(dataDir: string): Vault {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = loadKey(join(dataDir, 'vault.key'));
  const secretsPath = join(dataDir, 'secrets.json');

  // Each call reads, changes and writes the file synchronously, so two calls can never interleave and lose an
  // entry; the interface is async for the safeStorage backend's sake.
  return {
    setSecret: async (name, value) => {
      const entries = readSecrets(secretsPath);
      entries.set(name, seal(key, name, value));
      writeSecretsAtomically(secretsPath, entries);
    },

    getSecret: async (name) => {
      const entry = readSecrets(secretsPath).get(name);
      return entry ? open(key, name, entry) : null;
    },

    deleteSecret: async (name) => {
      const entries = readSecrets(secretsPath);
      if (entries.delete(name)) writeSecretsAtomically(secretsPath, entries);
    },

    describe: () => ({ backend: 'file', secure: false }),
  };
}
