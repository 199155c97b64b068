/**
 * The one contract between the renderer and the core. The preload bridge, the web-mode WebSocket bridge and
 * the core's handlers are all typed from it, so a missing or mistyped handler fails to compile.
 */
import type { Result } from '../errors';
import type { AccountStatus, ChangeRecord, MessageSummary } from '../types';
import type { MailNotification } from '../notifications';
import type { ScheduleStatus } from '../schedule';
import { ACCOUNTS_METHODS, type AccountsApi } from './accounts';
import { ACTIONS_METHODS, type ActionFailedEvent, type ActionsApi } from './actions';
import { ACTIVITY_METHODS, type ActivityApi } from './activity';
import { COMPOSE_METHODS, type ComposeApi } from './compose';
import { FOLDERS_METHODS, type FoldersApi } from './folders';
import { MESSAGES_METHODS, type MessagesApi } from './messages';
import { SETTINGS_METHODS, type SettingsApi } from './settings';
import { SYNC_METHODS, type SyncApi } from './sync';

export interface PostinoApi {
  accounts: AccountsApi;
  folders: FoldersApi;
  messages: MessagesApi;
  sync: SyncApi;
  settings: SettingsApi;
  activity: ActivityApi;
  actions: ActionsApi;
  compose: ComposeApi;
}

export type Domain = keyof PostinoApi;

export const API_METHODS = {
  accounts: ACCOUNTS_METHODS,
  folders: FOLDERS_METHODS,
  messages: MESSAGES_METHODS,
  sync: SYNC_METHODS,
  settings: SETTINGS_METHODS,
  activity: ACTIVITY_METHODS,
  actions: ACTIONS_METHODS,
  compose: COMPOSE_METHODS,
} as const satisfies { [D in Domain]: ReadonlyArray<keyof PostinoApi[D]> };

/** "messages:list" and so on: derived, never typed by hand. */
export type Channel = {
  [D in Domain]: `${D}:${(typeof API_METHODS)[D][number] & string}`;
}[Domain];

export function channelsOf(): Channel[] {
  return (Object.keys(API_METHODS) as Domain[]).flatMap((domain) =>
    API_METHODS[domain].map((method) => `${domain}:${method}` as Channel),
  );
}

/** Events pushed from the core to every renderer. */
export interface EventMap {
  'store:changed': ChangeRecord;
  'sync:status': AccountStatus;
  'mail:new': { accountId: string; folderId: number; messages: MessageSummary[] };
  'schedule:changed': ScheduleStatus;
  /** New mail worth telling the user about, already filtered (Junk, own mail, paused) and grouped. */
  'mail:notify': MailNotification;
  /**
   * The desktop shell asks the page to open a message the user clicked in a notification (in web mode the page
   * shows its own notifications and needs no event). The folder to select; null selects the unified Inbox.
   */
  'ui:openMessage': { messageId: number; folderId: number | null };
  /** The server refused a queued action: the cache was put back; says which messages and why. */
  'actions:failed': ActionFailedEvent;
}

export type EventName = keyof EventMap;
export const EVENT_NAMES = ['store:changed', 'sync:status', 'mail:new', 'schedule:changed', 'mail:notify', 'ui:openMessage', 'actions:failed'] as const satisfies ReadonlyArray<EventName>;

/** What the renderer calls, whatever the host: built by src/renderer/lib/bridge.ts from a PostinoTransport. */
export interface PostinoBridge {
  invoke<C extends Channel>(channel: C, ...args: ChannelArgs<C>): Promise<ChannelResult<C>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/**
 * What a host hands the renderer before the bridge (src/renderer/lib/bridge.ts) turns it into a PostinoBridge:
 * the Electron preload's `window.postino`, or the web-mode WebSocket client. Requests answer with the Result
 * envelope because contextBridge copies an Error's message but drops its `code`.
 */
export interface PostinoTransport {
  invoke(channel: Channel, ...args: unknown[]): Promise<Result<unknown>>;
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

type MethodOf<C extends string> = C extends `${infer D}:${infer M}`
  ? D extends Domain
    ? M extends keyof PostinoApi[D]
      ? PostinoApi[D][M]
      : never
    : never
  : never;

export type ChannelArgs<C extends Channel> = MethodOf<C> extends (...args: infer A) => unknown ? A : never;
export type ChannelResult<C extends Channel> = MethodOf<C> extends (...args: never[]) => Promise<infer R> ? R : never;
