import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { lockVerifiedMailbox } from '../mailbox';

/**
 * The addresses a message was delivered to, from the headers delivery agents add: Delivered-To (Postfix, Dovecot
 * LMTP, qmail) and X-Original-To (Postfix: the address before alias expansion, which is the alias itself). They
 * name the user's address when it was in Bcc or reached through a list, where To and Cc do not.
 */
export async function fetchDeliveredTo(
  client: ImapFlow,
  args: { path: string; uidValidity: number | null; uid: number; timeoutMs?: number },
): Promise<string[]> {
  const timeoutMs = args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  return withDeadline(client, `delivery headers of UID ${args.uid} in ${args.path}`, timeoutMs, async () => {
    const lock = await lockVerifiedMailbox(client, args.path, args.uidValidity);
    try {
      const message = await client.fetchOne(String(args.uid), { uid: true, headers: ['delivered-to', 'x-original-to'] }, { uid: true });
      if (!message) throw new PostinoError('not-found', `UID ${args.uid} is not in ${args.path} (any more)`);
      return deliveryAddresses(message.headers?.toString('utf8') ?? '');
    } finally {
      lock.release();
    }
  });
}

/**
 * The addresses of the X-Original-To lines, then of the Delivered-To lines, once each (any case): the address
 * the sender used (an alias) before the mailbox it was expanded to.
 */
export function deliveryAddresses(headerBlock: string): string[] {
  // Unfold continuation lines first (RFC 5322 §2.2.3).
  const lines = headerBlock.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/);
  const found: string[] = [];
  for (const field of ['x-original-to', 'delivered-to']) {
    for (const line of lines) {
      const [name, ...rest] = line.split(':');
      if (name?.trim().toLowerCase() !== field) continue;
      const address = /<?([^\s<>@]+@[^\s<>]+?)>?$/.exec(rest.join(':').trim())?.[1];
      if (address && !found.some((known) => known.toLowerCase() === address.toLowerCase())) found.push(address);
    }
  }
  return found;
}
