/**
 * How the rest of the core gets at an account's servers with its password: the sync engine and the sender ask
 * here for an endpoint and never see the vault. The password lives only in the vault, keyed by account id.
 */
import { PostinoError } from '../../shared/errors';
import type { Account, ServerSettings } from '../../shared/types';
import type { ImapEndpoint } from '../imap/connect';
import type { SmtpEndpoint } from '../smtp/connect';
import { getAccount } from '../store/accounts';
import type { Store } from '../store/store';
import type { Vault } from '../vault';

/** The part of the vault the accounts need: secrets keyed by account id. */
export type SecretVault = Pick<Vault, 'setSecret' | 'getSecret' | 'deleteSecret'>;

export interface Credentials {
  /** Where and how to log in to the account's IMAP server; `not-found` for an unknown account. */
  endpointFor(accountId: string): Promise<ImapEndpoint>;
  smtpEndpointFor(accountId: string): Promise<SmtpEndpoint>;
}

/** The login-relevant fields of an account (stored or about to be). */
export type LoginSettings = Pick<Account, 'username' | 'imap' | 'smtp' | 'pinnedCertSha256'>;

export function endpointOf(server: ServerSettings, login: LoginSettings, password: string): ImapEndpoint {
  return { ...server, username: login.username, password, pinnedCertSha256: login.pinnedCertSha256 };
}

export function createCredentials(deps: { store: Store; vault: SecretVault }): Credentials {
  const load = async (accountId: string) => {
    const account = getAccount(deps.store.db, accountId);
    const password = await deps.vault.getSecret(accountId);
    if (password === null) {
      throw new PostinoError('auth-failed', `No password is stored for ${account.address}`, { accountId });
    }
    return { account, password };
  };
  return {
    async endpointFor(accountId) {
      const { account, password } = await load(accountId);
      return endpointOf(account.imap, account, password);
    },
    async smtpEndpointFor(accountId) {
      const { account, password } = await load(accountId);
      return endpointOf(account.smtp, account, password);
    },
  };
}
