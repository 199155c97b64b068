import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../../shared/errors';
import { DEFAULT_COMMAND_TIMEOUT_MS, withDeadline } from '../deadline';
import { refusal } from './refusal';

export interface AppendMessageArgs {
  path: string;
  raw: Buffer;
  flags: readonly string[];
  /** The message's date, kept as its INTERNALDATE so the folder sorts it where the user expects. */
  internalDate?: Date;
  timeoutMs?: number;
}

export interface AppendResult {
  /** From APPENDUID (RFC 4315), null when the server did not report it. */
  uid: number | null;
  uidValidity: number | null;
}

/** One APPEND (RFC 3501 §6.3.11); a refusal of a missing folder is `not-found`. */
export async function appendMessage(client: ImapFlow, args: AppendMessageArgs): Promise<AppendResult> {
  const what = `APPEND to ${args.path}`;
  return withDeadline(client, what, args.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS, async () => {
    let result;
    try {
      result = await client.append(args.path, args.raw, [...args.flags], args.internalDate);
    } catch (err) {
      const failure = err as { serverResponseCode?: string; code?: string };
      if (failure.serverResponseCode === 'TRYCREATE' || failure.serverResponseCode === 'NONEXISTENT') {
        throw await refusal(client, what, [args.path]);
      }
      if (failure.serverResponseCode) throw new PostinoError('server-refused', `${what}: ${(err as Error).message}`);
      throw err;
    }
    if (!result) throw await refusal(client, what, [args.path]);
    return { uid: result.uid ?? null, uidValidity: result.uidValidity === undefined ? null : Number(result.uidValidity) };
  });
}
