import type { MessageDetail, MessageFilter, MessagePage, MessageQuery } from '../types';

/**
 * A whole list, for acting on a selection that may reach rows never loaded ("select all in the folder"). With
 * `threaded` each listed conversation stands for all its messages in its folder (a search lists messages, so it
 * never expands). `only` keeps just these listed rows; `except` leaves these listed rows out.
 */
export interface MessageIdsQuery {
  folderId?: number;
  unifiedInbox?: boolean;
  threaded?: boolean;
  filter?: MessageFilter;
  only?: number[];
  except?: number[];
}

export interface MessagesApi {
  list(query: MessageQuery): Promise<MessagePage>;
  /** Opens a message: served from the cache, its body fetched from the server when not cached yet. */
  get(id: number): Promise<MessageDetail>;
  /** Returns an attachment's bytes, base64-encoded, fetching and caching it on first use. */
  attachment(attachmentId: number): Promise<{ filename: string; contentType: string; base64: string }>;
  /** The ids of every message the list holds (see MessageIdsQuery), in no set order: what an action takes. */
  listIds(query: MessageIdsQuery): Promise<number[]>;
}

export const MESSAGES_METHODS = ['list', 'get', 'attachment', 'listIds'] as const satisfies ReadonlyArray<keyof MessagesApi>;
