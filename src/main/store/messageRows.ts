/** How a `messages` row becomes a MessageSummary: the column list every message read shares, and the mapping. */
import type { Address, MessageSummary } from '../../shared/types';

/** A summary as stored: addresses and flags as JSON, booleans as SQLite's 0 or 1. */
export type SummaryRow = Omit<MessageSummary, 'from' | 'to' | 'cc' | 'flags' | 'seen' | 'flagged' | 'answered' | 'hasAttachments'> & {
  fromJson: string | null;
  toJson: string;
  ccJson: string;
  flagsJson: string;
  seen: number;
  flagged: number;
  answered: number;
  hasAttachments: number;
};

/**
 * The columns of a summary, reading from `m`. With `threaded`, threadCount counts the thread's messages in the
 * row's folder: one short seek on messages_by_thread_folder per row shown, never a pass over the folder.
 */
export function summaryColumns(threaded: boolean): string {
  const threadCount = threaded
    ? '(SELECT count(*) FROM messages t WHERE t.thread_id = m.thread_id AND t.folder_id = m.folder_id)'
    : '1';
  return `m.id, m.account_id AS accountId, m.folder_id AS folderId, m.uid, m.message_id_header AS messageIdHeader,
    m.thread_id AS threadId, m.subject, m.from_json AS fromJson, m.to_json AS toJson, m.cc_json AS ccJson, m.date,
    m.size, m.flags_json AS flagsJson, m.seen, m.flagged, m.answered, m.has_attachments AS hasAttachments,
    m.snippet, ${threadCount} AS threadCount`;
}

export function toSummary(row: SummaryRow): MessageSummary {
  return {
    id: row.id,
    accountId: row.accountId,
    folderId: row.folderId,
    uid: row.uid,
    messageIdHeader: row.messageIdHeader,
    threadId: row.threadId,
    subject: row.subject,
    from: row.fromJson ? (JSON.parse(row.fromJson) as Address) : null,
    to: JSON.parse(row.toJson) as Address[],
    cc: JSON.parse(row.ccJson) as Address[],
    date: row.date,
    size: row.size,
    flags: JSON.parse(row.flagsJson) as string[],
    seen: row.seen === 1,
    flagged: row.flagged === 1,
    answered: row.answered === 1,
    hasAttachments: row.hasAttachments === 1,
    snippet: row.snippet,
    threadCount: row.threadCount,
  };
}
