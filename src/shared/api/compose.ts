import type { Address } from '../types';

export interface DraftAttachment {
  filename: string;
  contentType: string;
  /** The file's bytes, base64-encoded (JSON and contextBridge carry no binary). */
  base64: string;
  /** Set for an image shown inside the HTML as `<img src="cid:…">`; such an attachment is sent inline. */
  contentId?: string;
}

/** A message being written. The composer owns `draftId` (any unique string, e.g. a UUID) and `revision`. */
export interface Draft {
  draftId: string;
  accountId: string;
  /**
   * Counts up with every change the composer makes. A save with a revision lower than (or equal to) the stored
   * one is ignored: an older copy arriving late never replaces a newer one.
   */
  revision: number;
  /** One of the account's addresses; the account's own address when omitted. */
  from?: Address;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  subject: string;
  /** The body as HTML; the text alternative is generated from it. */
  html: string;
  attachments: DraftAttachment[];
  /** The cached message this answers or forwards: sets In-Reply-To/References, then \Answered or $Forwarded. */
  replyTo?: { messageId: number; kind: 'reply' | 'forward' };
}

export interface SavedDraft {
  draftId: string;
  /** The revision now stored: the one given, or a newer one already there. */
  revision: number;
  savedAt: number;
}

export interface SendOptions {
  /** Epoch ms: send later. */
  sendAt?: number;
  /** How long `cancelSend` stays possible; default 5000 ms. */
  undoDelayMs?: number;
}

/**
 * - queued: waiting for its time (or for the server to be reachable again)
 * - sending: talking to the server, the message's bytes not sent yet
 * - sent: the server accepted it
 * - sent-unconfirmed: the connection dropped after the message was transmitted; the server may or may not have
 *   it, so it is never sent again without the user's explicit retry
 * - failed: the server refused it; `error` says why
 * - cancelled: the user took it back within the undo delay
 */
export type OutboxState = 'queued' | 'sending' | 'sent' | 'sent-unconfirmed' | 'failed' | 'cancelled';

export interface OutboxEntry {
  id: number;
  accountId: string;
  draftId: string;
  subject: string;
  to: Address[];
  /** The stable Message-ID header of the message, the same on every attempt. */
  messageIdHeader: string;
  state: OutboxState;
  /** Epoch ms when it goes (or went) out. */
  sendAt: number;
  sentAt: number | null;
  error: { code: string; message: string } | null;
}

export interface ComposeApi {
  /** Stores the draft locally at once; its copy in the server's Drafts folder follows in the background. */
  saveDraft(draft: Draft): Promise<SavedDraft>;
  getDraft(draftId: string): Promise<Draft>;
  listDrafts(accountId?: string): Promise<Draft[]>;
  /** The composer closed: copy the draft to the server's Drafts folder now rather than at the next periodic upload. */
  closeDraft(draftId: string): Promise<void>;
  /** Removes the draft, here and from the server's Drafts folder. */
  discardDraft(draftId: string): Promise<void>;
  /** Builds the message, puts it in the outbox and sends it after the undo delay (or at `sendAt`). */
  send(draft: Draft, options?: SendOptions): Promise<OutboxEntry>;
  /**
   * Takes a message back: a queued one before it goes, or a failed or unconfirmed one instead of retrying it. It
   * becomes a draft again, which is returned (to edit it, or to discard it).
   */
  cancelSend(outboxId: number): Promise<Draft>;
  /** The user's explicit retry of a failed or unconfirmed message. */
  retrySend(outboxId: number): Promise<OutboxEntry>;
  listOutbox(accountId?: string): Promise<OutboxEntry[]>;
  /**
   * Addresses seen in cached mail whose address or name starts with `prefix` (any case), best first: the ones the
   * user wrote to most and most recently lead. At most `limit` (default 8, at most 50); none for an empty prefix.
   */
  suggestAddresses(prefix: string, limit?: number): Promise<Address[]>;
  /** The draft a message in the Drafts folder is the server copy of; null for a draft written elsewhere. */
  draftForMessage(messageId: number): Promise<Draft | null>;
  /**
   * Forward as attachment: the cached message's complete source, fetched from its server, as a `message/rfc822`
   * attachment named after its subject. `offline` when the server cannot be reached.
   */
  originalAsAttachment(messageId: number): Promise<DraftAttachment>;
  /**
   * The addresses the cached message was delivered to, from its Delivered-To and X-Original-To headers on the
   * server: where a reply looks when To and Cc name none of the user's addresses (Bcc, lists). `offline` when the
   * server cannot be reached.
   */
  deliveredTo(messageId: number): Promise<string[]>;
}

export const COMPOSE_METHODS = [
  'saveDraft',
  'getDraft',
  'listDrafts',
  'closeDraft',
  'discardDraft',
  'send',
  'cancelSend',
  'retrySend',
  'listOutbox',
  'suggestAddresses',
  'draftForMessage',
  'originalAsAttachment',
  'deliveredTo',
] as const satisfies ReadonlyArray<keyof ComposeApi>;
