import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PostinoError } from '../../shared/errors';
import type { AccountInput } from '../../shared/types';
import { updateSettings } from '../store/settings';
import { openTestStore, type TestStore } from '../store/testStore';
import { createCredentials, type SecretVault } from './credentials';
import { createAccountService, type VerifyLogin } from './service';

/** A vault in memory; the real one (src/main/vault) has its own tests. */
function memoryVault(): SecretVault & { secrets: Map<string, string> } {
  const secrets = new Map<string, string>();
  return {
    secrets,
    setSecret: async (key, value) => void secrets.set(key, value),
    getSecret: async (key) => secrets.get(key) ?? null,
    deleteSecret: async (key) => void secrets.delete(key),
  };
}

function input(n: number, overrides: Partial<AccountInput> = {}): AccountInput {
  return {
    address: `user${n}@studio.example`,
    displayName: `User ${n}`,
    username: `user${n}@studio.example`,
    password: `secret ${n}`,
    imap: { host: 'imap.studio.example', port: 993, security: 'tls' },
    smtp: { host: 'smtp.studio.example', port: 465, security: 'tls' },
    ...overrides,
  };
}

let testStore: TestStore;
let vault: ReturnType<typeof memoryVault>;
let logins: Array<Parameters<VerifyLogin>[0]>;
let loginFailure: Error | null;

beforeEach(() => {
  testStore = openTestStore();
  vault = memoryVault();
  logins = [];
  loginFailure = null;
});
afterEach(() => testStore.dispose());

const service = () =>
  createAccountService({
    store: testStore.store,
    vault,
    verify: async (endpoints) => {
      logins.push(endpoints);
      if (loginFailure) throw loginFailure;
    },
  });

async function failure(attempt: Promise<unknown>): Promise<PostinoError> {
  return attempt.then(
    () => {
      throw new Error('expected a failure');
    },
    (err: PostinoError) => err,
  );
}

describe('account service', () => {
  it('logs in with the typed settings, then stores the account and its password under the account id', async () => {
    const account = await service().add(input(1, { pinnedCertSha256: 'ab'.repeat(32) }));
    expect(logins[0]?.imap).toEqual({
      host: 'imap.studio.example',
      port: 993,
      security: 'tls',
      username: 'user1@studio.example',
      password: 'secret 1',
      pinnedCertSha256: 'AB:'.repeat(31) + 'AB',
    });
    expect(await service().list()).toEqual([account]);
    expect(vault.secrets.get(account.id)).toBe('secret 1');
    expect(JSON.stringify(account)).not.toContain('secret 1');
  });

  it.each([
    ['address', { address: 'not an address' }],
    ['username', { username: '  ' }],
    ['password', { password: '' }],
    ['imap.host', { imap: { host: 'bad host!', port: 993, security: 'tls' } }],
    ['imap.port', { imap: { host: 'imap.example', port: 70000, security: 'tls' } }],
    ['smtp.security', { smtp: { host: 'smtp.example', port: 465, security: 'ssl' } }],
    ['pinnedCertSha256', { pinnedCertSha256: 'AB:CD' }],
  ] as const)('refuses a bad %s as invalid-input naming the field, before any login', async (field, overrides) => {
    const error = await failure(service().add(input(1, overrides as Partial<AccountInput>)));
    expect(error.code).toBe('invalid-input');
    expect(error.details?.field).toBe(field);
    expect(logins).toEqual([]);
  });

  it('refuses an address already configured, whatever its case', async () => {
    await service().add(input(1));
    const error = await failure(service().add(input(1, { address: 'USER1@Studio.Example' })));
    expect(error.code).toBe('duplicate-account');
  });

  it('refuses the 11th mailbox with limit-reached before logging in', async () => {
    for (let n = 1; n <= 10; n += 1) await service().add(input(n));
    const error = await failure(service().add(input(11)));
    expect(error.code).toBe('limit-reached');
    expect(logins).toHaveLength(10);
    expect(await service().list()).toHaveLength(10);
  });

  it('follows the mailbox limit of the settings', async () => {
    updateSettings(testStore.store, { mailboxLimit: 2 });
    await service().add(input(1));
    await service().add(input(2));
    expect((await failure(service().add(input(3)))).code).toBe('limit-reached');
  });

  it('leaves no row and no secret when the login fails', async () => {
    loginFailure = Object.assign(new Error('refused'), { code: 'auth-failed' });
    await expect(service().add(input(1))).rejects.toBe(loginFailure);
    expect(await service().list()).toEqual([]);
    expect(vault.secrets.size).toBe(0);
  });

  it('removes the row when the vault cannot keep the password', async () => {
    vault.setSecret = async () => {
      throw new Error('disk full');
    };
    await expect(service().add(input(1))).rejects.toThrow('disk full');
    expect(await service().list()).toEqual([]);
  });

  it('re-verifies only when the login settings or the password change', async () => {
    const account = await service().add(input(1));
    await service().update(account.id, { displayName: 'Renamed' });
    expect(logins).toHaveLength(1);
    await service().update(account.id, { imap: { host: 'imap2.studio.example', port: 993, security: 'tls' } });
    expect(logins).toHaveLength(2);
    expect(logins[1]?.imap.password).toBe('secret 1');
    await service().update(account.id, { password: 'new secret' });
    expect(logins[2]?.smtp.password).toBe('new secret');
    expect(vault.secrets.get(account.id)).toBe('new secret');
  });

  it('keeps the old settings and password when the re-verification fails', async () => {
    const account = await service().add(input(1));
    loginFailure = new Error('wrong password');
    await expect(service().update(account.id, { password: 'typo' })).rejects.toBe(loginFailure);
    expect(vault.secrets.get(account.id)).toBe('secret 1');
    expect(await service().list()).toEqual([account]);
  });

  it('saves aliases without logging in again, and refuses a malformed, repeated or own address naming the alias', async () => {
    const account = await service().add(input(1));
    const info = { address: 'info@studio.example', name: 'Studio', signature: '' };
    const updated = await service().update(account.id, { aliases: [info] });
    expect(updated.identities.map((identity) => identity.address)).toEqual(['user1@studio.example', 'info@studio.example']);
    expect(logins).toHaveLength(1);
    for (const [aliases, field] of [
      [[{ ...info, address: 'not an address' }], 'aliases.0.address'],
      [[info, { ...info, address: 'INFO@studio.example' }], 'aliases.1.address'],
      [[{ ...info, address: 'User1@studio.example' }], 'aliases.0.address'],
    ] as const) {
      const err = await failure(service().update(account.id, { aliases: [...aliases] }));
      expect({ code: err.code, field: err.details?.field }).toEqual({ code: 'invalid-input', field });
    }
    expect(testStore.store.db.prepare('SELECT count(*) AS n FROM account_aliases').get()).toEqual({ n: 1 });
  });

  it('removes the account and its secret; an unknown id is not-found', async () => {
    const account = await service().add(input(1));
    await service().remove(account.id);
    expect(await service().list()).toEqual([]);
    expect(vault.secrets.size).toBe(0);
    expect((await failure(service().remove(account.id))).code).toBe('not-found');
  });

  it('gives the sync engine endpoints with the stored password', async () => {
    const account = await service().add(input(1));
    const credentials = createCredentials({ store: testStore.store, vault });
    expect(await credentials.endpointFor(account.id)).toMatchObject({ host: 'imap.studio.example', password: 'secret 1' });
    expect(await credentials.smtpEndpointFor(account.id)).toMatchObject({ host: 'smtp.studio.example', port: 465 });
    expect((await failure(credentials.endpointFor('nope'))).code).toBe('not-found');
  });
});
