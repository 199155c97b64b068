/** A draft made into MIME for its account: the sender identity checked, the thread headers taken from the cache. */
import { PostinoError } from '../../shared/errors';
import type { Draft } from '../../shared/api/compose';
import type { Account, Address } from '../../shared/types';
import { getAccount } from '../store/accounts';
import type { Db } from '../store/db';
import { threadContextOf } from '../store/outbox';
import { buildMime, type BuiltMessage } from './buildMime';

/**
 * The sender: one of the account's identities (its own address or an alias), spelled as the account stores it; a
 * draft without `from` sends as the account itself. An empty name takes the identity's.
 */
export function senderOf(account: Pick<Account, 'identities'>, draft: Pick<Draft, 'from'>): Address {
  const [own] = account.identities;
  if (!own) throw new PostinoError('internal', 'An account always has its own identity');
  if (!draft.from) return { name: own.name, address: own.address };
  const wanted = draft.from.address.toLowerCase();
  const identity = account.identities.find((candidate) => candidate.address.toLowerCase() === wanted);
  if (!identity) throw new PostinoError('invalid-input', `${draft.from.address} is not an address of this account`, { field: 'from' });
  return { name: draft.from.name || identity.name, address: identity.address };
}

export async function composeMessage(
  db: Db,
  draft: Draft,
  options: { date: Date; keepBcc?: boolean; messageIdHeader?: string },
): Promise<BuiltMessage> {
  const from = senderOf(getAccount(db, draft.accountId), draft);
  const thread = draft.replyTo ? threadContextOf(db, draft.replyTo.messageId) : null;
  return buildMime(draft, { from, thread, ...options });
}
