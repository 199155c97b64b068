// A minimal, fast MIME writer for generated mail (RFC 5322 headers, RFC 2045/2046 bodies, RFC 2047 words).
// nodemailer's MailComposer builds the hand-written demo messages; this one builds 100,000 in a minute.

export interface Mailbox { name: string; address: string }

const nonAscii = /[^\x00-\x7f]/;

/** RFC 2047 B-encoded words; each word's UTF-8 stays under 45 bytes so the encoded word fits in 75 chars. */
export function encodeWords(text: string): string {
  if (!nonAscii.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const character of text) {
    if (Buffer.byteLength(chunk + character) > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += character;
  }
  words.push(chunk);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join('\r\n ');
}

export function formatMailbox(mailbox: Mailbox): string {
  const name = nonAscii.test(mailbox.name) ? encodeWords(mailbox.name) : `"${mailbox.name.replace(/["\\]/g, '\\$&')}"`;
  return `${name} <${mailbox.address}>`;
}

const weekdays = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const two = (value: number) => String(value).padStart(2, '0');

/** RFC 5322 date-time, in UTC (+0000). */
export function formatDate(date: Date): string {
  return `${weekdays[date.getUTCDay()]}, ${date.getUTCDate()} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ` +
    `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}

/** Base64 in 76-character lines (RFC 2045 §6.8). */
export function base64Lines(content: Buffer): string {
  const encoded = content.toString('base64');
  const lines: string[] = [];
  for (let offset = 0; offset < encoded.length; offset += 76) lines.push(encoded.slice(offset, offset + 76));
  return lines.join('\r\n');
}

export type MimePart =
  /** `flowed`: plain text sent as `format=flowed` (RFC 3676), its soft breaks written as a space before the line end. */
  | { kind: 'text'; subtype: 'plain' | 'html'; body: string; flowed?: boolean }
  | { kind: 'attachment'; filename: string; contentType: string; content: Buffer }
  | { kind: 'multipart'; subtype: 'alternative' | 'mixed'; boundary: string; parts: MimePart[] };

/** Header lines and body of one MIME part, with CRLF line ends. */
export function renderPart(part: MimePart): string {
  switch (part.kind) {
    case 'text':
      return `Content-Type: text/${part.subtype}; charset=UTF-8${part.flowed ? '; format=flowed' : ''}\r\n` +
        'Content-Transfer-Encoding: 8bit\r\n\r\n' +
        `${part.body.replace(/\r?\n/g, '\r\n')}\r\n`;
    case 'attachment': {
      // RFC 2231 would be stricter for non-ASCII names; RFC 2047 in quotes is what most clients send.
      const name = encodeWords(part.filename);
      return `Content-Type: ${part.contentType}; name="${name}"\r\nContent-Transfer-Encoding: base64\r\n` +
        `Content-Disposition: attachment; filename="${name}"\r\n\r\n${base64Lines(part.content)}\r\n`;
    }
    case 'multipart': {
      const body = part.parts.map((child) => `--${part.boundary}\r\n${renderPart(child)}`).join('');
      return `Content-Type: multipart/${part.subtype}; boundary="${part.boundary}"\r\n\r\n` +
        `This is a multi-part message in MIME format.\r\n${body}--${part.boundary}--\r\n`;
    }
  }
}

export interface MessageHeaders {
  from: Mailbox;
  to: Mailbox[];
  cc?: Mailbox[];
  subject: string;
  date: Date;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
}

export function renderMessage(headers: MessageHeaders, body: MimePart): Buffer {
  const lines = [
    `Return-Path: <${headers.from.address}>`,
    `From: ${formatMailbox(headers.from)}`,
    `To: ${headers.to.map(formatMailbox).join(',\r\n ')}`,
    ...(headers.cc?.length ? [`Cc: ${headers.cc.map(formatMailbox).join(',\r\n ')}`] : []),
    `Subject: ${encodeWords(headers.subject)}`,
    `Date: ${formatDate(headers.date)}`,
    `Message-ID: <${headers.messageId}>`,
    ...(headers.inReplyTo ? [`In-Reply-To: <${headers.inReplyTo}>`] : []),
    ...(headers.references?.length ? [`References: ${headers.references.map((id) => `<${id}>`).join('\r\n ')}`] : []),
    'MIME-Version: 1.0',
  ];
  return Buffer.from(`${lines.join('\r\n')}\r\n${renderPart(body)}`);
}
