/** Checks a draft coming over the bridge: every field has its type, so nothing malformed reaches the store. */
import { PostinoError } from '../../shared/errors';
import type { Draft, DraftAttachment } from '../../shared/api/compose';
import type { Address } from '../../shared/types';

const invalid = (field: string, message: string): PostinoError => new PostinoError('invalid-input', message, { field });

function isAddress(value: unknown): value is Address {
  const candidate = value as Address;
  return (
    typeof value === 'object' && value !== null && typeof candidate.name === 'string' && typeof candidate.address === 'string' &&
    /^[^\s@]+@[^\s@]+$/.test(candidate.address)
  );
}

function addresses(value: unknown, field: string): Address[] {
  if (!Array.isArray(value) || !value.every(isAddress)) throw invalid(field, `${field} must be a list of addresses`);
  return value.map((address) => ({ name: address.name, address: address.address.trim() }));
}

function attachment(value: unknown, index: number): DraftAttachment {
  const a = value as DraftAttachment;
  const field = `attachments.${index}`;
  if (typeof value !== 'object' || value === null || typeof a.filename !== 'string' || typeof a.contentType !== 'string' || typeof a.base64 !== 'string') {
    throw invalid(field, 'An attachment has a file name, a content type and base64 content');
  }
  if (a.contentId !== undefined && typeof a.contentId !== 'string') throw invalid(field, 'contentId must be a string');
  return { filename: a.filename, contentType: a.contentType, base64: a.base64, ...(a.contentId ? { contentId: a.contentId } : {}) };
}

/** Checks a message id coming over the bridge (whether it is cached is for the caller to find out). */
export function validateMessageId(value: unknown): number {
  if (!Number.isSafeInteger(value)) throw invalid('messageId', 'messageId must be a message id');
  return value as number;
}

export function validateDraft(value: unknown): Draft {
  const d = value as Draft;
  if (typeof value !== 'object' || value === null) throw invalid('draft', 'A draft is an object');
  if (typeof d.draftId !== 'string' || d.draftId.length === 0 || d.draftId.length > 200) throw invalid('draftId', 'draftId must be a non-empty string');
  if (typeof d.accountId !== 'string') throw invalid('accountId', 'accountId must be a string');
  if (!Number.isSafeInteger(d.revision) || d.revision < 0) throw invalid('revision', 'revision must be a whole number from 0');
  if (d.from !== undefined && !isAddress(d.from)) throw invalid('from', 'from must be an address');
  if (typeof d.subject !== 'string') throw invalid('subject', 'subject must be a string');
  if (typeof d.html !== 'string') throw invalid('html', 'html must be a string');
  if (!Array.isArray(d.attachments)) throw invalid('attachments', 'attachments must be a list');
  const replyTo = d.replyTo;
  if (replyTo !== undefined && (!Number.isSafeInteger(replyTo.messageId) || (replyTo.kind !== 'reply' && replyTo.kind !== 'forward'))) {
    throw invalid('replyTo', 'replyTo names a cached message and whether this is a reply or a forward');
  }
  return {
    draftId: d.draftId,
    accountId: d.accountId,
    revision: d.revision,
    ...(d.from ? { from: { name: d.from.name, address: d.from.address.trim() } } : {}),
    to: addresses(d.to, 'to'),
    cc: addresses(d.cc, 'cc'),
    bcc: addresses(d.bcc, 'bcc'),
    subject: d.subject,
    html: d.html,
    attachments: d.attachments.map(attachment),
    ...(replyTo ? { replyTo: { messageId: replyTo.messageId, kind: replyTo.kind } } : {}),
  };
}
