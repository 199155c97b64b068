/**
 * The seam between the sync engine and the cache: the engine speaks only these calls, the store implements them
 * (src/main/store/syncSink.ts). Every call is idempotent, so a sync that dies half-way and starts again never
 * duplicates or loses a message.
 */
import type { Address, FolderRole, MessageSummary } from '../../shared/types';

/** A folder as the server lists it. */
export interface RemoteFolder {
  path: string;
  name: string;
  delimiter: string;
  parentPath: string | null;
  role: FolderRole | null;
  /** False for \Noselect / \NonExistent containers: shown in the tree, never selected. */
  selectable: boolean;
}

/** What the cache remembers of a folder between syncs (RFC 7162 state). */
export interface FolderSyncState {
  folderId: number;
  uidValidity: number | null;
  uidNext: number | null;
  /** Decimal string: HIGHESTMODSEQ is a 63-bit number. */
  highestModseq: string | null;
  lastSyncedAt: number | null;
}

export interface AttachmentPart {
  /** IMAP body part number ("2", "1.2"). */
  part: string;
  filename: string;
  contentType: string;
  size: number;
  contentId: string | null;
  inline: boolean;
}

/** Where the readable text lives inside the message, from BODYSTRUCTURE: lets the body fetch skip attachments. */
export interface TextPart {
  part: string;
  contentType: 'text/plain' | 'text/html';
  charset: string | null;
  encoding: string | null;
  size: number;
  /** text/plain with `format=flowed` (RFC 3676): soft line breaks to join when read; `delSp` from its parameter. */
  flowed?: { delSp: boolean };
}

/** One message's headers, from FETCH (ENVELOPE FLAGS INTERNALDATE RFC822.SIZE BODYSTRUCTURE + References). */
export interface HeaderRecord {
  uid: number;
  flags: string[];
  modseq: string | null;
  internalDate: number;
  size: number;
  /** Date header in epoch ms, null when missing or unparsable. */
  date: number | null;
  subject: string;
  from: Address | null;
  to: Address[];
  cc: Address[];
  bcc: Address[];
  replyTo: Address[];
  messageIdHeader: string | null;
  inReplyTo: string | null;
  references: string[];
  textParts: TextPart[];
  attachments: AttachmentPart[];
  /** RFC 8970 PREVIEW where the server offers it; else the snippet comes with the body. */
  preview: string | null;
}

/** The cached, display-ready body of one message. */
export interface ParsedBody {
  text: string | null;
  /** Already sanitised: no scripts, handlers, forms, or frames. */
  html: string | null;
  hasRemoteContent: boolean;
  snippet: string;
}

export interface FlagChange {
  uid: number;
  flags: string[];
  modseq: string | null;
}

/** Where a cached message lives on the server: what fetching its body or an attachment on demand needs. */
export interface MessageLocation {
  accountId: string;
  folderId: number;
  folderPath: string;
  uid: number;
  textParts: TextPart[];
}

export interface SyncSink {
  /** Makes the account's cached folder list equal to the server's; returns folder ids by path. */
  syncFolderList(accountId: string, folders: RemoteFolder[]): Map<string, number>;
  getFolderState(folderId: number): FolderSyncState;
  setFolderState(folderId: number, state: Partial<Omit<FolderSyncState, 'folderId'>>): void;
  /** UIDVALIDITY changed (RFC 3501 §2.3.1.1): drop every cached message of the folder, bodies included. */
  resetFolder(folderId: number, uidValidity: number): void;
  /** Inserts or updates by UID; assigns threads. Returns the ids of messages that were new to the cache. */
  applyNewMessages(folderId: number, headers: HeaderRecord[]): number[];
  applyFlagChanges(folderId: number, changes: FlagChange[]): void;
  applyExpunge(folderId: number, uids: number[]): void;
  /** Cached UIDs of a folder, ascending: the flags diff and expunge detection without QRESYNC. */
  cachedUids(folderId: number): number[];
  /** Messages newer than `sinceDate` whose body is not cached yet, newest first. */
  bodiesWanted(folderId: number, sinceDate: number, limit: number): Array<{ messageId: number; uid: number; textParts: TextPart[] }>;
  applyBody(messageId: number, body: ParsedBody): void;
  /**
   * Added for the body pass: many bodies in one transaction (a commit per body was most of the pass's time).
   * Returns the ids of the messages whose body was stored; a message expunged meanwhile is skipped.
   */
  applyBodies(bodies: ReadonlyArray<{ messageId: number; body: ParsedBody }>): number[];
  /** Added by the sync engine (reader's on-demand body and attachment fetch): null when the message is gone. */
  locateMessage(messageId: number): MessageLocation | null;
  /** Added by the sync engine: the list rows of just-arrived messages, for the `mail:new` event; unknown ids are skipped. */
  summaries(messageIds: number[]): MessageSummary[];
}
