/**
 * The outbox: sends queued messages per account, oldest first, once their time has come (the undo delay or a
 * chosen time), waiting with widening delays while the server cannot be reached. Each message's state is
 * committed before its bytes go out after DATA and again once the server answered, so a crash or a dropped
 * connection never makes Postino send a message twice on its own: a message whose fate is unknown becomes
 * `sent-unconfirmed` and waits for the user's retry.
 */
import { PostinoError } from '../../shared/errors';
import type { ChangeRecord } from '../../shared/types';
import type { SmtpEndpoint } from '../smtp/connect';
import { recordSmtpMaxSize } from '../store/accounts';
import type { Store } from '../store/store';
import {
  accountsWithQueuedMail,
  firstQueued,
  outboxDraft,
  outboxMime,
  recoverInterruptedSends,
  transitionOutbox,
  type OutboxRecord,
} from '../store/outbox';
import { UNREACHABLE } from '../sync/accountStatus';
import { createLanes, retryDelay } from '../tasks/lanes';
import { enqueueAfterSend } from './afterSend';
import { submitMessage, SubmissionError, type SubmissionResult } from './smtpSend';

export const DEFAULT_SEND_RETRY_DELAYS_MS: readonly number[] = [5_000, 15_000, 30_000, 60_000, 120_000, 300_000];

export interface OutboxDeps {
  store: Store;
  smtpEndpointFor(accountId: string): Promise<SmtpEndpoint>;
  /** Wakes the task runner for the Sent copy and the \Answered flag that follow a send. */
  kickTasks(accountId: string): void;
  now?: () => number;
  retryDelaysMs?: readonly number[];
  sendTimeoutMs?: number;
  log?: Pick<Console, 'warn'>;
}

export interface Outbox {
  /** Recovers messages interrupted by a crash and schedules every queued message. Call once at start-up. */
  start(): void;
  /** A message was queued (or released for retry): look at the account's queue. */
  kick(accountId: string): void;
  /** Resolves once the account has nothing queued that is due (later `sendAt` messages do not count). */
  drained(accountId: string): Promise<void>;
  /** Stops scheduling; resolves once a send in progress has recorded its outcome. */
  close(): Promise<void>;
}

export function createOutbox(deps: OutboxDeps): Outbox {
  const { store } = deps;
  const now = deps.now ?? Date.now;
  const log = deps.log ?? console;
  const delays = deps.retryDelaysMs ?? DEFAULT_SEND_RETRY_DELAYS_MS;

  const change = (id: number): ChangeRecord => ({ entity: 'outbox', kind: 'update', ids: [id] });
  const move = (record: OutboxRecord, from: Parameters<typeof transitionOutbox>[2], to: Parameters<typeof transitionOutbox>[3], fields = {}) =>
    store.write(() => transitionOutbox(store.db, record.id, from, to, fields), (moved) => (moved ? change(record.id) : null));

  const sent = (record: OutboxRecord, result: SubmissionResult): void => {
    // Sent, but not to everyone: the message stays `sent` and says who was refused.
    const error =
      result.rejected.length > 0 ? { code: 'smtp-failed', message: `The server refused these recipients: ${result.rejected.join(', ')}` } : null;
    const after = store.write(
      () => {
        // From `sending` too: the server's 250 is the proof, whatever this process managed to record before it.
        transitionOutbox(store.db, record.id, ['sending', 'in-data'], 'sent', { sentAt: now(), smtpResponse: result.response, error });
        return enqueueAfterSend(store.db, { outboxId: record.id, accountId: record.accountId, draft: outboxDraft(store.db, record.id) }, now());
      },
      (): ChangeRecord => change(record.id),
    );
    // One change record per transaction: the answered original is announced by an empty one of its own.
    if (after.flaggedIds.length > 0) store.write(() => null, () => ({ entity: 'message', kind: 'update', ids: after.flaggedIds }));
    // The first send (or one after the provider changed it) teaches the composer the server's size limit.
    recordSmtpMaxSize(store, record.accountId, result.maxSize);
    for (const accountId of after.accountIds) deps.kickTasks(accountId);
  };

  /** Sends one due message; returns the delay before the queue should be looked at again, or null to go on. */
  const sendOne = async (record: OutboxRecord): Promise<number | null> => {
    if (!move(record, 'queued', 'sending')) return null;
    const raw = outboxMime(store.db, record.id);
    if (!raw) return null;
    try {
      const endpoint = await deps.smtpEndpointFor(record.accountId);
      const result = await submitMessage(
        endpoint,
        { from: record.envelopeFrom, to: record.envelopeTo, raw },
        { timeoutMs: deps.sendTimeoutMs, onDataStarted: () => move(record, 'sending', 'in-data') },
      );
      sent(record, result);
      return null;
    } catch (err) {
      const failure = err instanceof PostinoError ? err : new PostinoError('internal', err instanceof Error ? err.message : String(err));
      const facts = failure instanceof SubmissionError ? failure : null;
      const error = failure.toData();
      if (facts?.dataStarted && !facts.rejectedAfterData) {
        move(record, 'in-data', 'sent-unconfirmed', { error });
        return null;
      }
      // An unreachable server says "not now" rather than "no": the message stays queued and is tried again.
      const tryLater = UNREACHABLE.has(failure.code) || (facts?.responseCode !== null && facts?.responseCode !== undefined && facts.responseCode < 500);
      if (!tryLater) {
        move(record, ['sending', 'in-data'], 'failed', { error });
        return null;
      }
      const delay = retryDelay(delays, record.attempts);
      move(record, ['sending', 'in-data'], 'queued', { error, nextAttemptAt: now() + delay });
      return delay;
    }
  };

  const lanes = createLanes({
    label: 'the outbox',
    first: (accountId) => firstQueued(store.db, accountId),
    process: (_accountId, record) => sendOne(record),
    // A message waiting for its retry (or its send time) does not hold up `drained`.
    drainedWhen: 'nothing-due',
    now,
    log,
  });

  return {
    start() {
      const recovered = store.write(() => recoverInterruptedSends(store.db), () => null);
      if (recovered.unconfirmed > 0) {
        log.warn(`postino: ${recovered.unconfirmed} message(s) were being sent when Postino stopped; they wait for the user`);
      }
      for (const accountId of accountsWithQueuedMail(store.db)) void lanes.drain(accountId);
    },
    kick(accountId) {
      if (!lanes.closed) void lanes.drain(accountId);
    },
    drained: (accountId) => lanes.drained(accountId),
    close: () => lanes.close(),
  };
}
