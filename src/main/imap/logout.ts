import type { ImapFlow } from 'imapflow';

/** A LOGOUT the server does not answer within this many milliseconds is not waited for. */
const LOGOUT_TIMEOUT_MS = 2_000;

/** Ends a session politely (LOGOUT), or closes the socket when the server does not answer or is gone. */
export async function logoutOrClose(client: ImapFlow): Promise<void> {
  const timer = setTimeout(() => client.close(), LOGOUT_TIMEOUT_MS);
  await client.logout().catch(() => client.close());
  clearTimeout(timer);
}
