/**
 * The submission server's message size limit, from the SIZE keyword of its EHLO reply (RFC 1870 §4: `SIZE`
 * followed by the largest message it accepts in bytes; no number or 0 means no fixed limit).
 */
import type SMTPConnection from 'nodemailer/lib/smtp-connection';

/**
 * The limit a connected SMTPConnection read from EHLO (after STARTTLS, the EHLO that counts), null when none.
 * nodemailer parses it into a field its types do not declare (its public surface is a custom authentication
 * handler's arguments); it is read here, in one place.
 */
export function announcedMaxSize(connection: SMTPConnection): number | null {
  const parsed = (connection as unknown as { _maxAllowedSize?: unknown })._maxAllowedSize;
  return typeof parsed === 'number' && parsed > 0 ? parsed : null;
}
