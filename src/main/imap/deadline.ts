/**
 * imapflow waits forever on a socket that stopped answering without closing (an expired NAT entry, a laptop that
 * slept, a server wedged on its disk). Every remote operation runs under a deadline that closes the connection
 * when it passes: the pending command then fails at once and the next operation opens a fresh connection.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import { classifyError } from './classifyError';

/** Silence, in milliseconds, after which a command counts as dead. Long FETCHes stream, so silence is the measure. */
export const DEFAULT_COMMAND_TIMEOUT_MS = 30_000;

export interface Deadline {
  /** Pushes the deadline back by the full timeout: called for each streamed row, so a long FETCH is bounded by silence, not length. */
  extend(): void;
}

/**
 * Runs `work` on `client`, closing the connection and rejecting with `timeout` if it stays silent for `timeoutMs`.
 * Every other failure leaves as a classified PostinoError.
 */
export async function withDeadline<T>(
  client: ImapFlow,
  what: string,
  timeoutMs: number,
  work: (deadline: Deadline) => Promise<T>,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  let rejectExpired: (err: PostinoError) => void = () => undefined;
  const expired = new Promise<never>((_, reject) => {
    rejectExpired = reject;
  });
  const arm = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      client.close();
      rejectExpired(
        new PostinoError('timeout', `${what}: ${client.host}:${client.port} sent nothing for ${timeoutMs} ms`),
      );
    }, timeoutMs);
  };
  arm();
  const running = work({ extend: arm });
  // Once the deadline has won, the closed connection makes `work` fail too; that second failure is expected.
  running.catch(() => undefined);
  try {
    return await Promise.race([running, expired]);
  } catch (err) {
    throw classifyError(err, { protocol: 'IMAP', host: client.host, port: client.port });
  } finally {
    clearTimeout(timer);
  }
}
