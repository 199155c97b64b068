import type { Duplex } from 'node:stream';
import type { ImapFlow } from 'imapflow';

/** A LOGOUT the server does not answer within this many milliseconds is not waited for. */
const LOGOUT_TIMEOUT_MS = 2_000;

/** Ends a session politely (LOGOUT), or closes the socket when the server does not answer or is gone. */
export async function logoutOrClose(client: ImapFlow): Promise<void> {
  const timer = setTimeout(() => client.close(), LOGOUT_TIMEOUT_MS);
  await client.logout().catch(() => client.close());
  clearTimeout(timer);
}

/**
 * The same for a session imapflow no longer holds (ops/streamHeaders.ts took its socket): LOGOUT written, and the
 * socket destroyed if the server has not closed it within the same wait.
 */
export function logoutSocket(writeSocket: Duplex, socket: Duplex): void {
  if (socket.destroyed) return;
  socket.on('error', () => undefined);
  const timer = setTimeout(() => socket.destroy(), LOGOUT_TIMEOUT_MS);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
  writeSocket.end('L LOGOUT\r\n');
}
