/**
 * "Add account" against the real Dovecot/Postfix rig: every cause of failure comes back as its own code and
 * changes nothing, and a success keeps the password only in the vault.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostinoError } from '../../src/shared/errors';
import type { AccountInput } from '../../src/shared/types';
import type { AccountsApi } from '../../src/shared/api/accounts';
import { createAccountService } from '../../src/main/accounts/service';
import { createCredentials, type Credentials } from '../../src/main/accounts/credentials';
import { createStore, type Store } from '../../src/main/store/store';
import { createFileVault } from '../../src/main/vault';
import { createUser, rigInfo, type TestUser } from '../rig';

const OTHER_PIN = 'AA:'.repeat(31) + 'AA';

let dataDir: string;
let store: Store;
let accounts: AccountsApi;
let credentials: Credentials;
let vault: ReturnType<typeof createFileVault>;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'postino-accounts-'));
  store = createStore(join(dataDir, 'cache.sqlite'));
  vault = createFileVault(dataDir);
  accounts = createAccountService({ store, vault, loginTimeoutMs: 2_000 });
  credentials = createCredentials({ store, vault });
});

afterEach(async () => {
  store.close();
  await rm(dataDir, { recursive: true, force: true });
});

/** Settings for a rig user over implicit TLS, trusting the rig's self-signed certificate by its fingerprint. */
function inputFor(user: TestUser, overrides: Partial<AccountInput> = {}): AccountInput {
  const rig = rigInfo();
  return {
    address: user.address,
    displayName: 'Rig user',
    username: user.username,
    password: user.password,
    imap: { host: rig.host, port: rig.imapsPort, security: 'tls' },
    smtp: { host: rig.host, port: rig.smtpsPort, security: 'tls' },
    pinnedCertSha256: rig.certSha256,
    ...overrides,
  };
}

async function failedAdd(input: AccountInput): Promise<PostinoError> {
  return accounts.add(input).then(
    () => {
      throw new Error('expected add to fail');
    },
    (err: PostinoError) => err,
  );
}

