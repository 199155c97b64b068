/**
 * The remote steps of tasks: one IMAP command (or two) per folder, never one per message. Server locations are
 * read when the step runs, not when the task was created, so a task queued behind a move of the same messages
 * finds them where that move put them. Each folder's result is written to the cache as soon as the server has
 * answered, so a retry after a crash repeats only what the server has not done.
 */
import type { ImapFlow } from 'imapflow';
import { PostinoError } from '../../shared/errors';
import type { ChangeRecord } from '../../shared/types';
import { DEFAULT_COMMAND_TIMEOUT_MS } from '../imap/deadline';
import { expungeMessages } from '../imap/ops/expungeMessages';
import { moveMessages } from '../imap/ops/moveMessages';
import { setFlags } from '../imap/ops/setFlags';
import { settleMovedMessage } from '../store/localActions';
import type { Store } from '../store/store';
import {
  folderPaths,
  forgetRemoteLocation,
  serverLocationOf,
  type ExpungePayload,
  type MovePayload,
  type ServerLocation,
  type SetFlagsPayload,
  type TaskRecord,
} from '../store/tasks';

/** Messages of a task the server refused, with why. Everything else of the task was done. */
export interface RefusedGroup {
  messageIds: number[];
  locations: ServerLocation[];
  error: PostinoError;
}

export interface RemoteContext {
  store: Store;
  client: ImapFlow;
  commandTimeoutMs?: number;
  /** Steps other than mail actions (APPEND of a sent message or a draft) are provided by their owners. */
  append?: (task: Extract<TaskRecord, { kind: 'append' }>, ctx: RemoteContext) => Promise<RefusedGroup[]>;
}

/** Runs a task's remote step. Throws for a transient failure (the whole task is retried); returns the refusals. */
export async function runRemoteStep(task: TaskRecord, ctx: RemoteContext): Promise<RefusedGroup[]> {
  switch (task.kind) {
    case 'set-flags':
      return runSetFlags(task.payload, ctx);
    case 'move':
      return runMove(task.id, task.payload, ctx);
    case 'expunge':
      return runExpunge(task.payload, ctx);
    case 'append':
      if (!ctx.append) throw new PostinoError('internal', `No remote step is registered for append task ${task.id}`);
      return ctx.append(task, ctx);
  }
}

interface FolderGroup {
  folderId: number;
  path: string;
  uids: number[];
  messageIds: number[];
}

/** Groups messages by the folder the server has them in; messages the server does not have yet are left out. */
function groupByServerFolder(ctx: RemoteContext, messageIds: readonly number[]): FolderGroup[] {
  const groups = new Map<number, FolderGroup>();
  for (const messageId of messageIds) {
    const location = serverLocationOf(ctx.store.db, messageId);
    if (!location) continue;
    const group = groups.get(location.folderId) ?? { folderId: location.folderId, path: '', uids: [], messageIds: [] };
    group.uids.push(location.uid);
    group.messageIds.push(messageId);
    groups.set(location.folderId, group);
  }
  const paths = folderPaths(ctx.store.db, [...groups.keys()]);
  return [...groups.values()].map((group) => ({ ...group, path: paths.get(group.folderId)?.path ?? '' }));
}

/** Only a refusal is the server's final word; anything else (offline, dropped, timeout) makes the task wait and retry. */
export function isRefusal(err: unknown): boolean {
  return err instanceof PostinoError && (err.code === 'not-found' || err.code === 'server-refused');
}

async function perGroup(groups: FolderGroup[], work: (group: FolderGroup) => Promise<void>): Promise<RefusedGroup[]> {
  const refused: RefusedGroup[] = [];
  for (const group of groups) {
    try {
      if (group.path === '') throw new PostinoError('not-found', `Folder ${group.folderId} is no longer in the cache`);
      await work(group);
    } catch (err) {
      if (!isRefusal(err)) throw err;
      const error = err as PostinoError;
      refused.push({ messageIds: group.messageIds, locations: group.uids.map((uid) => ({ folderId: group.folderId, uid })), error });
    }
  }
  return refused;
}

async function runSetFlags(payload: SetFlagsPayload, ctx: RemoteContext): Promise<RefusedGroup[]> {
  const timeoutMs = ctx.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const refused: RefusedGroup[] = [];
  for (const change of payload.changes) {
    const groups = groupByServerFolder(ctx, change.messageIds);
    refused.push(
      ...(await perGroup(groups, (group) =>
        setFlags(ctx.client, { path: group.path, uids: group.uids, add: change.add, remove: change.remove, timeoutMs }),
      )),
    );
  }
  return refused;
}

async function runMove(taskId: number, payload: MovePayload, ctx: RemoteContext): Promise<RefusedGroup[]> {
  const timeoutMs = ctx.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const { store } = ctx;
  const refused: RefusedGroup[] = [];
  for (const move of payload.moves) {
    const target = folderPaths(store.db, [move.targetFolderId]).get(move.targetFolderId);
    const groups = groupByServerFolder(ctx, move.messageIds);
    refused.push(
      ...(await perGroup(groups, async (group) => {
        if (!target) throw new PostinoError('not-found', `Folder ${move.targetFolderId} is no longer in the cache`);
        // The flags go first, so they travel with the messages (a Junk folder's filter reads $Junk on arrival).
        const { addFlags: add, removeFlags: remove } = payload;
        await setFlags(ctx.client, { path: group.path, uids: group.uids, add, remove, timeoutMs });
        if (group.folderId === move.targetFolderId) return;
        const { uidMap } = await moveMessages(ctx.client, { path: group.path, uids: group.uids, destination: target.path, timeoutMs });
        store.write(
          () => {
            group.messageIds.forEach((messageId, i) => {
              const uid = group.uids[i] as number;
              const from = { folderId: group.folderId, uid };
              settleMovedMessage(store.db, { messageId, from, targetFolderId: move.targetFolderId, newUid: uidMap.get(uid) ?? null }, taskId);
            });
          },
          (): ChangeRecord => ({ entity: 'message', kind: 'update', ids: group.messageIds }),
        );
      })),
    );
  }
  return refused;
}

async function runExpunge(payload: ExpungePayload, ctx: RemoteContext): Promise<RefusedGroup[]> {
  const timeoutMs = ctx.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const byFolder = new Map<number, number[]>();
  for (const location of payload.locations) byFolder.set(location.folderId, [...(byFolder.get(location.folderId) ?? []), location.uid]);
  const paths = folderPaths(ctx.store.db, [...byFolder.keys()]);
  const groups: FolderGroup[] = [...byFolder].map(([folderId, uids]) => ({ folderId, uids, messageIds: [], path: paths.get(folderId)?.path ?? '' }));
  return perGroup(groups, async (group) => {
    await expungeMessages(ctx.client, { path: group.path, uids: group.uids, timeoutMs });
    ctx.store.write(
      () => group.uids.forEach((uid) => forgetRemoteLocation(ctx.store.db, { folderId: group.folderId, uid })),
      () => null,
    );
  });
}
