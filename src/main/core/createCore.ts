/**
 * The composition root of the mail core (STYLE §6): builds every service from its dependencies. The Electron
 * shell and web mode both call this; nothing here imports electron, so the core runs in plain Node.
 */
import { join } from 'node:path';
import type { PostinoApi } from '../../shared/api';
import { createAccountService } from '../accounts/service';
import { createCredentials } from '../accounts/credentials';
import { systemClock, systemTimers } from '../scheduler/systemTime';
import { listFolders } from '../store/folders';
import { allowRemoteContent, getSettings, updateSettings } from '../store/settings';
import { createStore } from '../store/store';
import { createSyncSink } from '../store/syncSink';
import { createSyncEngine } from '../sync/engine';
import { createIntents } from '../tasks/intents';
import { createFileVault } from '../vault';
import { createCoreEvents } from './events';
import { startInstantMail } from './instantMail';
import { createMessagesService } from './messagesService';
import { forwardNotifications } from './notifications';
import { createScheduling } from './scheduling';
import type { Core, CoreOptions } from './types';

export const DATABASE_FILE = 'postino.sqlite';

export async function createCore(options: CoreOptions): Promise<Core> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now();
  const events = createCoreEvents();
  const store = createStore(join(options.dataDir, DATABASE_FILE), {
    now,
    checkpointInBackground: true,
    onChange: (change) => events.emit('store:changed', change),
  });
  const vault = options.vault ?? createFileVault(options.dataDir);
  const credentials = createCredentials({ store, vault });
  const accounts = createAccountService({ store, vault, ...options.accountServiceOverrides });
  const sync = createSyncEngine({
    sink: createSyncSink(store),
    endpointFor: credentials.endpointFor,
    now,
    events,
    settings: () => getSettings(store.db),
    tuning: options.syncTuning,
  });
  const scheduling = createScheduling({
    store,
    sync,
    events,
    settings: getSettings(store.db),
    clock,
    timers: options.timers ?? systemTimers,
  });
  // IDLE pushes arrive in real time: its reconnect waits and debouncing never follow a test's fake scheduler clock.
  const instantMail = startInstantMail({
    store,
    sync,
    scheduler: scheduling.scheduler,
    endpointFor: credentials.endpointFor,
    clock: systemClock,
    timers: systemTimers,
  });
  const stopNotifications = forwardNotifications({ store, events, now });
  const intents = createIntents({ store, credentials, events, now });
  // Queued actions and outgoing mail wait while an account is offline and go the moment a sync reaches it.
  const stopIntentWakeups = events.on('sync:status', (status) => {
    if (status.state === 'idle') intents.accountOnline(status.accountId);
  });
  intents.start();

  const api: PostinoApi = {
    accounts: {
      ...accounts,
      async add(input) {
        const account = await accounts.add(input);
        scheduling.scheduler.accountsChanged(); // a new account syncs at once
        return account;
      },
      async remove(id) {
        await instantMail.release(id);
        await sync.forgetAccount(id);
        await accounts.remove(id);
        scheduling.scheduler.accountsChanged();
      },
    },
    folders: { list: async (accountId) => listFolders(store.db, accountId) },
    messages: createMessagesService({ store, sync }),
    sync: scheduling.syncApi,
    settings: {
      get: async () => getSettings(store.db),
      async update(patch) {
        const settings = updateSettings(store, patch);
        scheduling.settingsChanged(settings);
        return settings;
      },
      allowRemoteContent: async (sender) => allowRemoteContent(store, sender),
    },
    activity: scheduling.activityApi,
    actions: intents.actions,
    compose: intents.compose,
  };

  return {
    api,
    events,
    sync,
    scheduler: scheduling.scheduler,
    async close() {
      stopNotifications();
      stopIntentWakeups();
      scheduling.scheduler.stop();
      await instantMail.close();
      await sync.close();
      await intents.close();
      store.close();
    },
  };
}
