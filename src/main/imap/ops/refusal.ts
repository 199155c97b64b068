/**
 * imapflow answers a refused STORE, COPY, MOVE or EXPUNGE with `false` and keeps the server's words to itself.
 * The one refusal the user can act on is a folder that no longer exists, so that is asked of the server directly
 * (STATUS answers NO [NONEXISTENT] for a missing folder, RFC 5530); anything else is reported as a refusal.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';

export async function refusal(client: ImapFlow, what: string, folders: readonly string[]): Promise<PostinoError> {
  for (const path of folders) {
    const exists = await client.status(path, { messages: true }).then(
      (status) => status !== false,
      () => false,
    );
    if (!exists) return new PostinoError('not-found', `${what}: the folder ${path} does not exist on the server (any more)`, { folder: path });
  }
  return new PostinoError('server-refused', `${what}: the server refused it`);
}
