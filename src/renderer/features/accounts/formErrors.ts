import type { ErrorCode } from '../../../shared/errors';
import { errorData } from '../../lib/errors';

export const ACCOUNT_FIELDS = [
  'address',
  'password',
  'displayName',
  'username',
  'imap.host',
  'imap.port',
  'imap.security',
  'smtp.host',
  'smtp.port',
  'smtp.security',
] as const;

export type AccountField = (typeof ACCOUNT_FIELDS)[number];

/** Fields that live in the collapsed "Server settings" section: an error there must open it. */
export const ADVANCED_FIELDS: ReadonlySet<AccountField> = new Set([
  'username',
  'imap.host',
  'imap.port',
  'imap.security',
  'smtp.host',
  'smtp.port',
  'smtp.security',
]);

// Where an error shows when the core does not name the field: the cause most likely to be fixed there.
const FIELD_BY_CODE: Partial<Record<ErrorCode, AccountField>> = {
  'auth-failed': 'password',
  'duplicate-account': 'address',
  'host-not-found': 'imap.host',
  'connection-refused': 'imap.port',
  timeout: 'imap.host',
  'tls-failed': 'imap.security',
  'not-imap4rev1': 'imap.host',
  'smtp-failed': 'smtp.host',
};

export interface PlacedError {
  code: ErrorCode;
  /** The field the error is shown under, or null for the form as a whole (limit reached, untrusted certificate). */
  field: AccountField | null;
  /** For `tls-untrusted`: the certificate's SHA-256 fingerprint to show and, if the user agrees, to pin. */
  fingerprint: string | null;
}

/** Places an error from `accounts.add`/`update` next to the field that caused it, from its code and details. */
export function placeAccountError(err: unknown): PlacedError {
  const { code, details } = errorData(err);
  const fingerprint = typeof details?.fingerprintSha256 === 'string' ? details.fingerprintSha256 : null;
  if (code === 'tls-untrusted') return { code, field: null, fingerprint };
  const named = details?.field;
  if (typeof named === 'string' && (ACCOUNT_FIELDS as readonly string[]).includes(named)) {
    return { code, field: named as AccountField, fingerprint };
  }
  return { code, field: FIELD_BY_CODE[code] ?? null, fingerprint };
}
