/**
 * The APPEND steps of the task runner: a sent message's copy into Sent, and a draft's copy into Drafts, which
 * replaces the previous copy (APPEND the new one first, then remove the old UID: a failure in between leaves two
 * copies, never none).
 */
import type { ChangeRecord } from '../../shared/types';
import { appendMessage } from '../imap/ops/appendMessage';
import { expungeMessages } from '../imap/ops/expungeMessages';
import { findDraft, recordDraftOnServer } from '../store/drafts';
import { outboxMime } from '../store/outbox';
import type { Store } from '../store/store';
import { folderPaths, type AppendPayload, type TaskRecord } from '../store/tasks';
import type { RefusedGroup, RemoteContext } from '../tasks/remoteSteps';
import { isRefusal } from '../tasks/remoteSteps';
import { composeMessage } from './composeMessage';
import type { PostinoError } from '../../shared/errors';

export function createAppendStep(deps: { store: Store; now?: () => number }): NonNullable<RemoteContext['append']> {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const pathOf = (folderId: number): string | undefined => folderPaths(store.db, [folderId]).get(folderId)?.path;
  return async (task: Extract<TaskRecord, { kind: 'append' }>, ctx: RemoteContext): Promise<RefusedGroup[]> => {
    const payload: AppendPayload = task.payload;
    const path = pathOf(payload.folderId);
    try {
      if (!path) return [];
      if ('outboxId' in payload.source) {
        const raw = outboxMime(store.db, payload.source.outboxId, 'sent-copy');
        if (raw) await appendMessage(ctx.client, { path, raw, flags: payload.flags, timeoutMs: ctx.commandTimeoutMs });
        return [];
      }
      const { draftId } = payload.source;
      const record = findDraft(store.db, draftId);
      // Discarded or sent meanwhile: there is nothing to copy any more.
      if (!record) return [];
      const built = await composeMessage(store.db, record.draft, { date: new Date(record.savedAt || now()), keepBcc: true });
      const appended = await appendMessage(ctx.client, { path, raw: built.raw, flags: payload.flags, timeoutMs: ctx.commandTimeoutMs });
      const previous = record.server;
      if (previous?.uid !== null && previous !== null) {
        const previousPath = pathOf(previous.folderId);
        if (previousPath) await expungeMessages(ctx.client, { path: previousPath, uids: [previous.uid], timeoutMs: ctx.commandTimeoutMs });
      }
      store.write(
        () => recordDraftOnServer(store.db, draftId, { folderId: payload.folderId, uid: appended.uid, revision: record.draft.revision }),
        (): ChangeRecord => ({ entity: 'draft', kind: 'update', ids: [draftId] }),
      );
      return [];
    } catch (err) {
      if (!isRefusal(err)) throw err;
      return [{ messageIds: [], locations: [], error: err as PostinoError }];
    }
  };
}
