/** Turns imapflow's FETCH row into Postino's HeaderRecord: the one place that knows imapflow's message shape. */
import type { FetchMessageObject, FetchQueryObject, MessageAddressObject } from 'imapflow';
import libmime from 'libmime';
import type { Address } from '../../shared/types';
import type { HeaderRecord } from '../sync/sink';
import { describeStructure } from './bodyStructure';

/** FLAGS ENVELOPE INTERNALDATE RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (REFERENCES)]; MODSEQ comes with CONDSTORE. */
export const HEADER_QUERY: FetchQueryObject = {
  uid: true,
  flags: true,
  envelope: true,
  internalDate: true,
  size: true,
  bodyStructure: true,
  headers: ['references'],
};

/** HEADER_QUERY as the items of a UID FETCH command, for the header stream (ops/streamHeaders.ts). */
export const HEADER_ITEMS = 'UID FLAGS ENVELOPE INTERNALDATE RFC822.SIZE BODYSTRUCTURE BODY.PEEK[HEADER.FIELDS (REFERENCES)]';

/** The fields of a FETCH response toHeaderRecord reads, from imapflow's parser or from the header stream's. */
export type HeaderFetch = Pick<FetchMessageObject, 'uid'> &
  Partial<Pick<FetchMessageObject, 'flags' | 'modseq' | 'internalDate' | 'size' | 'envelope' | 'bodyStructure' | 'headers'>>;

export function toHeaderRecord(message: HeaderFetch): HeaderRecord {
  const envelope = message.envelope ?? {};
  const { textParts, attachments } = describeStructure(message.bodyStructure);
  return {
    uid: message.uid,
    flags: persistentFlags(message.flags),
    modseq: message.modseq?.toString() ?? null,
    internalDate: toEpoch(message.internalDate) ?? 0,
    size: message.size ?? 0,
    date: toEpoch(envelope.date),
    subject: decodeLeftoverWords(envelope.subject ?? ''),
    from: toAddresses(envelope.from)[0] ?? null,
    to: toAddresses(envelope.to),
    cc: toAddresses(envelope.cc),
    bcc: toAddresses(envelope.bcc),
    replyTo: toAddresses(envelope.replyTo),
    messageIdHeader: envelope.messageId?.trim() || null,
    inReplyTo: firstMessageId(envelope.inReplyTo),
    references: messageIdsIn(message.headers?.toString('latin1') ?? ''),
    textParts,
    attachments,
    preview: null,
  };
}

/** \Recent belongs to one session (RFC 3501 §2.3.2), so caching it would make every other session's view differ. */
export function persistentFlags(flags: Set<string> | undefined): string[] {
  return flags ? [...flags].filter((flag) => flag !== '\\Recent') : [];
}

function toEpoch(value: Date | string | undefined): number | null {
  if (value === undefined) return null;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isFinite(ms) ? ms : null;
}

function toAddresses(list: MessageAddressObject[] | undefined): Address[] {
  if (!list) return [];
  return list
    .filter((entry) => entry.address || entry.name)
    .map((entry) => ({ name: decodeLeftoverWords(entry.name ?? ''), address: entry.address ?? '' }));
}

/**
 * imapflow decodes RFC 2047 words in the envelope, but a mailer that folds an encoded word badly or puts it inside
 * quotes leaves "=?utf-8?…?=" behind; decoding twice is harmless on already-decoded text.
 */
function decodeLeftoverWords(text: string): string {
  return text.includes('=?') ? libmime.decodeWords(text) : text;
}

/** Message-IDs ("<…>") in the References header, in order; folding and comments between them are ignored. */
function messageIdsIn(headerBlock: string): string[] {
  const value = headerBlock.replace(/^references:/i, '');
  return value.match(/<[^<>\s]+>/g) ?? [];
}

function firstMessageId(value: string | undefined): string | null {
  if (!value) return null;
  return value.match(/<[^<>\s]+>/)?.[0] ?? (value.trim() || null);
}
