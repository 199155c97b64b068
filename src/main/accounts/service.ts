/**
 * The accounts API. Adding or re-configuring an account logs in to IMAP and SMTP first: a failure returns the
 * exact cause and changes nothing (no row, no secret), so the user fixes one field and tries again.
 */
import { PostinoError } from '../../shared/errors';
import type { AccountsApi } from '../../shared/api/accounts';
import type { AccountInput, ServerSettings } from '../../shared/types';
import { connectImap, type ImapEndpoint } from '../imap/connect';
import { verifySmtp, type SmtpEndpoint, type SmtpFacts } from '../smtp/connect';
import { countAccounts, deleteAccount, getAccount, insertAccount, listAccounts, recordSmtpMaxSize, updateAccount } from '../store/accounts';
import { getSettings } from '../store/settings';
import type { Store } from '../store/store';
import { endpointOf, type LoginSettings, type SecretVault } from './credentials';
import { discoverSettings, type DiscoveryDeps } from './discover';
import { createNetworkDiscoveryDeps } from './reachability';
import { validateInput, validatePatch } from './validate';
import { logoutOrClose } from '../imap/logout';

/**
 * Logs in to both servers; throws the first failure as a classified PostinoError (IMAP's when both fail).
 * Resolves with what the SMTP server told about itself when the check learnt it.
 */
export type VerifyLogin = (endpoints: { imap: ImapEndpoint; smtp: SmtpEndpoint }) => Promise<SmtpFacts | void>;

export interface AccountServiceDeps {
  store: Store;
  vault: SecretVault;
  /** Defaults to real logins (src/main/imap/connect.ts, src/main/smtp/connect.ts) bounded by `loginTimeoutMs`. */
  verify?: VerifyLogin;
  loginTimeoutMs?: number;
  /** Defaults to the system resolver and real probes. */
  discovery?: DiscoveryDeps;
}

const DISCOVERY_PROBE_TIMEOUT_MS = 5_000;
const DEFAULT_LOGIN_TIMEOUT_MS = 20_000;

export function createAccountService(deps: AccountServiceDeps): AccountsApi {
  const { store, vault } = deps;
  const verify = deps.verify ?? verifyLogin(deps.loginTimeoutMs ?? DEFAULT_LOGIN_TIMEOUT_MS);
  const discovery = deps.discovery ?? createNetworkDiscoveryDeps({ timeoutMs: DISCOVERY_PROBE_TIMEOUT_MS });

  /** Checked before the slow logins and again right before the insert, which nothing can interleave with. */
  const refuseIfFullOrDuplicate = (address: string) => {
    const taken = listAccounts(store.db).some((account) => account.address.toLowerCase() === address.toLowerCase());
    if (taken) throw new PostinoError('duplicate-account', `${address} is already configured`, { field: 'address' });
    const { mailboxLimit } = getSettings(store.db);
    if (countAccounts(store.db) >= mailboxLimit) {
      throw new PostinoError('limit-reached', `At most ${mailboxLimit} mailboxes can be configured`, {
        limit: mailboxLimit,
      });
    }
  };

  return {
    list: async () => listAccounts(store.db),

    discover: (address) => discoverSettings(address, discovery),

    async add(input: AccountInput) {
      const { password, ...record } = validateInput(input);
      refuseIfFullOrDuplicate(record.address);
      const facts = await verify(endpointsOf(record, password));
      refuseIfFullOrDuplicate(record.address);
      const inserted = insertAccount(store, record);
      const account = facts ? withSmtpMaxSize(store, inserted.id, facts) : inserted;
      try {
        await vault.setSecret(account.id, password);
      } catch (err) {
        deleteAccount(store, account.id);
        throw err;
      }
      return account;
    },

    async update(id, patch) {
      const { password: newPassword, ...changes } = validatePatch(patch);
      const current = getAccount(store.db, id);
      const ownIndex = changes.aliases?.findIndex((alias) => alias.address.toLowerCase() === current.address.toLowerCase()) ?? -1;
      if (ownIndex >= 0) throw new PostinoError('invalid-input', 'The account’s own address is not an alias', { field: `aliases.${ownIndex}.address` });
      const next: LoginSettings = {
        username: changes.username ?? current.username,
        imap: changes.imap ?? current.imap,
        smtp: changes.smtp ?? current.smtp,
        pinnedCertSha256: changes.pinnedCertSha256 === undefined ? current.pinnedCertSha256 : changes.pinnedCertSha256,
      };
      if (newPassword !== undefined || loginChanged(current, next)) {
        const password = newPassword ?? (await vault.getSecret(id));
        if (password === null) throw new PostinoError('invalid-input', 'Type the password to test the new settings', { field: 'password' });
        const facts = await verify(endpointsOf(next, password));
        if (facts) recordSmtpMaxSize(store, id, facts.maxSize);
      }
      const updated = updateAccount(store, id, changes);
      if (newPassword !== undefined) await vault.setSecret(id, newPassword);
      return updated;
    },

    async remove(id) {
      // The cascade takes the cached folders, messages, bodies and attachments with the row.
      deleteAccount(store, id);
      await vault.deleteSecret(id);
    },
  };
}

function withSmtpMaxSize(store: Store, id: string, facts: SmtpFacts) {
  recordSmtpMaxSize(store, id, facts.maxSize);
  return getAccount(store.db, id);
}

function endpointsOf(login: LoginSettings, password: string) {
  return { imap: endpointOf(login.imap, login, password), smtp: endpointOf(login.smtp, login, password) };
}

function loginChanged(current: LoginSettings, next: LoginSettings): boolean {
  const sameServer = (a: ServerSettings, b: ServerSettings) =>
    a.host === b.host && a.port === b.port && a.security === b.security;
  return (
    current.username !== next.username ||
    current.pinnedCertSha256 !== next.pinnedCertSha256 ||
    !sameServer(current.imap, next.imap) ||
    !sameServer(current.smtp, next.smtp)
  );
}

/** Both logins at once, each bounded by `timeoutMs`; IMAP's failure is reported first. */
function verifyLogin(timeoutMs: number): VerifyLogin {
  return async (endpoints) => {
    const [imap, smtp] = await Promise.allSettled([
      // A failed LOGOUT after a good login proves nothing against the account: close and count it a success.
      connectImap(endpoints.imap, { timeoutMs }).then(logoutOrClose),
      verifySmtp(endpoints.smtp, { timeoutMs }),
    ]);
    if (imap.status === 'rejected') throw imap.reason;
    if (smtp.status === 'rejected') throw smtp.reason;
    return smtp.value;
  };
}
