import type { MessageDetail, MessagePage, MessageQuery } from '../types';

export interface MessagesApi {
  list(query: MessageQuery): Promise<MessagePage>;
  /** Opens a message: served from the cache, its body fetched from the server when not cached yet. */
  get(id: number): Promise<MessageDetail>;
  /** Returns an attachment's bytes, base64-encoded, fetching and caching it on first use. */
  attachment(attachmentId: number): Promise<{ filename: string; contentType: string; base64: string }>;
}

export const MESSAGES_METHODS = ['list', 'get', 'attachment'] as const satisfies ReadonlyArray<keyof MessagesApi>;
