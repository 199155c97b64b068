/**
 * Reads a BODYSTRUCTURE (RFC 3501 §7.4.2) into where the readable text lives and what the attachments are, so
 * the body fetch asks for the text parts only and an attachment is fetched when the user opens it.
 */
import type { MessageStructureObject } from 'imapflow';
import type { AttachmentPart, TextPart } from '../sync/sink';

export interface MessageParts {
  textParts: TextPart[];
  attachments: AttachmentPart[];
}

/** An absent or unusable structure yields no parts: the message is still listed, its body simply stays empty. */
export function describeStructure(root: MessageStructureObject | undefined): MessageParts {
  const parts: MessageParts = { textParts: [], attachments: [] };
  if (!root) return parts;
  visit(root, root.childNodes ? '' : '1', parts);
  if (root.childNodes && parts.attachments.length === 0 && parts.textParts.every((part) => part.size === 0)) {
    // A multipart body without its boundary lines: Dovecot reports one empty part, and the text sits in what MIME
    // calls the preamble. Reading the whole body (BODY[TEXT]) as plain text keeps what the sender wrote.
    parts.textParts = [{ part: 'TEXT', contentType: 'text/plain', charset: null, encoding: null, size: root.size ?? 0 }];
  }
  return parts;
}

function visit(node: MessageStructureObject, fallbackPart: string, parts: MessageParts): void {
  const type = (node.type || 'application/octet-stream').toLowerCase();
  // A single-part message has no part number in its structure; BODY[1] addresses its body (RFC 3501 §6.4.5).
  const part = node.part || fallbackPart;
  // An attached message carries its own structure as a child; its text belongs to it, not to this message.
  if (node.childNodes && type !== 'message/rfc822') {
    node.childNodes.forEach((child, index) => visit(child, part ? `${part}.${index + 1}` : `${index + 1}`, parts));
    return;
  }
  if (type.startsWith('multipart/')) return; // a multipart without children: nothing to read or save
  const disposition = node.disposition?.toLowerCase() ?? null;
  const filename = filenameOf(node);
  const isText = type === 'text/plain' || type === 'text/html';
  if (isText && disposition !== 'attachment' && !filename) {
    const flowed = type === 'text/plain' && node.parameters?.format?.toLowerCase() === 'flowed';
    parts.textParts.push({
      part,
      contentType: type,
      charset: node.parameters?.charset ?? null,
      encoding: node.encoding?.toLowerCase() ?? null,
      size: node.size ?? 0,
      ...(flowed ? { flowed: { delSp: node.parameters?.delsp?.toLowerCase() === 'yes' } } : {}),
    });
    return;
  }
  parts.attachments.push({
    part,
    filename: filename ?? fallbackName(type, part, node),
    contentType: type,
    size: node.size ?? 0,
    contentId: node.id ?? null,
    inline: disposition === 'inline' || (disposition === null && Boolean(node.id)),
  });
}

function filenameOf(node: MessageStructureObject): string | null {
  // imapflow has already decoded RFC 2231 parameters and RFC 2047 words inside them.
  const name = (node.dispositionParameters?.filename ?? node.parameters?.name ?? '').trim();
  return name || null;
}

function fallbackName(type: string, part: string, node: MessageStructureObject): string {
  if (type === 'message/rfc822') return `${node.envelope?.subject || 'message'}.eml`;
  const subtype = type.split('/')[1] ?? 'bin';
  return `part-${part}.${subtype.replace(/[^a-z0-9]/g, '') || 'bin'}`;
}
