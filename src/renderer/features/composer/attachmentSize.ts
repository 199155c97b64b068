/** How big the message will be, and whether that is over what the server accepts. */
import type { DraftAttachment } from '../../../shared/api/compose';
import type { Account } from '../../../shared/types';

/** What most providers accept when the server does not announce its SMTP SIZE (RFC 1870). */
export const DEFAULT_SIZE_LIMIT_BYTES = 25 * 1000 * 1000;

/** The bytes of a base64 string (without decoding it). */
export function decodedSize(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.max(0, Math.floor((base64.length * 3) / 4) - padding);
}

/**
 * The size on the wire: attachments travel base64-encoded in lines of 76 characters plus CRLF, a third bigger
 * than the files, and that is what a server's SIZE limit counts. `bodyBytes` is the HTML and its text copy.
 */
export function messageSize(attachments: readonly Pick<DraftAttachment, 'base64'>[], bodyBytes: number): number {
  const encoded = attachments.reduce((sum, attachment) => {
    const length = Math.ceil(decodedSize(attachment.base64) / 3) * 4;
    return sum + length + Math.ceil(length / 76) * 2;
  }, 0);
  return encoded + bodyBytes;
}

/** The limit the sending account's SMTP server announced (SIZE, RFC 1870), else what most providers accept. */
export function sizeLimitOf(account: Pick<Account, 'smtpMaxSize'> | undefined): number {
  return account?.smtpMaxSize ?? DEFAULT_SIZE_LIMIT_BYTES;
}

export function isOverSizeLimit(size: number, limitBytes: number = DEFAULT_SIZE_LIMIT_BYTES): boolean {
  return size > limitBytes;
}
