import type { Account, AccountInput, AccountPatch, DiscoveredSettings, Identity, Security } from '../../../shared/types';

/** A server as the form edits it: the port stays text until the form is sent. */
export interface ServerDraft {
  host: string;
  port: string;
  security: Security;
}

export interface AccountDraft {
  address: string;
  password: string;
  displayName: string;
  username: string;
  imap: ServerDraft;
  smtp: ServerDraft;
  pinnedCertSha256: string | null;
  /** The From addresses besides the account's own, as edited (rows without an address are dropped on save). */
  aliases: Identity[];
}

export function emptyDraft(): AccountDraft {
  return {
    address: '',
    password: '',
    displayName: '',
    username: '',
    imap: { host: '', port: '993', security: 'tls' },
    smtp: { host: '', port: '465', security: 'tls' },
    pinnedCertSha256: null,
    aliases: [],
  };
}

export function draftFromAccount(account: Account): AccountDraft {
  const server = (settings: Account['imap']): ServerDraft => ({ ...settings, port: String(settings.port) });
  return {
    address: account.address,
    password: '',
    displayName: account.displayName,
    username: account.username,
    imap: server(account.imap),
    smtp: server(account.smtp),
    pinnedCertSha256: account.pinnedCertSha256,
    aliases: account.identities.slice(1),
  };
}

/** Discovery fills the servers and the user name; what the user typed into the other fields stays. */
export function applyDiscovery(draft: AccountDraft, discovered: DiscoveredSettings): AccountDraft {
  return {
    ...draft,
    username: discovered.username,
    imap: { ...discovered.imap, port: String(discovered.imap.port) },
    smtp: { ...discovered.smtp, port: String(discovered.smtp.port) },
  };
}

/** A plausible address: enough to ask discovery about it (the core validates for real). */
export function looksLikeAddress(text: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(text.trim());
}

function serverOf(draft: ServerDraft): AccountInput['imap'] {
  // An unparseable port is sent as 0: the core answers invalid-input with the field, shown under the port.
  const port = /^\d{1,5}$/.test(draft.port.trim()) ? Number(draft.port.trim()) : 0;
  return { host: draft.host.trim(), port, security: draft.security };
}

export function inputFromDraft(draft: AccountDraft): AccountInput {
  const address = draft.address.trim();
  return {
    address,
    displayName: draft.displayName.trim(),
    username: draft.username.trim() || address,
    password: draft.password,
    imap: serverOf(draft.imap),
    smtp: serverOf(draft.smtp),
    pinnedCertSha256: draft.pinnedCertSha256,
  };
}

/** Only what an edit may change; an empty password keeps the stored one; alias rows left empty are dropped. */
export function patchFromDraft(draft: AccountDraft): AccountPatch {
  const { address: _address, password, ...rest } = inputFromDraft(draft);
  const aliases = draft.aliases
    .map((alias) => ({ address: alias.address.trim(), name: alias.name.trim(), signature: alias.signature }))
    .filter((alias) => alias.address !== '');
  return password ? { ...rest, aliases, password } : { ...rest, aliases };
}
