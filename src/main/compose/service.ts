/**
 * The compose API: drafts saved locally at once (a revision counter keeps an older save from replacing a newer
 * one) and copied to the server's Drafts folder in the background; sending through the outbox with an undo delay.
 */
import { PostinoError } from '../../shared/errors';
import type { ComposeApi, OutboxEntry, SendOptions } from '../../shared/api/compose';
import type { ChangeRecord } from '../../shared/types';
import { catchUpAddressBook, suggestAddresses } from '../store/addressBook';
import { getAccount } from '../store/accounts';
import { claimDraftUpload, deleteDraft, draftOfMessage, draftsBehindServer, findDraft, getDraft, listDrafts, upsertDraft } from '../store/drafts';
import { folderWithRole } from '../store/localActions';
import { getOutbox, insertOutbox, listOutbox, outboxDraft, toOutboxEntry, transitionOutbox } from '../store/outbox';
import type { Store } from '../store/store';
import { insertTask } from '../store/tasks';
import type { Db } from '../store/db';
import { composeMessage, senderOf } from './composeMessage';
import { validateDraft, validateMessageId } from './validateDraft';

export const DEFAULT_UNDO_DELAY_MS = 5_000;
const DEFAULT_SUGGESTION_LIMIT = 8;
const MAX_SUGGESTIONS = 50;
/** How often drafts changed since their last upload are copied to the server's Drafts folder. */
export const DEFAULT_DRAFT_UPLOAD_INTERVAL_MS = 60_000;

export interface ComposeDeps {
  store: Store;
  outbox: { kick(accountId: string): void };
  tasks: { kick(accountId: string): void };
  now?: () => number;
  draftUploadIntervalMs?: number;
}

/** The methods that need a session on a message's server (src/main/compose/messageSession.ts), wired beside this service. */
export type MessageServerMethods = 'originalAsAttachment' | 'deliveredTo';

export interface ComposeService extends Omit<ComposeApi, MessageServerMethods> {
  /** Queues the upload of every draft changed since its last copy reached the server. */
  uploadDrafts(): void;
  close(): void;
}

