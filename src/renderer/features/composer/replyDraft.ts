/**
 * What Reply, Reply all and Forward put in a new message: the subject with one "Re:"/"Fwd:", the recipients, and
 * the original quoted below an empty first line. The core adds In-Reply-To and References from `replyTo`.
 */
import type { Address, MessageDetail } from '../../../shared/types';
import { toRecipient, type Recipient } from './addresses';

export type ResponseKind = 'reply' | 'replyAll' | 'forward' | 'forwardAsAttachment';

// Prefixes other clients put in front, in the languages Postino speaks and the ones users meet most:
// Re/R (Italian Outlook), Aw (German), Sv (Nordic); Fwd/Fw/I (Italian Outlook's "Inoltra").
const REPLY_PREFIX = /^\s*(re|r|aw|sv)\s*(\[\d+\])?\s*:/i;
const FORWARD_PREFIX = /^\s*(fwd?|i)\s*:/i;

export function replySubject(subject: string): string {
  return REPLY_PREFIX.test(subject) ? subject.trim() : `Re: ${subject.trim()}`;
}

export function forwardSubject(subject: string): string {
  return FORWARD_PREFIX.test(subject) ? subject.trim() : `Fwd: ${subject.trim()}`;
}

const same = (a: Address, b: Address): boolean => a.address.toLowerCase() === b.address.toLowerCase();
const isOwn = (address: Address, own: readonly string[]): boolean => own.some((mine) => mine.toLowerCase() === address.address.toLowerCase());

function distinct(addresses: readonly Address[]): Address[] {
  return addresses.filter((address, index) => addresses.findIndex((other) => same(other, address)) === index);
}

/**
 * Reply goes to Reply-To when the sender set one, else to From; a reply to the user's own message (from Sent)
 * goes to its recipients again. Reply all adds every other recipient in Cc, never the user's own addresses.
 */
export function replyRecipients(message: MessageDetail, ownAddresses: readonly string[], all: boolean): { to: Recipient[]; cc: Recipient[] } {
  const fromSelf = message.from !== null && isOwn(message.from, ownAddresses);
  const primary = fromSelf ? message.to : message.replyTo.length > 0 ? message.replyTo : message.from ? [message.from] : [];
  const to = distinct(primary);
  const cc = all ? distinct([...(fromSelf ? [] : message.to), ...message.cc]).filter((address) => !isOwn(address, ownAddresses) && !to.some((other) => same(other, address))) : [];
  return { to: to.map(toRecipient), cc: cc.map(toRecipient) };
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Plain text as HTML the editor keeps: escaped, line breaks kept. */
export function textToHtml(text: string): string {
  return escapeHtml(text).replace(/\r?\n/g, '<br>');
}

/** The original below a reply: "On …, … wrote:" then the body in a cite blockquote (what mail clients fold). */
export function quoteForReply(attribution: string, bodyHtml: string): string {
  return `<p><br></p><p>${escapeHtml(attribution)}</p><blockquote type="cite">${bodyHtml}</blockquote>`;
}

export interface ForwardHeader {
  title: string;
  rows: Array<[label: string, value: string]>;
}

/** The original inline below a forward, after a block naming its sender, date, subject and recipients. */
export function quoteForForward(header: ForwardHeader, bodyHtml: string): string {
  const rows = header.rows.filter(([, value]) => value !== '').map(([label, value]) => `${escapeHtml(label)}: ${escapeHtml(value)}`);
  return `<p><br></p><p>${escapeHtml(header.title)}<br>${rows.join('<br>')}</p><p><br></p><div>${bodyHtml}</div>`;
}
