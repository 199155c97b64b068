/**
 * ENVELOPE and BODYSTRUCTURE (RFC 3501 §7.4.2) from the header stream's plain tokens (responseReader.ts) into the
 * objects imapflow gives for them, following imapflow's own readers (tools.js `parseEnvelope`,
 * `parseBodystructure`) field for field, so a header means the same on either path (envelopeReader.test.ts compares
 * the readers, tests/integration/headerStream.test.ts whole folders). What differs is cost: RFC 2047 decoding, which imapflow runs on every name,
 * subject and parameter, runs here only on text that holds an encoded word (libmime changes nothing else).
 */
import type { MessageAddressObject, MessageEnvelopeObject, MessageStructureObject } from 'imapflow';
import { getStructuredParams } from 'imapflow/lib/tools.js';
import libmime from 'libmime';
import type { Token } from './responseReader';

/** A string value as text: a literal is UTF-8 bytes, NIL and lists are nothing. */
export function textOf(token: Token | undefined): string {
  if (typeof token === 'string') return token;
  return Buffer.isBuffer(token) ? token.toString() : '';
}

/** imapflow tests a token for presence: only NIL (and a missing position) is absent, an empty string is not. */
const present = (token: Token | undefined): token is Exclude<Token, null> => token !== null && token !== undefined;

function decodeWords(text: string): string {
  return text.includes('=?') ? libmime.decodeWords(text) : text;
}

/** tools.js decodeText: encoded words, then the quotes some servers leave around a name. */
function decodeName(text: string): string {
  const value = decodeWords(text);
  return value.length > 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}

/** imapflow's test of an envelope field (`entry && entry.value`): a non-empty string, or any literal, even empty. */
const filled = (token: Token | undefined): boolean => (typeof token === 'string' ? token !== '' : Buffer.isBuffer(token));

export function readEnvelope(fields: Token[]): MessageEnvelopeObject {
  const envelope: MessageEnvelopeObject = {};
  if (filled(fields[0])) {
    const date = textOf(fields[0]);
    const parsed = new Date(date);
    envelope.date = Number.isNaN(parsed.getTime()) ? date : parsed;
  }
  if (filled(fields[1])) envelope.subject = decodeWords(textOf(fields[1]));
  const lists = { from: fields[2], sender: fields[3], replyTo: fields[4], to: fields[5], cc: fields[6], bcc: fields[7] };
  for (const [name, list] of Object.entries(lists)) {
    if (Array.isArray(list) && list.length > 0) envelope[name as keyof typeof lists] = readAddresses(list);
  }
  if (filled(fields[8])) envelope.inReplyTo = textOf(fields[8]).trim();
  if (filled(fields[9])) envelope.messageId = textOf(fields[9]).trim();
  return envelope;
}

function readAddresses(list: Token[]): MessageAddressObject[] {
  const addresses: MessageAddressObject[] = [];
  for (const entry of list) {
    if (!Array.isArray(entry)) continue;
    const name = decodeName(textOf(entry[0]));
    const mailbox = textOf(entry[2]);
    const host = textOf(entry[3]);
    // RFC 9051 §7.5.2: a NIL host marks group syntax; the group's name is a display name, not an address.
    const address = host ? { name, address: `${mailbox}@${host}` } : { name: name || (mailbox && decodeName(mailbox)), address: '' };
    if (address.name || address.address) addresses.push(address);
  }
  return addresses;
}

export function readBodyStructure(root: Token[]): MessageStructureObject {
  return readPart(root, []);
}

function readPart(node: Token[], path: number[]): MessageStructureObject {
  const part: MessageStructureObject = { type: '' };
  if (path.length > 0) part.part = path.join('.');
  let i = 0;
  if (Array.isArray(node[0])) {
    const childNodes: MessageStructureObject[] = [];
    for (; Array.isArray(node[i]); i++) childNodes.push(readPart(node[i] as Token[], [...path, childNodes.length + 1]));
    part.childNodes = childNodes;
    part.type = `multipart/${textOf(node[i++]).toLowerCase()}`;
    const parameters = node[i++];
    if (present(parameters)) part.parameters = readParameters(parameters);
  } else {
    part.type = `${textOf(node[i++]).toLowerCase()}/${textOf(node[i++]).toLowerCase()}`;
    const parameters = node[i++];
    if (present(parameters)) part.parameters = readParameters(parameters);
    if (present(node[i])) part.id = textOf(node[i]);
    i++;
    if (present(node[i])) part.description = textOf(node[i]);
    i++;
    if (present(node[i])) part.encoding = textOf(node[i]).toLowerCase();
    i++;
    if (present(node[i])) part.size = Number(textOf(node[i])) || 0;
    i++;
    if (part.type === 'message/rfc822') {
      const envelope = node[i++];
      if (Array.isArray(envelope)) part.envelope = readEnvelope(envelope);
      // The attached message's structure keeps its wrapper's part number (BODY[2.1] is its first part).
      const inner = node[i++];
      if (Array.isArray(inner)) part.childNodes = [readPart(inner, path)];
      if (present(node[i])) part.lineCount = Number(textOf(node[i])) || 0;
      i++;
    }
    // Text parts carry a line count, which some servers leave out: then the next value is already the extension data.
    const lineCountMissing = node.length === 11 && Array.isArray(node[i + 1]) && !Array.isArray(node[i + 2]);
    if (part.type.startsWith('text/') && !lineCountMissing) {
      if (present(node[i])) part.lineCount = Number(textOf(node[i])) || 0;
      i++;
    }
    if (i < node.length) {
      if (present(node[i])) part.md5 = textOf(node[i]).toLowerCase();
      i++;
    }
  }
  if (i < node.length) {
    const disposition = node[i];
    if (Array.isArray(disposition) && disposition.length > 0) {
      part.disposition = textOf(disposition[0]).toLowerCase();
      if (Array.isArray(disposition[1])) part.dispositionParameters = readParameters(disposition[1]);
    }
    i++;
  }
  if (i < node.length) {
    const language = node[i];
    if (present(language)) part.language = (Array.isArray(language) ? language : [language]).map((value) => textOf(value).toLowerCase());
    i++;
  }
  if (i < node.length && present(node[i])) part.location = textOf(node[i]);
  return part;
}

/** An RFC 2231 name ("filename*", "filename*0*") or a 2231 value in a plain filename: imapflow's full reading. */
const NEEDS_FULL_READING = /\*|^(?:__proto__|constructor|prototype)$/;
const PLAIN_FILENAME_2231 = /^[a-z\-_0-9]+'[a-z]*'[^'\x00-\x08\x0b\x0c\x0e-\x1f\u0080-\uffff]+/;

/** `("charset" "utf-8" "name" "a.pdf")` as `{ charset: 'utf-8', name: 'a.pdf' }`, keys lower-cased. */
function readParameters(token: Token): Record<string, string> {
  const list = Array.isArray(token) ? token : [token];
  const parameters: Record<string, string> = {};
  for (let j = 0; j + 1 < list.length; j += 2) {
    const key = textOf(list[j]).toLowerCase();
    const value = textOf(list[j + 1]);
    if (NEEDS_FULL_READING.test(key) || (key === 'filename' && PLAIN_FILENAME_2231.test(value))) {
      return getStructuredParams(list.map((entry) => ({ type: 'STRING', value: textOf(entry) })));
    }
    parameters[key] = decodeWords(value);
  }
  return parameters;
}
