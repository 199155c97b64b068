/**
 * Everything that turns the user's intents into server changes, built in one place for the composition root:
 * the task runner (with the APPEND step of sent mail and drafts), the outbox, and the two APIs on top.
 */
import type { ActionsApi } from '../../shared/api/actions';
import type { ComposeApi } from '../../shared/api/compose';
import type { Credentials } from '../accounts/credentials';
import { createAppendStep } from '../compose/appendStep';
import { createOriginalAttachment } from '../compose/originalAttachment';
import { createCompose, type ComposeService, type MessageServerMethods } from '../compose/service';
import { fetchDeliveredTo } from '../imap/ops/fetchDeliveredTo';
import { onMessageServer } from '../compose/messageSession';
import { connectImap } from '../imap/connect';
import { createOutbox } from '../outbox/outbox';
import type { Store } from '../store/store';
import { createActions } from './actions';
import { createTaskRunner, type TaskEvents } from './runner';

export interface IntentsDeps {
  store: Store;
  credentials: Pick<Credentials, 'endpointFor' | 'smtpEndpointFor'>;
  /** Receives `actions:failed`. */
  events: TaskEvents;
  now?: () => number;
}

export interface Intents {
  actions: ActionsApi;
  compose: ComposeService & Pick<ComposeApi, MessageServerMethods>;
  /** Resumes pending tasks and queued mail left by the previous run (messages caught mid-DATA wait for the user). */
  start(): void;
  /** The account's server answers again (the sync saw it): run its waiting tasks and mail now, not at the next retry. */
  accountOnline(accountId: string): void;
  close(): Promise<void>;
}

export function createIntents(deps: IntentsDeps): Intents {
  const { store, credentials, events } = deps;
  const now = deps.now ?? Date.now;
  const runner = createTaskRunner({
    store,
    connect: async (accountId) => connectImap(await credentials.endpointFor(accountId)),
    now,
    events,
    append: createAppendStep({ store, now }),
  });
  const outbox = createOutbox({
    store,
    smtpEndpointFor: (accountId) => credentials.smtpEndpointFor(accountId),
    kickTasks: (accountId) => runner.kick(accountId),
    now,
  });
  const messageServer = { store, connect: async (accountId: string) => connectImap(await credentials.endpointFor(accountId)) };
  const compose = {
    ...createCompose({ store, outbox, tasks: runner, now }),
    originalAsAttachment: createOriginalAttachment(messageServer),
    deliveredTo: (messageId: number) => onMessageServer(messageServer, messageId, (client, location) => fetchDeliveredTo(client, location)),
  };
  return {
    actions: createActions({ store, runner }),
    compose,
    start() {
      runner.start();
      outbox.start();
    },
    accountOnline(accountId) {
      runner.kick(accountId);
      outbox.kick(accountId);
    },
    async close() {
      compose.close();
      await outbox.close();
      await runner.close();
    },
  };
}