/** SHA-256 of every file under the data directory, except SQLite's shared-memory index, which readers touch. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || entry.name.endsWith('-shm')) continue;
    const path = join(entry.parentPath, entry.name);
    files[path] = createHash('sha256').update(await readFile(path)).digest('hex');
  }
  return files;
}

/** Asserts that a failing add left the data directory exactly as it was: no account row, no secret. */
async function expectNothingChanged(attempt: () => Promise<unknown>): Promise<void> {
  const before = await snapshot(dataDir);
  const listed = await accounts.list();
  await attempt();
  expect(await accounts.list()).toEqual(listed);
  expect(await snapshot(dataDir)).toEqual(before);
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A dead server: accepts TCP connections on loopback and never sends a byte. */
async function silentServer(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

describe('adding an account', () => {
  it('succeeds over IMAPS and SMTPS, keeping the password for the sync engine', async () => {
    const user = await createUser('imaps');
    const account = await accounts.add(inputFor(user));
    expect(account).toMatchObject({ address: user.address, imap: { port: rigInfo().imapsPort, security: 'tls' } });
    expect(await accounts.list()).toEqual([account]);
    expect((await credentials.endpointFor(account.id)).password).toBe(user.password);
  });

  it('succeeds over STARTTLS on both servers', async () => {
    const user = await createUser('starttls');
    const rig = rigInfo();
    const account = await accounts.add(
      inputFor(user, {
        imap: { host: rig.host, port: rig.imapPort, security: 'starttls' },
        smtp: { host: rig.host, port: rig.smtpPort, security: 'starttls' },
      }),
    );
    expect(account.smtp).toEqual({ host: rig.host, port: rig.smtpPort, security: 'starttls' });
  });

  it('keeps the password out of every file of the data directory', async () => {
    const user = await createUser('secret');
    await accounts.add(inputFor(user));
    const needles = [Buffer.from(user.password, 'utf8'), Buffer.from(user.password, 'utf16le'), Buffer.from(Buffer.from(user.password).toString('base64'))];
    const files = Object.keys(await snapshot(dataDir));
    // The scan must cover the vault's own file, or it would prove nothing.
    expect(files.some((file) => file.endsWith('secrets.json'))).toBe(true);
    for (const file of files) {
      const content = await readFile(file);
      for (const needle of needles) expect(content.includes(needle), `${file} holds the password`).toBe(false);
    }
  });

  it('reports a wrong password as auth-failed and changes nothing', async () => {
    const user = await createUser('wrongpw');
    await expectNothingChanged(async () => {
      expect((await failedAdd(inputFor(user, { password: 'not the password' }))).code).toBe('auth-failed');
    });
  });

  it('reports a failing SMTP server even when IMAP accepted the login, and changes nothing', async () => {
    const user = await createUser('smtpdown');
    const port = await closedPort();
    await expectNothingChanged(async () => {
      const error = await failedAdd(inputFor(user, { smtp: { host: '127.0.0.1', port, security: 'tls' } }));
      expect(error.code).toBe('connection-refused');
      expect(error.message).toContain(`SMTP server 127.0.0.1:${port}`);
    });
  });

  it('reports a host under the reserved .invalid TLD as host-not-found', async () => {
    // RFC 6761 §6.4: names under .invalid never resolve; the resolver answers NXDOMAIN (ENOTFOUND) at once.
    const user = await createUser('nohost');
    await expectNothingChanged(async () => {
      const error = await failedAdd(inputFor(user, { imap: { host: 'imap.postino.invalid', port: 993, security: 'tls' } }));
      expect(error.code).toBe('host-not-found');
    });
  });

  it('reports a closed port as connection-refused', async () => {
    const user = await createUser('refused');
    const port = await closedPort();
    const error = await failedAdd(inputFor(user, { imap: { host: '127.0.0.1', port, security: 'tls' } }));
    expect(error.code).toBe('connection-refused');
  });

  it('reports a server that accepts and never speaks as timeout, within the login deadline', async () => {
    const user = await createUser('silent');
    const dead = await silentServer();
    try {
      for (const security of ['tls', 'starttls'] as const) {
        const started = Date.now();
        const error = await failedAdd(inputFor(user, { imap: { host: '127.0.0.1', port: dead.port, security } }));
        expect(error.code).toBe('timeout');
        expect(Date.now() - started).toBeLessThan(5_000);
      }
    } finally {
      await dead.close();
    }
  });

  it('refuses the self-signed certificate with its fingerprint, then succeeds once it is pinned', async () => {
    const user = await createUser('pin');
    const rig = rigInfo();
    const error = await failedAdd(inputFor(user, { pinnedCertSha256: null }));
    expect(error.code).toBe('tls-untrusted');
    expect(error.details?.fingerprintSha256).toBe(rig.certSha256);
    const account = await accounts.add(inputFor(user, { pinnedCertSha256: String(error.details?.fingerprintSha256) }));
    expect(account.pinnedCertSha256).toBe(rig.certSha256);
  });

  it('refuses a pin that is not the presented certificate', async () => {
    const user = await createUser('otherpin');
    const error = await failedAdd(inputFor(user, { pinnedCertSha256: OTHER_PIN }));
    expect(error.code).toBe('tls-untrusted');
    expect(error.details?.fingerprintSha256).toBe(rigInfo().certSha256);
  });

  it('refuses a server without IMAP4rev1 as not-imap4rev1', async () => {
    const user = await createUser('norev1');
    const rig = rigInfo();
    await expectNothingChanged(async () => {
      const error = await failedAdd(inputFor(user, { imap: { host: rig.noRev1Host, port: rig.imapsPort, security: 'tls' } }));
      expect(error.code).toBe('not-imap4rev1');
    });
  });

  it('refuses the 11th mailbox with limit-reached and changes nothing', async () => {
    const users = await Promise.all(Array.from({ length: 11 }, (_, n) => createUser(`limit${n}`)));
    for (const user of users.slice(0, 10)) await accounts.add(inputFor(user));
    await expectNothingChanged(async () => {
      expect((await failedAdd(inputFor(users[10]!))).code).toBe('limit-reached');
    });
    expect(await accounts.list()).toHaveLength(10);
  });

  it('refuses the same address twice as duplicate-account', async () => {
    const user = await createUser('twice');
    await accounts.add(inputFor(user));
    expect((await failedAdd(inputFor(user))).code).toBe('duplicate-account');
  });
});

describe('changing and removing an account', () => {
  it('re-verifies a new password and keeps the old one when the server refuses it', async () => {
    const user = await createUser('update');
    const account = await accounts.add(inputFor(user));
    await expect(accounts.update(account.id, { password: 'wrong' })).rejects.toMatchObject({ code: 'auth-failed' });
    expect((await credentials.endpointFor(account.id)).password).toBe(user.password);
  });

  it('removes the row and the secret', async () => {
    const user = await createUser('remove');
    const account = await accounts.add(inputFor(user));
    expect(await vault.getSecret(account.id)).toBe(user.password);
    await accounts.remove(account.id);
    expect(await accounts.list()).toEqual([]);
    expect(await vault.getSecret(account.id)).toBeNull();
  });
});