export function createCompose(deps: ComposeDeps): ComposeService {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const draftChange = (draftId: string, kind: ChangeRecord['kind'] = 'update'): ChangeRecord => ({ entity: 'draft', kind, ids: [draftId] });
  const outboxChange = (outboxId: number, kind: ChangeRecord['kind'] = 'update'): ChangeRecord => ({ entity: 'outbox', kind, ids: [outboxId] });

  /** Queues the copy of one draft to the server (a no-op for an account without a Drafts folder). */
  const queueUpload = (draftId: string): string | null =>
    store.write(
      () => {
        const record = findDraft(store.db, draftId);
        if (!record) return null;
        const { accountId } = record.draft;
        const folderId = folderWithRole(store.db, accountId, 'drafts');
        if (folderId === null) return null;
        claimDraftUpload(store.db, draftId, folderId);
        const spec = { kind: 'append' as const, payload: { folderId, source: { draftId, revision: record.draft.revision }, flags: ['\\Seen', '\\Draft'], replaces: null } };
        insertTask(store.db, { accountId, action: 'save-draft', batchId: null, spec }, now());
        return accountId;
      },
      () => null,
    );

  const uploadDrafts = (): void => {
    const accounts = new Set(draftsBehindServer(store.db).map(queueUpload));
    for (const accountId of accounts) if (accountId) deps.tasks.kick(accountId);
  };
  const timer = setInterval(uploadDrafts, deps.draftUploadIntervalMs ?? DEFAULT_DRAFT_UPLOAD_INTERVAL_MS);
  timer.unref();

  return {
    async saveDraft(input) {
      const draft = validateDraft(input);
      // A draft is sent as it is saved: its sender must be one of the account's identities already.
      senderOf(getAccount(store.db, draft.accountId), draft);
      const savedAt = now();
      const revision = store.write(
        () => upsertDraft(store.db, draft, savedAt),
        (stored) => (stored === draft.revision ? draftChange(draft.draftId) : null),
      );
      return { draftId: draft.draftId, revision, savedAt };
    },

    getDraft: async (draftId) => getDraft(store.db, String(draftId)).draft,
    listDrafts: async (accountId) => listDrafts(store.db, accountId).map((record) => record.draft),

    async closeDraft(draftId) {
      const accountId = queueUpload(String(draftId));
      if (accountId) deps.tasks.kick(accountId);
    },

    async discardDraft(draftId) {
      const accountId = store.write(
        () => discard(store.db, String(draftId), now()),
        () => draftChange(String(draftId), 'delete'),
      );
      if (accountId) deps.tasks.kick(accountId);
    },

    async send(input, options: SendOptions = {}) {
      const draft = validateDraft(input);
      if (draft.to.length + draft.cc.length + draft.bcc.length === 0) {
        throw new PostinoError('invalid-input', 'A message needs at least one recipient', { field: 'to' });
      }
      const undoDelayMs = options.undoDelayMs ?? DEFAULT_UNDO_DELAY_MS;
      if (!Number.isFinite(undoDelayMs) || undoDelayMs < 0) throw new PostinoError('invalid-input', 'undoDelayMs must be 0 or more', { field: 'undoDelayMs' });
      const sendAt = Math.max(options.sendAt ?? 0, now() + undoDelayMs);
      const date = new Date(sendAt);
      const built = await composeMessage(store.db, draft, { date });
      const sentCopy = await composeMessage(store.db, draft, { date, keepBcc: true, messageIdHeader: built.messageIdHeader });
      const outboxId = store.write(
        () => {
          discard(store.db, draft.draftId, now());
          return insertOutbox(
            store.db,
            {
              accountId: draft.accountId,
              draft,
              messageIdHeader: built.messageIdHeader,
              subject: draft.subject,
              to: draft.to,
              envelopeFrom: built.envelopeFrom,
              envelopeTo: built.envelopeTo,
              mime: built.raw,
              sentCopyMime: sentCopy.raw,
              sendAt,
            },
            now(),
          );
        },
        (id) => outboxChange(id, 'insert'),
      );
      const entry = toOutboxEntry(getOutbox(store.db, outboxId));
      deps.outbox.kick(draft.accountId);
      deps.tasks.kick(draft.accountId);
      return entry;
    },

    async cancelSend(outboxId) {
      return store.write(
        () => {
          // Queued: taken back before it goes. Failed or unconfirmed: the user edits it or gives it up instead of a retry.
          if (!transitionOutbox(store.db, outboxId, ['queued', 'failed', 'sent-unconfirmed'], 'cancelled')) {
            const { state } = getOutbox(store.db, outboxId);
            throw new PostinoError('invalid-input', `The message is ${state} and can no longer be cancelled`, { field: 'outboxId', state });
          }
          const draft = outboxDraft(store.db, outboxId);
          upsertDraft(store.db, draft, now());
          return draft;
        },
        () => outboxChange(outboxId),
      );
    },

    async retrySend(outboxId): Promise<OutboxEntry> {
      const record = store.write(
        () => {
          if (!transitionOutbox(store.db, outboxId, ['failed', 'sent-unconfirmed'], 'queued', { error: null, nextAttemptAt: now() })) {
            const { state } = getOutbox(store.db, outboxId);
            throw new PostinoError('invalid-input', `A message that is ${state} cannot be retried`, { field: 'outboxId', state });
          }
          return getOutbox(store.db, outboxId);
        },
        () => outboxChange(outboxId),
      );
      deps.outbox.kick(record.accountId);
      return toOutboxEntry(record);
    },

    listOutbox: async (accountId) => listOutbox(store.db, accountId).map(toOutboxEntry),

    async suggestAddresses(prefix, limit = DEFAULT_SUGGESTION_LIMIT) {
      if (typeof prefix !== 'string') throw new PostinoError('invalid-input', 'prefix must be a string', { field: 'prefix' });
      if (!Number.isInteger(limit) || limit < 1) throw new PostinoError('invalid-input', 'limit must be a whole number from 1', { field: 'limit' });
      const wanted = prefix.trim();
      if (wanted === '') return [];
      store.write(() => catchUpAddressBook(store.db), () => null);
      return suggestAddresses(store.db, wanted, Math.min(limit, MAX_SUGGESTIONS), now());
    },
    async draftForMessage(messageId) {
      return draftOfMessage(store.db, validateMessageId(messageId))?.draft ?? null;
    },

    uploadDrafts,
    close: () => clearInterval(timer),
  };
}

/** Removes a draft and queues the removal of its server copy; returns the account whose runner must wake. */
function discard(db: Db, draftId: string, now: number): string | null {
  const record = deleteDraft(db, draftId);
  const copy = record?.server;
  if (!record || !copy || copy.uid === null) return null;
  const spec = { kind: 'expunge' as const, payload: { locations: [{ folderId: copy.folderId, uid: copy.uid }] } };
  insertTask(db, { accountId: record.draft.accountId, action: 'save-draft', batchId: null, spec }, now);
  return record.draft.accountId;
}
