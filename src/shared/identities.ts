/**
 * Which From address a message goes out with. Every account has its own address first and then its aliases; a
 * reply answers from the address the original was sent to, so a client who wrote to info@ hears back from info@.
 */
import type { Account, Address, Identity, MessageDetail } from './types';

/** One choice of the composer's From picker. */
export interface SenderChoice {
  accountId: string;
  identity: Identity;
}

/** Every identity of every account, accounts in their order, each account's own address first. */
export function senderChoices(accounts: readonly Account[]): SenderChoice[] {
  return accounts.flatMap((account) => account.identities.map((identity) => ({ accountId: account.id, identity })));
}

/** Every address the user sends as: what Reply all leaves out and what marks a message as the user's own. */
export function ownAddresses(accounts: readonly Account[]): string[] {
  return senderChoices(accounts).map((choice) => choice.identity.address);
}

/** The identity of `accountId` with `address` (any case); the account's own identity when `address` is absent or unknown. */
export function identityOf(account: Account, address?: string): Identity {
  const wanted = address?.toLowerCase();
  const found = wanted === undefined ? undefined : account.identities.find((identity) => identity.address.toLowerCase() === wanted);
  return found ?? account.identities[0] ?? { address: account.address, name: account.displayName, signature: '' };
}

type Original = Pick<MessageDetail, 'accountId' | 'to' | 'cc'>;

/** The identity among `addresses`, looked for in the message's own account first and then in the others. */
function identityAmong(message: Original, accounts: readonly Account[], addresses: readonly string[]): SenderChoice | null {
  const wanted = new Set(addresses.map((address) => address.toLowerCase()));
  const home = accounts.find((account) => account.id === message.accountId);
  const ordered = home ? [home, ...accounts.filter((account) => account !== home)] : accounts;
  for (const account of ordered) {
    const identity = account.identities.find((candidate) => wanted.has(candidate.address.toLowerCase()));
    if (identity) return { accountId: account.id, identity };
  }
  return null;
}

/** The identity the original names in To or Cc; null when the user got it in Bcc or through a list. */
export function addressedIdentity(message: Original, accounts: readonly Account[]): SenderChoice | null {
  return identityAmong(message, accounts, [...message.to, ...message.cc].map((address: Address) => address.address));
}

/**
 * The sender of a reply or forward: the identity the original was addressed to (To, then Cc, then the delivery
 * headers when known: Delivered-To, X-Original-To), in the message's own account first and then in the others;
 * else the message's account's own address.
 */
export function senderForResponse(message: Original, accounts: readonly Account[], deliveredTo: readonly string[] = []): SenderChoice | null {
  const addressed = addressedIdentity(message, accounts);
  if (addressed) return addressed;
  // In the order given: the address before alias expansion comes before the mailbox it was expanded to.
  for (const address of deliveredTo) {
    const delivered = identityAmong(message, accounts, [address]);
    if (delivered) return delivered;
  }
  const home = accounts.find((account) => account.id === message.accountId);
  return home ? { accountId: home.id, identity: identityOf(home) } : null;
}

/** The signature below a message from this identity: its own, else the account's signature setting. */
export function signatureText(identity: Identity, accountId: string, accountSignatures: Readonly<Record<string, string>>): string {
  return identity.signature.trim() || accountSignatures[accountId]?.trim() || '';
}

/** The picker's value for a choice: the account and the address together (one address may serve two accounts). */
export const choiceKey = (accountId: string, address: string): string => `${accountId}\n${address.toLowerCase()}`;
