/**
 * Builds the display-ready body of one message from its fetched text parts: decoded, HTML sanitised, plain text
 * derived when the message has only HTML, and a snippet for the list. Runs in the parse workers.
 */
import libmime from 'libmime';
import { decodeTextPart } from './decodePart';
import { htmlToText } from './htmlToText';
import { sanitizeHtml } from './sanitizeHtml';
import type { ParsedBody, TextPart } from './sink';

export interface RawTextPart {
  textPart: TextPart;
  content: Uint8Array;
}

const SNIPPET_LENGTH = 200;

/** Never throws: a part that cannot be decoded is read as Latin-1, which loses accents but never the message. */
export function parseBody(parts: readonly RawTextPart[]): ParsedBody {
  const plain: string[] = [];
  const html: string[] = [];
  for (const { textPart, content } of parts) {
    const decoded = safeDecode(textPart, content);
    if (!decoded.trim()) continue;
    (textPart.contentType === 'text/html' ? html : plain).push(decoded);
  }
  const sanitized = html.length > 0 ? sanitizeHtml(html.join('\n')) : null;
  const text = plain.length > 0 ? plain.join('\n\n') : html.length > 0 ? htmlToText(html.join('\n')) : null;
  return {
    text,
    html: sanitized?.html ?? null,
    hasRemoteContent: sanitized?.hasRemoteContent ?? false,
    snippet: snippetOf(text ?? ''),
  };
}

function safeDecode(textPart: TextPart, content: Uint8Array): string {
  let decoded: string;
  try {
    decoded = decodeTextPart(textPart, content);
  } catch {
    decoded = Buffer.from(content).toString('latin1');
  }
  // Flowed text is wrapped at ~72 columns with soft breaks the reader's window should re-wrap (RFC 3676 §4).
  return textPart.flowed ? libmime.decodeFlowed(decoded, textPart.flowed.delSp) : decoded;
}

/** The first words the reader would see: quoted lines ("> …") and blank space left out. */
export function snippetOf(text: string): string {
  const lines = text.split('\n').filter((line) => !line.trimStart().startsWith('>'));
  const flat = lines.join(' ').replace(/\s+/g, ' ').trim();
  return flat.length <= SNIPPET_LENGTH ? flat : `${flat.slice(0, SNIPPET_LENGTH - 1).trimEnd()}…`;
}
