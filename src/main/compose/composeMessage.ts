/** A draft made into MIME for its account: the sender identity checked, the thread headers taken from the cache. */
import { PostinoError } from '../../shared/errors';
import type { Draft } from '../../shared/api/compose';
import type { Address } from '../../shared/types';
import { getAccount } from '../store/accounts';
import type { Db } from '../store/db';
import { threadContextOf } from '../store/outbox';
import { buildMime, type BuiltMessage } from './buildMime';

/**
 * The sender: one of the account's addresses. Only the account's own address exists for now; an alias list would
 * widen the check here and nowhere else.
 */
export function senderOf(db: Db, draft: Draft): Address {
  const account = getAccount(db, draft.accountId);
  const own: Address = { name: account.displayName, address: account.address };
  if (!draft.from) return own;
  if (draft.from.address.toLowerCase() !== account.address.toLowerCase()) {
    throw new PostinoError('invalid-input', `${draft.from.address} is not an address of this account`, { field: 'from' });
  }
  return { name: draft.from.name || account.displayName, address: account.address };
}

export async function composeMessage(
  db: Db,
  draft: Draft,
  options: { date: Date; keepBcc?: boolean; messageIdHeader?: string },
): Promise<BuiltMessage> {
  const from = senderOf(db, draft);
  const thread = draft.replyTo ? threadContextOf(db, draft.replyTo.messageId) : null;
  return buildMime(draft, { from, thread, ...options });
}
