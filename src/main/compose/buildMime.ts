/**
 * Builds the MIME message of a draft with nodemailer's MailComposer: RFC 2047 words for a non-ASCII subject and
 * display names, RFC 2231 for attachment names, a text/plain alternative generated from the HTML, and inline
 * images referenced by cid. The Message-ID is made here once and stored with the outbox row, so every attempt
 * (and the copy in Sent) carries the same one and a receiving server can recognise a duplicate.
 */
import { randomUUID } from 'node:crypto';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { Draft } from '../../shared/api/compose';
import type { Address } from '../../shared/types';
import { htmlToText } from '../sync/htmlToText';

/** What the message answers: from the cached original (RFC 5322 §3.6.4). */
export interface ThreadContext {
  messageIdHeader: string | null;
  references: string[];
}

export interface BuiltMessage {
  raw: Buffer;
  messageIdHeader: string;
  envelopeFrom: string;
  envelopeTo: string[];
}

export interface BuildOptions {
  from: Address;
  thread: ThreadContext | null;
  date: Date;
  /** Kept across rebuilds of the same draft (a draft's copies on the server share it); new when omitted. */
  messageIdHeader?: string;
  /** Drafts keep their Bcc so the user sees it again; a sent message never shows it to its recipients. */
  keepBcc?: boolean;
}

const toMailAddress = (address: Address): Mail.Address => ({ name: address.name, address: address.address });

export function newMessageIdHeader(fromAddress: string): string {
  const domain = fromAddress.split('@')[1] || 'postino.invalid';
  return `<${randomUUID()}@${domain}>`;
}

export async function buildMime(draft: Draft, options: BuildOptions): Promise<BuiltMessage> {
  const messageIdHeader = options.messageIdHeader ?? newMessageIdHeader(options.from.address);
  const thread = options.thread;
  // References: the original's References plus its own Message-ID (RFC 5322 §3.6.4), In-Reply-To: its id alone.
  const references = thread?.messageIdHeader ? [...thread.references, thread.messageIdHeader] : [];
  const composer = new MailComposer({
    from: toMailAddress(options.from),
    to: draft.to.map(toMailAddress),
    cc: draft.cc.map(toMailAddress),
    bcc: draft.bcc.map(toMailAddress),
    subject: draft.subject,
    html: draft.html,
    text: htmlToText(draft.html),
    date: options.date,
    messageId: messageIdHeader,
    ...(draft.replyTo?.kind === 'reply' && thread?.messageIdHeader ? { inReplyTo: thread.messageIdHeader, references } : {}),
    ...(draft.replyTo?.kind === 'forward' && references.length > 0 ? { references } : {}),
    attachments: draft.attachments.map((attachment) => ({
      filename: attachment.filename,
      contentType: attachment.contentType,
      content: Buffer.from(attachment.base64, 'base64'),
      ...(attachment.contentId ? { cid: attachment.contentId, contentDisposition: 'inline' as const } : {}),
      // nodemailer shows a message/* part inline by default; a forwarded message is a file the recipient opens.
      ...(/^message\/rfc822$/i.test(attachment.contentType) && !attachment.contentId ? { contentDisposition: 'attachment' as const } : {}),
    })),
  });
  const root = composer.compile();
  root.keepBcc = options.keepBcc === true;
  const raw = await root.build();
  return {
    raw,
    messageIdHeader,
    envelopeFrom: options.from.address,
    envelopeTo: [...draft.to, ...draft.cc, ...draft.bcc].map((address) => address.address),
  };
}
