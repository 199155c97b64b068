/**
 * Bytes of one text part as fetched (transfer-encoded, in its own charset) to a JavaScript string. Mail in the
 * wild lies about both, so every step degrades to "what can be read" instead of failing.
 */
import { decode as decodeCharset } from 'libmime/lib/charset.js';
import { decode as decodeQuotedPrintable } from 'libqp';
import type { TextPart } from './sink';

export function decodeTextPart(textPart: TextPart, raw: Uint8Array): string {
  const bytes = removeTransferEncoding(textPart.encoding, Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength));
  const charset = textPart.charset ?? (textPart.contentType === 'text/html' ? metaCharset(bytes) : null);
  if (charset) return decodeCharset(bytes, charset);
  // No charset at all: RFC 2045 says US-ASCII, practice says UTF-8 or, failing that, Windows-1252.
  return isUtf8(bytes) ? bytes.toString('utf8') : decodeCharset(bytes, 'windows-1252');
}

function removeTransferEncoding(encoding: string | null, bytes: Buffer): Buffer {
  switch (encoding?.toLowerCase()) {
    case 'base64':
      // Node stops at the first character outside the alphabet; broken mailers put stray ones in the middle.
      return Buffer.from(bytes.toString('latin1').replace(/[^A-Za-z0-9+/]/g, ''), 'base64');
    case 'quoted-printable':
      return decodeQuotedPrintable(bytes);
    default:
      return bytes;
  }
}

/** <meta charset="…"> or <meta http-equiv="Content-Type" content="…; charset=…"> in the first kilobytes. */
function metaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return head.match(/<meta[^>]+charset\s*=\s*["']?([\w.:-]+)/i)?.[1] ?? null;
}

function isUtf8(bytes: Buffer): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
